package org.yunwei.release.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.approval.ApprovalAsk;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalState;
import org.yunwei.approval.ApprovalSubject;
import org.yunwei.approval.Approvals;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.change.ChangeRequests;
import org.yunwei.change.ChangeSummary;
import org.yunwei.cmdb.ConfigurationItemAttribute;
import org.yunwei.cmdb.ConfigurationItemClass;
import org.yunwei.cmdb.ConfigurationItemProposal;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.identity.ScopedActor;
import org.yunwei.identity.Organisations;
import org.yunwei.release.ReleaseApproved;
import org.yunwei.release.ReleaseCompleted;
import org.springframework.http.HttpStatus;
import org.yunwei.release.internal.Release.DeploymentStepResult;
import org.yunwei.release.internal.Release.ReleaseNewItem;
import org.yunwei.release.internal.Release.ReleasedChange;
import org.yunwei.release.internal.Release.ReleaseItem;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Orchestrates a release's life: checks the scope against the CMDB (items that exist, are visible and are not
 * retired) and the changes against change management (only approved changes, or implemented ones that succeeded, may
 * be released), asks the approval module, records the deployment and the completion — telling the CMDB the version
 * each application system in scope now runs — and then saves, audits and publishes in one transaction. Every refusal
 * changes nothing, in this module and in the CMDB.
 */
@Service
class ReleaseRegister {

	static final String SUBJECT_TYPE = "release";
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	/** The change states a release may deliver: approved, under or after implementation. */
	static final Set<String> RELEASABLE = Set.of("APPROVED", "IMPLEMENTING", "IMPLEMENTED", "CLOSED");

	private final ReleaseRecords records;
	private final ReleaseScope scope;
	private final ConfigurationItems items;
	private final ChangeRequests changes;
	private final Approvals approvals;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final ReleaseApprovalRules rules;
	private final Organisations organisations;

	ReleaseRegister(ReleaseRecords records, ReleaseScope scope, ConfigurationItems items, ChangeRequests changes,
			Approvals approvals, AuditTrail audit, ApplicationEventPublisher events, ReleaseApprovalRules rules,
			Organisations organisations) {
		this.rules = rules;
		this.organisations = organisations;
		this.records = records;
		this.scope = scope;
		this.items = items;
		this.changes = changes;
		this.approvals = approvals;
		this.audit = audit;
		this.events = events;
	}

	/** A release the signed-in person may read; 404 outside their scope. */
	@Transactional(readOnly = true)
	public Release get(long id) {
		ScopedActor reader = scope.reader();
		return records.find(id).filter(ReleaseScope.visibleTo(reader))
			.orElseThrow(() -> RejectedRequest.notFound("release"));
	}

	/** Records a new draft; 400 naming every refused field. */
	@Transactional
	public Release create(Supplier<ReleaseContent> form) {
		ScopedActor writer = scope.writer();
		ReleaseContent content = form.get();
		Resolved resolved = resolve(content);
		Release release = Release.draft(records.nextNumber(LocalDate.now(ZONE)), content, resolved.items(),
				resolved.units(), resolved.changes(), writer.actor().userId(), writer.scope().providerPartyId());
		long id = records.insert(release);
		audit.record(AuditEntry.of("RELEASE_CREATED", "release", id).after(snapshot(release))
			.detail(release.number()));
		return records.find(id).orElseThrow();
	}

	/**
	 * Replaces a release's content. Under approval (or approved), the approval module is asked again with the new
	 * hash, which supersedes the open request: an approval of the content as submitted no longer counts.
	 */
	@Transactional
	public Release edit(long id, Supplier<ReleaseContent> form) {
		ScopedActor writer = scope.writer();
		Release release = keep(id, writer);
		Map<String, Object> before = snapshot(release);
		ReleaseContent content = form.get();
		Resolved resolved = resolve(content);
		if (release.newItems().stream()
			.anyMatch(n -> n.relatedItemId() != null && !content.ciIds().contains(n.relatedItemId()))) {
			// a new item listed as related to an item in scope keeps that item in scope
			throw RejectedRequest.invalidField("ciIds", "release.item.related-to-new-item");
		}
		if (release.edit(content, resolved.items(), resolved.units(), resolved.changes())) {
			ask(release, release.approvalPolicyId());
		}
		records.update(release);
		audit.record(AuditEntry.of("RELEASE_EDITED", "release", id).before(before).after(snapshot(release))
			.detail(release.number()));
		return records.find(id).orElseThrow();
	}

