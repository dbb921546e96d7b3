package org.yunwei.change.internal;

import java.time.Duration;
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
import org.yunwei.change.ChangeApproved;
import org.yunwei.change.ChangeClosed;
import org.yunwei.change.ChangeImplemented;
import org.yunwei.change.internal.ChangeRequest.AffectedItem;
import org.yunwei.change.internal.ChangeRequest.PlanStep;
import org.yunwei.change.internal.ChangeRiskMatrix.Assessed;
import org.yunwei.cmdb.ConfigurationItemImpact;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.identity.ScopedActor;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Orchestrates a change's life: checks the content against the CMDB (items that exist, are visible and are not
 * retired) and the directory (step owners), assesses the risk from the items' impact, criticality and history, asks
 * the approval module under the policy chosen from category and risk, and then loads, calls the aggregate, saves,
 * audits and publishes in one transaction. Every refusal changes nothing.
 */
@Service
class ChangeRegister {

	static final String SUBJECT_TYPE = "change-request";
	/** The subject of the extra approval an emergency change planned into a freeze window needs. */
	static final String OVERRIDE_SUBJECT_TYPE = "change-freeze-override";
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final Duration HISTORY = Duration.ofDays(365);

	private final ChangeRecords records;
	private final FreezeWindowRecords freezeWindows;
	private final ChangeScope scope;
	private final ConfigurationItems items;
	private final People people;
	private final Approvals approvals;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final ChangeClocks clocks;

	ChangeRegister(ChangeRecords records, FreezeWindowRecords freezeWindows, ChangeScope scope,
			ConfigurationItems items, People people, Approvals approvals, AuditTrail audit,
			ApplicationEventPublisher events, ChangeClocks clocks) {
		this.clocks = clocks;
		this.records = records;
		this.freezeWindows = freezeWindows;
		this.scope = scope;
		this.items = items;
		this.people = people;
		this.approvals = approvals;
		this.audit = audit;
		this.events = events;
	}

	/** A change the signed-in person may read; 404 outside their scope. */
	@Transactional(readOnly = true)
	public ChangeRequest get(long id) {
		ScopedActor reader = scope.reader();
		return records.find(id).filter(ChangeScope.visibleTo(reader))
			.orElseThrow(() -> RejectedRequest.notFound("change"));
	}

	/** Records a new draft; 400 naming every refused field. */
	@Transactional
	public ChangeRequest create(Supplier<ChangeContent> form) {
		ScopedActor writer = scope.writer();
		FieldErrors errors = new FieldErrors();
		ChangeContent content = form.get();
		Resolved resolved = resolve(content, errors, writer, null);
		errors.throwIfAny();
		ChangeRequest change = ChangeRequest.draft(records.nextNumber(LocalDate.now(ZONE)), content,
				resolved.items(), resolved.units(), resolved.steps(), resolved.assessment(), writer.actor().userId(),
				writer.scope().providerPartyId());
		long id = records.insert(change);
		records.setServices(id, resolved.serviceIds());
		audit.record(AuditEntry.of("CHANGE_CREATED", "change", id).after(snapshot(change)).detail(change.number()));
		return records.find(id).orElseThrow();
	}

	/**
	 * Replaces a change's content. Under approval (or approved), the approval module is asked again under the same
	 * policy with the new hash, which supersedes the open request: an approval of the content as submitted no longer
	 * counts.
	 */
	@Transactional
	public ChangeRequest edit(long id, Supplier<ChangeContent> form) {
		ScopedActor writer = scope.writer();
		ChangeRequest change = keep(id, writer);
		Map<String, Object> before = snapshot(change);
		FieldErrors errors = new FieldErrors();
		ChangeContent content = form.get();
		Resolved resolved = resolve(content, errors, writer, id);
		errors.throwIfAny();
		boolean askAgain = change.edit(content, resolved.items(), resolved.units(), resolved.steps(),
				resolved.assessment());
		if (askAgain) {
			ask(change, change.approvalPolicyId(), freezeVerdict(change));
		}
		records.update(change);
		records.setServices(id, resolved.serviceIds());
		audit.record(AuditEntry.of("CHANGE_EDITED", "change", id).before(before).after(snapshot(change))
			.detail(change.number()));
		return records.find(id).orElseThrow();
	}

	/** The assessor's risk level with a justification (or the computed level again). */
	@Transactional
	public ChangeRequest assessRisk(long id, String level, String justification) {
		ScopedActor writer = scope.writer();
		ChangeRequest change = keep(id, writer);
		FieldErrors errors = new FieldErrors();
		RiskLevel risk = errors.constant(RiskLevel.class, level, "riskLevel");
		errors.throwIfAny();
		RiskLevel before = change.riskLevel();
		boolean askAgain = change.assessRisk(risk, justification);
		if (askAgain) {
			ask(change, change.approvalPolicyId(), freezeVerdict(change));
		}
		records.update(change);
		audit.record(AuditEntry.of("CHANGE_RISK_ASSESSED", "change", id).before(Map.of("riskLevel", before.name()))
			.after(Map.of("riskLevel", risk.name(), "computed", change.assessment().computed().name(),
					"justification", change.riskJustification() == null ? "" : change.riskJustification()))
			.detail(change.number()));
		return records.find(id).orElseThrow();
	}

