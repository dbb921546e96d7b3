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
 * 配置管理审核流程: an edit of an item whose class requires review — its fields, a lifecycle move, or a relation it
 * gains or loses (when either end's class requires review) — waits as a pending change, and the approval module is
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
	private final RelationRecording recording;
	private final Relations relationsOf;

	CiReview(CiPendingChanges pendings, ConfigurationItemRecords records, ItemChanges changes, CiClasses classes,
			CiUniqueness uniqueness, Approvals approvals, AuditTrail audit, ApplicationEventPublisher events,
			RelationRecording recording, Relations relationsOf) {
		this.recording = recording;
		this.relationsOf = relationsOf;
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
		supersedeWaiting(itemId);
		String hash = CiPendingChanges.hash(itemId, baseVersion, fields);
		long id = pendings.insert(itemId, baseVersion, fields, changed, reason, hash, requester);
		return requested(id, itemId, itemClass, "FIELDS", fields.name(), changed, reason, hash, baseVersion);
	}

	/** Submits a checked lifecycle move for review, within the caller's transaction that holds the item's lock. */
	CiPendingChange submitLifecycle(long itemId, CiClass itemClass, int baseVersion, Lifecycle from, Lifecycle to,
			String reason, Actor requester) {
		supersedeWaiting(itemId);
		Map<String, Object> proposal = Map.of("lifecycle", to.name());
		String hash = CiPendingChanges.hash(itemId, baseVersion, "LIFECYCLE", proposal);
		List<FieldChange> changed = List.of(new FieldChange("lifecycle", from.name(), to.name()));
		long id = pendings.insert(itemId, baseVersion, "LIFECYCLE", null, proposal, changed, reason, hash,
				requester);
		ConfigurationItem item = records.find(itemId).orElseThrow();
		return requested(id, itemId, itemClass, "LIFECYCLE", item.fields().name(), changed, reason, hash,
				baseVersion);
	}

	/** Submits a checked new relation for review; it waits on the source item. Both ends are locked by the caller. */
	CiPendingChange submitRelationAdded(ConfigurationItem source, ConfigurationItem target, RelationType type,
			String note, String reason, Actor requester) {
		supersedeWaiting(source.id());
		Map<String, Object> proposal = new LinkedHashMap<>();
		proposal.put("sourceId", source.id());
		proposal.put("targetId", target.id());
		proposal.put("type", type.name());
		proposal.put("note", note);
		String hash = CiPendingChanges.hash(source.id(), source.version(), "RELATION_ADDED", proposal);
		List<FieldChange> changed = List.of(
				new FieldChange("relation", null, RelationRecording.end(type, "OUT", target)));
		long id = pendings.insert(source.id(), source.version(), "RELATION_ADDED", null, proposal, changed, reason,
				hash, requester);
		return requested(id, source.id(), classes.find(source.classId()).orElseThrow(), "RELATION_ADDED",
				source.fields().name(), changed, reason, hash, source.version());
	}

	/** Submits the removal of a relation for review; it waits on the item it was asked from (locked by the caller). */
	CiPendingChange submitRelationRemoved(ConfigurationItem item, ConfigurationItem other, Relation relation,
			String reason, Actor requester) {
		supersedeWaiting(item.id());
		Map<String, Object> proposal = Map.of("relationId", relation.id());
		String hash = CiPendingChanges.hash(item.id(), item.version(), "RELATION_REMOVED", proposal);
		String direction = relation.sourceId() == item.id() ? "OUT" : "IN";
		List<FieldChange> changed = List.of(
				new FieldChange("relation", RelationRecording.end(relation.type(), direction, other), null));
		long id = pendings.insert(item.id(), item.version(), "RELATION_REMOVED", null, proposal, changed, reason,
				hash, requester);
		return requested(id, item.id(), classes.find(item.classId()).orElseThrow(), "RELATION_REMOVED",
				item.fields().name(), changed, reason, hash, item.version());
	}

	/** A newer change of an item supersedes the one waiting, whatever its kind: one waits per item at a time. */
	private void supersedeWaiting(long itemId) {
		pendings.waitingOf(itemId).ifPresent(older -> {
			pendings.decide(older.id(), "SUPERSEDED", Instant.now(), null);
			audit.record(AuditEntry.of("CI_CHANGE_SUPERSEDED", "configuration_item", itemId)
				.after(Map.of("pendingChangeId", older.id(), "by", "newer-edit")));
		});
	}

	private CiPendingChange requested(long id, long itemId, CiClass itemClass, String kind, String itemName,
			List<FieldChange> changed, String reason, String hash, int baseVersion) {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("classCode", itemClass.code());
		facts.put("kind", kind);
		facts.put("fieldsChanged", changed.size());
		ApprovalState state = approvals.request(new ApprovalAsk(new ApprovalSubject(SUBJECT_TYPE, itemId, hash),
				approvals.defaultPolicyId(), itemName + " · " + itemClass.name() + " · " + reason,
				"/cmdb/items/" + itemId, facts));
		pendings.requested(id, state.requestId());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("pendingChangeId", id);
		after.put("approvalRequestId", state.requestId());
		after.put("baseVersion", baseVersion);
		after.put("kind", kind);
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
		switch (pending.kind()) {
			case "LIFECYCLE" -> grantedMove(pending, at);
			case "RELATION_ADDED" -> grantedRelation(pending, at);
			case "RELATION_REMOVED" -> grantedRemoval(pending, at);
			default -> grantedEdit(pending, at);
		}
	}

	private void grantedEdit(CiPendingChange pending, Instant at) {
		long itemId = pending.itemId();
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

	/** A granted lifecycle move applies unless the item changed meanwhile or the move is no longer allowed. */
	private void grantedMove(CiPendingChange pending, Instant at) {
		ConfigurationItem item = records.lock(pending.itemId()).orElseThrow();
		Lifecycle target = Lifecycle.valueOf((String) pending.proposal().get("lifecycle"));
		if (item.version() != pending.baseVersion() || item.lifecycle() == Lifecycle.DISPOSED
				|| !item.lifecycle().next().contains(target)) {
			supersede(pending, at, "item-changed");
			return;
		}
		FieldChange change = item.moveTo(target);
		pendings.decide(pending.id(), "APPLIED", at, null);
		records.update(item);
		changes.append(item.id(), item.version(), "LIFECYCLE", pending.requestedById(), pending.requestedByName(),
				pending.reason(), List.of(change), item.snapshot());
		String classCode = classes.find(item.classId()).map(CiClass::code).orElse("");
		events.publishEvent(new ConfigurationItemChanged(item.id(), classCode, "LIFECYCLE", item.version()));
		audit.record(AuditEntry.of("CI_LIFECYCLE_CHANGED", "configuration_item", item.id())
			.before(Map.of("lifecycle", change.before())).after(Map.of("lifecycle", change.after()))
			.detail(pending.reason()));
		applied(pending);
	}

	/**
	 * A granted new relation holds from now on, unless an end was disposed or the same relation came to hold
	 * meanwhile. Relations do not depend on the item's other values, so a change of the item meanwhile does not
	 * supersede it.
	 */
	private void grantedRelation(CiPendingChange pending, Instant at) {
		long sourceId = ((Number) pending.proposal().get("sourceId")).longValue();
		long targetId = ((Number) pending.proposal().get("targetId")).longValue();
		RelationType type = RelationType.valueOf((String) pending.proposal().get("type"));
		ConfigurationItem a = records.lock(Math.min(sourceId, targetId)).orElseThrow();
		ConfigurationItem b = records.lock(Math.max(sourceId, targetId)).orElseThrow();
		ConfigurationItem source = a.id() == sourceId ? a : b;
		ConfigurationItem target = a.id() == sourceId ? b : a;
		if (source.lifecycle() == Lifecycle.DISPOSED || target.lifecycle() == Lifecycle.DISPOSED
				|| relationsOf.exists(sourceId, targetId, type)) {
			supersede(pending, at, "item-changed");
			return;
		}
		pendings.decide(pending.id(), "APPLIED", at, null);
		recording.add(source, target, type, (String) pending.proposal().get("note"), pending.requestedById(),
				pending.requestedByName(), pending.reason());
		applied(pending);
	}

	/** A granted removal ends the relation, unless it was removed meanwhile. */
	private void grantedRemoval(CiPendingChange pending, Instant at) {
		long relationId = ((Number) pending.proposal().get("relationId")).longValue();
		Relation relation = relationsOf.find(relationId).filter(r -> r.removedAt() == null).orElse(null);
		if (relation == null) {
			supersede(pending, at, "item-changed");
			return;
		}
		ConfigurationItem a = records.lock(Math.min(relation.sourceId(), relation.targetId())).orElseThrow();
		ConfigurationItem b = records.lock(Math.max(relation.sourceId(), relation.targetId())).orElseThrow();
		ConfigurationItem source = a.id() == relation.sourceId() ? a : b;
		ConfigurationItem target = a.id() == relation.sourceId() ? b : a;
		pendings.decide(pending.id(), "APPLIED", at, null);
		recording.remove(relation, source, target, pending.requestedById(), pending.requestedByName(),
				pending.reason());
		applied(pending);
	}

	private void applied(CiPendingChange pending) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("pendingChangeId", pending.id());
		after.put("approvalRequestId", pending.approvalRequestId());
		after.put("kind", pending.kind());
		audit.record(AuditEntry.of("CI_CHANGE_APPLIED", "configuration_item", pending.itemId()).after(after)
			.detail(pending.reason()));
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