	/**
	 * Submits a draft to the approval module under the policy the release approval rules give its type (the
	 * installation's default policy when none does), which stays its policy while it is under approval or approved.
	 * 422 without a plan, a planned date or an item in scope; 400 when a change it delivers is no longer releasable.
	 */
	@Transactional
	public Release submit(long id) {
		ScopedActor writer = scope.writer();
		Release release = keep(id, writer);
		release.requireSubmittable();
		FieldErrors errors = new FieldErrors();
		checkChanges(release.changeIds(), errors);
		errors.throwIfAny();
		ask(release, rules.policyFor(release.type()));
		records.update(release);
		audit.record(AuditEntry.of("RELEASE_SUBMITTED", "release", id)
			.after(Map.of("policyId", release.approvalPolicyId(), "approvalRequestId", release.approvalRequestId(),
					"hash", release.submittedHash()))
			.detail(release.number()));
		return records.find(id).orElseThrow();
	}

	private void ask(Release release, Long policy) {
		String hash = release.contentHash();
		long policyId = policy == null ? approvals.defaultPolicyId() : policy;
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("type", release.type().name());
		facts.put("items", release.items().size());
		facts.put("changes", release.changes().size());
		facts.put("emergency", release.type() == ReleaseType.EMERGENCY);
		ApprovalState state = approvals.request(new ApprovalAsk(new ApprovalSubject(SUBJECT_TYPE, release.id(), hash),
				policyId, release.number() + " · " + release.title() + " · " + release.releaseVersion(),
				"/releases/" + release.id(), facts));
		release.submitted(policyId, state.requestId(), hash, Instant.now());
	}

	/** A grant for the hash under approval approves the release; anything else changes nothing. */
	@Transactional
	public void granted(long id, String hash, Instant at) {
		Release release = records.findForUpdate(id).orElse(null);
		if (release == null || !release.awaits(hash)) {
			return; // delivered twice, or for content edited since
		}
		release.granted(at);
		records.update(release);
		audit.record(AuditEntry.of("RELEASE_APPROVED", "release", id).actor("approval")
			.after(Map.of("hash", hash, "approvalRequestId", release.approvalRequestId()))
			.detail(release.number()));
		events.publishEvent(new ReleaseApproved(id, release.number(), release.changeIds(), release.plannedAt(), at));
	}

	/** A rejection, return or withdrawal for the hash under approval: a draft again with the reason. */
	@Transactional
	public void notGranted(long id, String hash, ApprovalOutcome outcome, String reason) {
		Release release = records.findForUpdate(id).orElse(null);
		if (release == null || !release.awaits(hash)) {
			return;
		}
		release.notApproved(FieldErrors.clean(reason));
		records.update(release);
		audit.record(AuditEntry.of("RELEASE_NOT_APPROVED", "release", id).actor("approval")
			.after(Map.of("outcome", outcome.name(), "reason", reason == null ? "" : reason))
			.detail(release.number()));
	}

	/** Records the deployment (部署记录) of an approved release; the deployer is the signed-in person. */
	@Transactional
	public Release deploy(long id, Instant start, Instant end, List<DeploymentStepResult> steps) {
		ScopedActor writer = scope.writer();
		Release release = keep(id, writer);
		release.deployed(writer.actor().userId(), writer.actor().displayName(), start, end, steps, Instant.now());
		records.update(release);
		audit.record(AuditEntry.of("RELEASE_DEPLOYED", "release", id)
			.after(Map.of("startedAt", start.toString(), "endedAt", end.toString(), "steps", steps.size(),
					"failedSteps", steps.stream().filter(s -> !s.succeeded()).count()))
			.detail(release.number()));
		return records.find(id).orElseThrow();
	}

	/**
	 * Writes the completion record (发布完成信息记录) of a deployed release and tells the CMDB the version each
	 * application system in scope now runs; publishes {@link ReleaseCompleted}. Refused before the deployment (409),
	 * changing nothing in the CMDB either.
	 */
	@Transactional
	public Release complete(long id, String note) {
		ScopedActor writer = scope.writer();
		Release release = keep(id, writer);
		release.requireCompletable(note);
		List<String> updates = new ArrayList<>();
		for (ReleaseItem item : release.items()) {
			if (item.applicationSystem() && items.recordReleasedVersion(item.id(), release.releaseVersion(),
					release.number() + " 发布完成 · " + release.title())) {
				updates.add(item.name() + " → " + release.releaseVersion());
			}
		}
		Map<Integer, Long> created = registerNewItems(release);
		Instant now = Instant.now();
		release.complete(note, writer.actor().userId(), now, updates, created);
		records.update(release);
		audit.record(AuditEntry.of("RELEASE_COMPLETED", "release", id)
			.after(Map.of("note", release.completionNote(), "cmdbUpdates", updates, "createdItemIds",
					List.copyOf(created.values())))
			.detail(release.number()));
		events.publishEvent(new ReleaseCompleted(id, release.number(), release.ciIds(), release.changeIds(),
				release.releaseVersion(), now));
		return records.find(id).orElseThrow();
	}