	/**
	 * Submits a draft: a standard change is accepted from its pre-approved template; any other goes to the approval
	 * module under the policy for its category and risk level (the installation's default where none is set), which
	 * stays its policy. 422 without a rollback plan, a planned window, a step or an item.
	 */
	@Transactional
	public ChangeRequest submit(long id) {
		ScopedActor writer = scope.writer();
		ChangeRequest change = keep(id, writer);
		change.requireSubmittable();
		FreezeWindowPolicy.Verdict freeze = freezeVerdict(change);
		if (change.category() == ChangeCategory.STANDARD) {
			Instant now = Instant.now();
			change.acceptedAsStandard(change.contentHash(), now);
			records.update(change);
			audit.record(AuditEntry.of("CHANGE_ACCEPTED_AS_STANDARD", "change", id)
				.after(Map.of("hash", change.submittedHash())).detail(change.number()));
			events.publishEvent(new ChangeApproved(id, change.number(), change.ciIds(), change.plannedStart(),
					change.plannedEnd(), now));
			return records.find(id).orElseThrow();
		}
		long policy = records.policyFor(change.category(), change.riskLevel())
			.orElseGet(approvals::defaultPolicyId);
		ask(change, policy, freeze);
		records.update(change);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("policyId", policy);
		after.put("approvalRequestId", change.approvalRequestId());
		after.put("hash", change.submittedHash());
		after.put("riskLevel", change.riskLevel().name());
		after.put("freezeOverrideRequestId", change.overrideRequestId());
		audit.record(AuditEntry.of("CHANGE_SUBMITTED", "change", id).after(after).detail(change.number()));
		return records.find(id).orElseThrow();
	}

	/**
	 * Refuses (422 beside {@code plannedStart}) a change other than an emergency one planned into a freeze window;
	 * answers whether the change needs the override approval.
	 */
	private FreezeWindowPolicy.Verdict freezeVerdict(ChangeRequest change) {
		List<FreezeWindow> overlapping = freezeWindows.overlapping(change.plannedStart(), change.plannedEnd());
		FreezeWindowPolicy.Verdict verdict = FreezeWindowPolicy.judge(change.category(), overlapping);
		if (verdict == FreezeWindowPolicy.Verdict.BLOCKED) {
			throw FieldErrors.ruleBroken("change-in-freeze-window", "plannedStart", "change.freeze.blocked");
		}
		return verdict;
	}

	/**
	 * Asks the approval module for the change at its current hash under the policy; planned into a freeze window,
	 * an emergency change also asks for the override under the override policy (the default where none is set).
	 */
	private void ask(ChangeRequest change, Long policy, FreezeWindowPolicy.Verdict freeze) {
		String hash = change.contentHash();
		long policyId = policy == null ? approvals.defaultPolicyId() : policy;
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("category", change.category().name());
		facts.put("risk", change.riskLevel().name());
		facts.put("type", change.type().name());
		facts.put("items", change.items().size());
		facts.put("emergency", change.category() == ChangeCategory.EMERGENCY);
		facts.put("freezeOverride", freeze == FreezeWindowPolicy.Verdict.OVERRIDE_REQUIRED);
		String link = "/changes/" + change.id();
		ApprovalState state = approvals.request(new ApprovalAsk(new ApprovalSubject(SUBJECT_TYPE, change.id(), hash),
				policyId, change.number() + " · " + change.title(), link, facts));
		Long override = null;
		if (freeze == FreezeWindowPolicy.Verdict.OVERRIDE_REQUIRED) {
			long overridePolicy = records.overridePolicy().orElseGet(approvals::defaultPolicyId);
			override = approvals.request(new ApprovalAsk(
					new ApprovalSubject(OVERRIDE_SUBJECT_TYPE, change.id(), hash), overridePolicy,
					change.number() + " · " + change.title() + " · 重要保障期内实施许可", link, facts)).requestId();
		}
		change.submitted(policyId, state.requestId(), override, hash, Instant.now());
		clocks.awaitingApproval(change, change.submittedAt());
	}

