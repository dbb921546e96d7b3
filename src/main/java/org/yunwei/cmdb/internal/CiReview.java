package org.yunwei.cmdb.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.approval.ApprovalAsk;
import org.yunwei.approval.ApprovalState;
import org.yunwei.approval.ApprovalSubject;
import org.yunwei.approval.Approvals;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.cmdb.ConfigurationItemChanged;
import org.yunwei.identity.Actor;
import org.yunwei.web.RejectedRequest;

/**
 * 配置管理审核流程: an edit of an item whose class requires review waits as a pending change, and the approval module is
 * asked (under its default policy) to approve it for the hash of the item, the version it was made against and the
 * fields it sets. Granted, the change applies — unless the item changed meanwhile or another item took one of its
 * unique values, when it ends superseded and the item stays as it is. Rejected, returned or withdrawn, the item stays
 * as it was. A newer edit of the item supersedes the one waiting. A decision delivered twice, or for a hash the item
 * is not waiting for, changes nothing.
 */
@Service
class CiReview {

	static final String SUBJECT_TYPE = "ci-change";

	private final CiPendingChanges pendings;
	private final ConfigurationItemRecords records;
	private final ItemChanges changes;
	private final CiClasses classes;
	private final CiUniqueness uniqueness;
	private final Approvals approvals;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;

	CiReview(CiPendingChanges pendings, ConfigurationItemRecords records, ItemChanges changes, CiClasses classes,
			CiUniqueness uniqueness, Approvals approvals, AuditTrail audit, ApplicationEventPublisher events) {
		this.pendings = pendings;
		this.records = records;
		this.changes = changes;
		this.classes = classes;
		this.uniqueness = uniqueness;
		this.approvals = approvals;
		this.audit = audit;
		this.events = events;
	}

	/** Submits a checked edit for review, within the caller's transaction that holds the item's lock. */
	CiPendingChange submit(long itemId, CiClass itemClass, int baseVersion, ItemFields fields,
			List<FieldChange> changed, String reason, Actor requester) {
		pendings.waitingOf(itemId).ifPresent(older -> {
			pendings.decide(older.id(), "SUPERSEDED", Instant.now(), null);
			audit.record(AuditEntry.of("CI_CHANGE_SUPERSEDED", "configuration_item", itemId)
				.after(Map.of("pendingChangeId", older.id(), "by", "newer-edit")));
		});
		String hash = CiPendingChanges.hash(itemId, baseVersion, fields);
		long id = pendings.insert(itemId, baseVersion, fields, changed, reason, hash, requester);
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("classCode", itemClass.code());
		facts.put("fieldsChanged", changed.size());
		ApprovalState state = approvals.request(new ApprovalAsk(new ApprovalSubject(SUBJECT_TYPE, itemId, hash),
				approvals.defaultPolicyId(), fields.name() + " · " + itemClass.name() + " · " + reason,
				"/cmdb/items/" + itemId, facts));
		pendings.requested(id, state.requestId());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("pendingChangeId", id);
		after.put("approvalRequestId", state.requestId());
		after.put("baseVersion", baseVersion);
		after.put("fields", changed.stream().map(FieldChange::field).toList());
		audit.record(AuditEntry.of("CI_CHANGE_SUBMITTED", "configuration_item", itemId).after(after).detail(reason));
		return pendings.find(id).orElseThrow();
	}

	/** A grant for the change waiting at this hash: it applies, unless the item changed meanwhile. */
	@Transactional
	public void granted(long itemId, String hash, Instant at) {
		CiPendingChange pending = waiting(itemId, hash);
		if (pending == null) {
			return;
		}
		ConfigurationItem item = records.lock(itemId).orElseThrow();
		CiClass itemClass = classes.find(item.classId()).orElseThrow();
		if (item.version() != pending.baseVersion() || item.lifecycle() == Lifecycle.DISPOSED) {
			supersede(pending, at, "item-changed");
			return;
		}
		Map<Long, String> unique;
		try {
			unique = uniqueness.values(itemClass, pending.fields(), itemId);
		}
		catch (RejectedRequest taken) {
			supersede(pending, at, "unique-taken");
			return;
		}
		Map<String, Object> before = item.snapshot();
		List<FieldChange> changed = item.revise(pending.fields());
		pendings.decide(pending.id(), "APPLIED", at, null);
		if (!changed.isEmpty()) {
			records.update(item);
			records.replaceUniqueValues(itemId, unique);
			changes.append(itemId, item.version(), "REVIEWED", pending.requestedById(), pending.requestedByName(),
					pending.reason(), changed, item.snapshot());
			events.publishEvent(new ConfigurationItemChanged(itemId, itemClass.code(), "UPDATED", item.version()));
		}
		Map<String, Object> after = new LinkedHashMap<>(ItemRegister.only(item.snapshot(), changed));
		after.put("pendingChangeId", pending.id());
		after.put("approvalRequestId", pending.approvalRequestId());
		audit.record(AuditEntry.of("CI_CHANGE_APPLIED", "configuration_item", itemId)
			.before(ItemRegister.only(before, changed)).after(after).detail(pending.reason()));
	}

	/** A rejection, return or withdrawal of the change waiting at this hash: the item stays as it was. */
	@Transactional
	public void notGranted(long itemId, String hash, String outcome, String reason, Instant at) {
		CiPendingChange pending = waiting(itemId, hash);
		if (pending == null || !pendings.decide(pending.id(), outcome, at, reason)) {
			return;
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("pendingChangeId", pending.id());
		after.put("outcome", outcome);
		if (reason != null) {
			after.put("reason", reason);
		}
		audit.record(AuditEntry.of("CI_CHANGE_NOT_APPROVED", "configuration_item", itemId).after(after)
			.detail(pending.reason()));
	}

	/** The change of the item waiting for review, if any. */
	@Transactional(readOnly = true)
	public java.util.Optional<CiPendingChange> waitingOf(long itemId) {
		return pendings.waitingOf(itemId);
	}

	/** The item's reviews, newest first; the caller has checked that the reader sees the item. */
	@Transactional(readOnly = true)
	public List<CiPendingChange> of(long itemId, int limit) {
		return pendings.of(itemId, limit);
	}

	private CiPendingChange waiting(long itemId, String hash) {
		return pendings.waitingOf(itemId).filter(p -> p.contentHash().equals(hash)).orElse(null);
	}

	private void supersede(CiPendingChange pending, Instant at, String why) {
		if (pendings.decide(pending.id(), "SUPERSEDED", at, null)) {
			audit.record(AuditEntry.of("CI_CHANGE_SUPERSEDED", "configuration_item", pending.itemId())
				.after(Map.of("pendingChangeId", pending.id(), "by", why)));
		}
	}
}