	/**
	 * Registers the release's new items in the CMDB through its facade, in this transaction: a refusal (the class's
	 * rules changed since the item was listed, a unique value taken meanwhile) is 422 naming the entry's fields, and
	 * rolls back the completion, the versions and the items registered before it.
	 */
	private Map<Integer, Long> registerNewItems(Release release) {
		Map<Integer, Long> created = new LinkedHashMap<>();
		String reason = release.number() + " 发布完成 · " + release.title() + " · 新增配置项";
		for (ReleaseNewItem item : release.newItems()) {
			try {
				created.put(item.key(), items.registerProposal(proposal(item), release.releaseVersion(), reason));
			}
			catch (RejectedRequest refused) {
				if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
					throw refused;
				}
				Map<String, String> fields = new LinkedHashMap<>();
				refused.fieldErrors().forEach((field, key) -> fields.put("newItems[" + item.key() + "]." + field, key));
				throw new RejectedRequest(HttpStatus.UNPROCESSABLE_CONTENT, "release-new-item-refused",
						"release.new-item.refused", new Object[] { item.name() }, fields);
			}
		}
		return created;
	}

	private static ConfigurationItemProposal proposal(ReleaseNewItem item) {
		return new ConfigurationItemProposal(item.classId(), item.name(), item.customerUnitId(), item.ipAddress(),
				item.attributes(), item.relatedItemId(), item.relationType());
	}

	/**
	 * Lists a new configuration item the release brings, checked now against the CMDB's rules for a new item of the
	 * class (400 naming each field); a related item must be in the release's scope. Under approval or approved, the
	 * release goes to approval again under its policy: the approval covers the items it brings.
	 */
	@Transactional
	public Release addNewItem(long id, ConfigurationItemProposal proposal) {
		ScopedActor writer = scope.writer();
		Release release = keep(id, writer);
		release.requireEditable();
		FieldErrors errors = new FieldErrors();
		if (proposal.relatedItemId() != null && !release.ciIds().contains(proposal.relatedItemId())) {
			errors.add("relatedItemId", "release.new-item.related-out-of-scope");
		}
		items.checkProposal(proposal).forEach(errors::add);
		errors.throwIfAny();
		ConfigurationItemClass itemClass = items.classes().stream().filter(c -> c.id() == proposal.classId())
			.findFirst().orElseThrow();
		List<String> texts = new ArrayList<>();
		for (ConfigurationItemAttribute attribute : items.attributes(itemClass.id())) {
			Object value = proposal.attributes().get(attribute.code());
			if (value != null && !value.toString().isBlank()) {
				texts.add(attribute.name() + "：" + attribute.display(value, java.util.Locale.CHINA));
			}
		}
		String unitName = proposal.customerUnitId() == null ? null : organisations.find(proposal.customerUnitId())
			.map(u -> u.partyName() + " / " + u.name()).orElse(null);
		String relatedName = release.items().stream().filter(i -> proposal.relatedItemId() != null
				&& i.id() == proposal.relatedItemId()).map(ReleaseItem::name).findFirst().orElse(null);
		String relation = FieldErrors.clean(proposal.relationType());
		ReleaseNewItem item = new ReleaseNewItem(0, itemClass.id(), itemClass.name(), FieldErrors.clean(proposal.name()),
				proposal.customerUnitId(), unitName, FieldErrors.clean(proposal.ipAddress()), proposal.attributes(),
				texts, proposal.relatedItemId(), relatedName,
				relation == null ? null : relation.toUpperCase(java.util.Locale.ROOT), null);
		if (release.addNewItem(item)) {
			ask(release, release.approvalPolicyId());
		}
		records.update(release);
		audit.record(AuditEntry.of("RELEASE_NEW_ITEM_ADDED", "release", id)
			.after(Map.of("classId", item.classId(), "name", item.name(), "hash", release.contentHash()))
			.detail(release.number()));
		return records.find(id).orElseThrow();
	}

	/** Takes a new item off the release's list; under approval or approved, the release goes to approval again. */
	@Transactional
	public Release removeNewItem(long id, int key) {
		ScopedActor writer = scope.writer();
		Release release = keep(id, writer);
		ReleaseNewItem removed = release.newItems().stream().filter(i -> i.key() == key).findFirst().orElse(null);
		if (release.removeNewItem(key)) {
			ask(release, release.approvalPolicyId());
		}
		records.update(release);
		audit.record(AuditEntry.of("RELEASE_NEW_ITEM_REMOVED", "release", id)
			.before(Map.of("classId", removed.classId(), "name", removed.name()))
			.after(Map.of("hash", release.contentHash())).detail(release.number()));
		return records.find(id).orElseThrow();
	}

	/** Cancels a release not yet deployed, with the reason. */
	@Transactional
	public Release cancel(long id, String reason) {
		ScopedActor writer = scope.writer();
		Release release = keep(id, writer);
		ReleaseStatus before = release.status();
		release.cancel(reason);
		records.update(release);
		audit.record(AuditEntry.of("RELEASE_CANCELLED", "release", id).before(Map.of("status", before.name()))
			.after(Map.of("reason", release.decisionNote())).detail(release.number()));
		return records.find(id).orElseThrow();
	}

	private Release keep(long id, ScopedActor writer) {
		return records.findForUpdate(id).filter(ReleaseScope.visibleTo(writer))
			.orElseThrow(() -> RejectedRequest.notFound("release"));
	}

	/**
	 * Checks the scope and the changes: an item that does not exist or is not visible, or is retired or disposed, is
	 * refused beside {@code ciIds}; a change not visible, or neither approved nor implemented with success, beside
	 * {@code changeIds}. 400 naming every refused field.
	 */
	private Resolved resolve(ReleaseContent content) {
		FieldErrors errors = new FieldErrors();
		List<ReleaseItem> scoped = new ArrayList<>();
		Set<Long> units = new LinkedHashSet<>();
		for (Long ciId : content.ciIds()) {
			Optional<ConfigurationItemSummary> found = items.find(ciId);
			if (found.isEmpty()) {
				errors.add("ciIds", "release.item.unknown");
				continue;
			}
			ConfigurationItemSummary item = found.get();
			if ("RETIRED".equals(item.lifecycle()) || "DISPOSED".equals(item.lifecycle())) {
				errors.add("ciIds", "release.item.retired");
				continue;
			}
			scoped.add(new ReleaseItem(item.id(), item.name(), item.classCode(), item.className()));
			if (item.customerUnitId() != null) {
				units.add(item.customerUnitId());
			}
		}
		List<ReleasedChange> included = checkChanges(content.changeIds(), errors);
		errors.throwIfAny();
		return new Resolved(scoped, List.copyOf(units), included);
	}

	private List<ReleasedChange> checkChanges(List<Long> ids, FieldErrors errors) {
		List<ReleasedChange> included = new ArrayList<>();
		for (Long changeId : ids) {
			Optional<ChangeSummary> found = changes.find(changeId);
			if (found.isEmpty()) {
				errors.add("changeIds", "release.change.unknown");
				continue;
			}
			ChangeSummary change = found.get();
			if (!releasable(change)) {
				errors.add("changeIds", "release.change.not-releasable");
				continue;
			}
			included.add(new ReleasedChange(change.id(), change.number(), change.title()));
		}
		return included;
	}

	/** Approved, under implementation, or implemented with success; never a draft, a refused or failed change. */
	static boolean releasable(ChangeSummary change) {
		return RELEASABLE.contains(change.status())
				&& (change.outcome() == null || "SUCCESSFUL".equals(change.outcome()));
	}

	private record Resolved(List<ReleaseItem> items, List<Long> units, List<ReleasedChange> changes) {
	}

	private static Map<String, Object> snapshot(Release release) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("status", release.status().name());
		values.put("type", release.type().name());
		values.put("title", release.title());
		values.put("releaseVersion", release.releaseVersion());
		values.put("ciIds", release.ciIds());
		values.put("changeIds", release.changeIds());
		values.put("plan", release.plan() != null);
		values.put("plannedAt", release.plannedAt() == null ? null : release.plannedAt().toString());
		values.put("knownErrors", release.knownErrors() != null);
		values.put("newItems", release.newItems().size());
		values.put("hash", release.contentHash());
		return values;
	}
}