	/**
	 * A grant from the approval module, of the change's approval or of its freeze override: approves the change once
	 * every approval it needs is granted for the hash it still stands at under approval.
	 */
	@Transactional
	public void granted(long id, String hash, Instant at, boolean override) {
		ChangeRequest change = records.findForUpdate(id).orElse(null);
		if (change == null || !change.awaits(hash) || override && !change.freezeOverride()) {
			return; // delivered twice, or for content edited since: changes nothing
		}
		boolean approved = change.granted(override, at);
		records.update(change);
		if (approved) {
			// now, not the decision's time: the listener runs after it, and a clock takes no entry dated back
			clocks.decided(change, Instant.now());
		}
		audit.record(AuditEntry.of(override ? "CHANGE_FREEZE_OVERRIDE_GRANTED" : "CHANGE_APPROVAL_GRANTED", "change",
				id).actor("approval").after(Map.of("hash", hash, "approvalRequestId",
						override ? change.overrideRequestId() : change.approvalRequestId()))
			.detail(change.number()));
		if (approved) {
			audit.record(AuditEntry.of("CHANGE_APPROVED", "change", id).actor("approval")
				.after(Map.of("hash", hash, "freezeOverride", change.freezeOverride())).detail(change.number()));
			events.publishEvent(new ChangeApproved(id, change.number(), change.ciIds(), change.plannedStart(),
					change.plannedEnd(), at));
		}
	}

	/** A rejection, return or withdrawal for the hash under approval: a draft again with the reason. */
	@Transactional
	public void notGranted(long id, String hash, ApprovalOutcome outcome, String reason) {
		ChangeRequest change = records.findForUpdate(id).orElse(null);
		if (change == null || !change.awaits(hash)) {
			return;
		}
		change.notApproved(FieldErrors.clean(reason));
		records.update(change);
		clocks.decided(change, Instant.now());
		audit.record(AuditEntry.of("CHANGE_NOT_APPROVED", "change", id).actor("approval")
			.after(Map.of("outcome", outcome.name(), "reason", reason == null ? "" : reason))
			.detail(change.number()));
	}

	/** Implementation begins now. */
	@Transactional
	public ChangeRequest start(long id) {
		ScopedActor writer = scope.writer();
		ChangeRequest change = keep(id, writer);
		change.start(Instant.now());
		records.update(change);
		clocks.implementationStarted(change, change.actualStart());
		audit.record(AuditEntry.of("CHANGE_STARTED", "change", id)
			.after(Map.of("actualStart", change.actualStart().toString())).detail(change.number()));
		return records.find(id).orElseThrow();
	}

	@Transactional
	public ChangeRequest recordStep(long id, int position, Boolean succeeded, String result) {
		ScopedActor writer = scope.writer();
		ChangeRequest change = keep(id, writer);
		change.recordStep(position, succeeded, result, Instant.now());
		records.update(change);
		audit.record(AuditEntry.of("CHANGE_STEP_RECORDED", "change", id)
			.after(Map.of("position", position, "succeeded", succeeded, "result", result == null ? "" : result))
			.detail(change.number()));
		return records.find(id).orElseThrow();
	}

	/** Implementation ends with its outcome; publishes {@link ChangeImplemented}. */
	@Transactional
	public ChangeRequest complete(long id, String outcome, String note) {
		ScopedActor writer = scope.writer();
		ChangeRequest change = keep(id, writer);
		FieldErrors errors = new FieldErrors();
		ChangeOutcome result = errors.constant(ChangeOutcome.class, outcome, "outcome");
		errors.throwIfAny();
		Instant end = Instant.now();
		change.complete(result, note, end);
		records.update(change);
		clocks.implemented(change, end);
		audit.record(AuditEntry.of("CHANGE_IMPLEMENTED", "change", id)
			.after(Map.of("outcome", result.name(), "note", change.outcomeNote() == null ? "" : change.outcomeNote(),
					"actualEnd", end.toString()))
			.detail(change.number()));
		events.publishEvent(new ChangeImplemented(id, change.number(), change.ciIds(), result.name(),
				change.actualStart(), end));
		return records.find(id).orElseThrow();
	}

	/** The post-implementation review closes the change; publishes {@link org.yunwei.change.ChangeClosed}. */
	@Transactional
	public ChangeRequest review(long id, String text) {
		ScopedActor writer = scope.writer();
		ChangeRequest change = keep(id, writer);
		Instant now = Instant.now();
		change.review(text, writer.actor().userId(), now);
		records.update(change);
		audit.record(AuditEntry.of("CHANGE_REVIEWED", "change", id).after(Map.of("review", change.review()))
			.detail(change.number()));
		events.publishEvent(new ChangeClosed(id, change.number(), change.outcome().name(), now));
		return records.find(id).orElseThrow();
	}

	/**
	 * Cancels a change not yet implemented. An approval request still open is left to its approvers (only its
	 * requester may withdraw it); whatever they decide then changes nothing here.
	 */
	@Transactional
	public ChangeRequest cancel(long id, String reason) {
		ScopedActor writer = scope.writer();
		ChangeRequest change = keep(id, writer);
		ChangeStatus before = change.status();
		change.cancel(reason);
		records.update(change);
		clocks.decided(change, Instant.now());
		audit.record(AuditEntry.of("CHANGE_CANCELLED", "change", id).before(Map.of("status", before.name()))
			.after(Map.of("reason", change.decisionNote())).detail(change.number()));
		return records.find(id).orElseThrow();
	}

	/** The change to keep: 404 outside the writer's scope, locked against a concurrent decision. */
	private ChangeRequest keep(long id, ScopedActor writer) {
		return records.findForUpdate(id).filter(ChangeScope.visibleTo(writer))
			.orElseThrow(() -> RejectedRequest.notFound("change"));
	}

	/**
	 * Checks the items and step owners and assesses the risk. An item that does not exist or is not visible, or
	 * that is retired or disposed, is refused beside {@code ciIds}; an owner who is unknown, disabled or of another
	 * party, beside the step.
	 */
	private Resolved resolve(ChangeContent content, FieldErrors errors, ScopedActor writer, Long changeId) {
		List<AffectedItem> affected = new ArrayList<>();
		List<Assessed> assessed = new ArrayList<>();
		Set<Long> units = new LinkedHashSet<>();
		Set<Long> services = new LinkedHashSet<>();
		// the items and their impacts read at once: a handful of queries for twenty items, not seven per item
		Map<Long, ConfigurationItemSummary> found = content.ciIds().isEmpty() ? Map.of()
				: items.find(content.ciIds());
		List<Long> assessable = content.ciIds().stream().filter(found::containsKey)
			.filter(id -> !retired(found.get(id))).toList();
		Map<Long, ConfigurationItemImpact> impacts = assessable.isEmpty() ? Map.of() : items.impacts(assessable);
		for (Long ciId : content.ciIds()) {
			ConfigurationItemSummary item = found.get(ciId);
			if (item == null) {
				errors.add("ciIds", "change.item.unknown");
				continue;
			}
			if (retired(item)) {
				errors.add("ciIds", "change.item.retired");
				continue;
			}
			affected.add(new AffectedItem(item.id(), item.name(), item.className()));
			if (item.customerUnitId() != null) {
				units.add(item.customerUnitId());
			}
			ConfigurationItemImpact impact = impacts.get(ciId);
			if (impact != null) {
				assessed.add(new Assessed(item.name(), impact));
				units.addAll(impact.customerUnitIds());
				services.addAll(impact.serviceItemIds());
			}
		}
		List<PlanStep> steps = new ArrayList<>();
		for (int i = 0; i < content.steps().size(); i++) {
			ChangeContent.StepDraft draft = content.steps().get(i);
			if (draft.ownerId() == null || draft.description() == null) {
				continue; // already refused by the content
			}
			Optional<Person> owner = people.find(draft.ownerId())
				.filter(Person::enabled)
				.filter(p -> writer.actor().partyKind() == PartyKind.MANAGEMENT
						|| p.partyId() == writer.actor().partyId());
			if (owner.isEmpty()) {
				errors.add("steps[" + i + "].ownerId", "change.step.owner-unknown");
				continue;
			}
			steps.add(new PlanStep(steps.size() + 1, draft.description(), owner.get().id(),
					owner.get().displayName(), null, null, null));
		}
		if (content.category() == null) {
			return new Resolved(affected, List.copyOf(units), steps, null, List.copyOf(services));
		}
		int failed = records.failedOn(affected.stream().map(AffectedItem::id).toList(),
				Instant.now().minus(HISTORY), changeId);
		RiskAssessment assessment = ChangeRiskMatrix.assess(content.category(), assessed, failed);
		return new Resolved(affected, List.copyOf(units), steps, assessment, List.copyOf(services));
	}

	private static boolean retired(ConfigurationItemSummary item) {
		return "RETIRED".equals(item.lifecycle()) || "DISPOSED".equals(item.lifecycle());
	}

	/** {@code serviceIds}: the application systems and business services the items are or reach. */
	private record Resolved(List<AffectedItem> items, List<Long> units, List<PlanStep> steps,
			RiskAssessment assessment, List<Long> serviceIds) {
	}

	/** What the audit trail keeps of a change's content. */
	private static Map<String, Object> snapshot(ChangeRequest change) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("status", change.status().name());
		values.put("category", change.category().name());
		values.put("type", change.type().name());
		values.put("title", change.title());
		values.put("ciIds", change.ciIds());
		values.put("riskLevel", change.riskLevel().name());
		values.put("steps", change.steps().size());
		values.put("rollbackPlan", change.rollbackPlan() != null);
		values.put("plannedStart", change.plannedStart() == null ? null : change.plannedStart().toString());
		values.put("plannedEnd", change.plannedEnd() == null ? null : change.plannedEnd().toString());
		values.put("hash", change.contentHash());
		return values;
	}
}
