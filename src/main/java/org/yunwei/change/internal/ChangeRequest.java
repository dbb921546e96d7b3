package org.yunwei.change.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * A change request (变更申请) and its lifecycle: drafted, submitted for approval under one policy at one content
 * hash, approved, implemented step by step, its outcome recorded, closed by the post-implementation review. The
 * transitions refuse what the state does not allow and change nothing then; the services load, call, save, audit
 * and publish.
 */
final class ChangeRequest {

	/** An affected configuration item as it was when picked. */
	record AffectedItem(long id, String name, String className) {
	}

	/**
	 * A step of the implementation plan with, once implemented, its result.
	 *
	 * @param succeeded {@code null} until its result is recorded
	 */
	record PlanStep(int position, String description, long ownerId, String ownerName, Boolean succeeded,
			String result, Instant recordedAt) {

		PlanStep withResult(boolean ok, String text, Instant at) {
			return new PlanStep(position, description, ownerId, ownerName, ok, text, at);
		}
	}

	private final Long id;
	private final String number;
	private final int version;
	private final long requesterId;
	private final Long providerPartyId;
	private ChangeStatus status;
	private ChangeCategory category;
	private ChangeType type;
	private String title;
	private String necessity;
	private String reason;
	private List<AffectedItem> items;
	private List<Long> customerUnitIds;
	private RiskAssessment assessment;
	private RiskLevel riskLevel;
	private String riskJustification;
	private List<PlanStep> steps;
	private String rollbackPlan;
	private Instant plannedStart;
	private Instant plannedEnd;
	private Instant actualStart;
	private Instant actualEnd;
	private ChangeOutcome outcome;
	private String outcomeNote;
	private String review;
	private Instant reviewedAt;
	private Long reviewerId;
	private Long approvalPolicyId;
	private Long approvalRequestId;
	private boolean approvalGranted;
	private boolean freezeOverride;
	private Long overrideRequestId;
	private boolean overrideGranted;
	private String submittedHash;
	private Instant submittedAt;
	private Instant approvedAt;
	private String decisionNote;
	private final Instant createdAt;
	private final Instant updatedAt;

	private ChangeRequest(Builder b) {
		id = b.id;
		number = b.number;
		version = b.version;
		requesterId = b.requesterId;
		providerPartyId = b.providerPartyId;
		status = b.status;
		category = b.category;
		type = b.type;
		title = b.title;
		necessity = b.necessity;
		reason = b.reason;
		items = List.copyOf(b.items);
		customerUnitIds = List.copyOf(b.customerUnitIds);
		assessment = b.assessment;
		riskLevel = b.riskLevel;
		riskJustification = b.riskJustification;
		steps = List.copyOf(b.steps);
		rollbackPlan = b.rollbackPlan;
		plannedStart = b.plannedStart;
		plannedEnd = b.plannedEnd;
		actualStart = b.actualStart;
		actualEnd = b.actualEnd;
		outcome = b.outcome;
		outcomeNote = b.outcomeNote;
		review = b.review;
		reviewedAt = b.reviewedAt;
		reviewerId = b.reviewerId;
		approvalPolicyId = b.approvalPolicyId;
		approvalRequestId = b.approvalRequestId;
		approvalGranted = b.approvalGranted;
		freezeOverride = b.freezeOverride;
		overrideRequestId = b.overrideRequestId;
		overrideGranted = b.overrideGranted;
		submittedHash = b.submittedHash;
		submittedAt = b.submittedAt;
		approvedAt = b.approvedAt;
		decisionNote = b.decisionNote;
		createdAt = b.createdAt;
		updatedAt = b.updatedAt;
	}

	/** A new draft from checked content, its items and plan steps resolved to names, and its assessment. */
	static ChangeRequest draft(String number, ChangeContent content, List<AffectedItem> items,
			List<Long> customerUnitIds, List<PlanStep> steps, RiskAssessment assessment, long requesterId,
			Long providerPartyId) {
		Builder b = new Builder();
		b.number = number;
		b.requesterId = requesterId;
		b.providerPartyId = providerPartyId;
		b.status = ChangeStatus.DRAFT;
		ChangeRequest change = new ChangeRequest(b);
		change.apply(content, items, customerUnitIds, steps, assessment);
		return change;
	}

	/**
	 * Replaces the content. A change under approval or approved needs approval again for the new content (the
	 * caller asks with the new hash, which supersedes the open request); answers whether it does.
	 *
	 * @throws RejectedRequest 409 once implementation has begun or the change is closed or cancelled
	 */
	boolean edit(ChangeContent content, List<AffectedItem> newItems, List<Long> newUnits, List<PlanStep> newSteps,
			RiskAssessment newAssessment) {
		requireEditable();
		boolean keepOverride = riskLevel != assessment.computed() && riskJustification != null;
		RiskLevel overridden = riskLevel;
		String justification = riskJustification;
		apply(content, newItems, newUnits, newSteps, newAssessment);
		if (keepOverride) {
			// an assessor's justified level stands over a recomputation until they change it
			riskLevel = overridden;
			riskJustification = justification;
		}
		return approvalAgainAfterEdit();
	}

	/**
	 * After an edit, a change under approval or approved goes to approval again; a standard change that was accepted
	 * leaves its template's acceptance and is a draft again, to be submitted anew.
	 */
	private boolean approvalAgainAfterEdit() {
		approvedAt = null;
		if (status == ChangeStatus.SUBMITTED
				|| status == ChangeStatus.APPROVED && category != ChangeCategory.STANDARD) {
			status = ChangeStatus.SUBMITTED;
			return true;
		}
		if (status == ChangeStatus.APPROVED) {
			status = ChangeStatus.DRAFT;
		}
		return false;
	}

	private void apply(ChangeContent content, List<AffectedItem> newItems, List<Long> newUnits,
			List<PlanStep> newSteps, RiskAssessment newAssessment) {
		category = content.category();
		type = content.type();
		title = content.title();
		necessity = content.necessity();
		reason = content.reason();
		items = List.copyOf(newItems);
		customerUnitIds = List.copyOf(newUnits);
		steps = List.copyOf(newSteps);
		rollbackPlan = content.rollbackPlan();
		plannedStart = content.plannedStart();
		plannedEnd = content.plannedEnd();
		assessment = newAssessment;
		riskLevel = newAssessment.computed();
		riskJustification = null;
	}

	/**
	 * The assessor sets the risk level other than computed, with a justification; setting the computed level again
	 * clears the justification. Under approval, the caller asks again with the new hash.
	 */
	boolean assessRisk(RiskLevel level, String justification) {
		requireEditable();
		String why = FieldErrors.clean(justification);
		FieldErrors errors = new FieldErrors();
		if (level == null) {
			errors.add("riskLevel", "field.required");
		}
		if (level != null && level != assessment.computed() && why == null) {
			errors.add("justification", "change.risk.justification-required");
		}
		errors.optional("justification", why, 2000);
		errors.throwIfAny();
		riskLevel = level;
		riskJustification = level == assessment.computed() ? null : why;
		return approvalAgainAfterEdit();
	}

	/**
	 * Refuses (422, naming the fields) a change that cannot be scheduled for approval: without a rollback plan
	 * (变更应急方案), a planned window or a plan step. Also refuses one that is not a draft (409).
	 */
	void requireSubmittable() {
		if (status != ChangeStatus.DRAFT) {
			throw RejectedRequest.conflict("change-not-draft", "change.not-draft");
		}
		requireSchedulable();
	}

	private void requireSchedulable() {
		java.util.Map<String, String> missing = new java.util.LinkedHashMap<>();
		if (rollbackPlan == null) {
			missing.put("rollbackPlan", "change.rollback.required");
		}
		if (plannedStart == null) {
			missing.put("plannedStart", "change.planned.required");
		}
		if (steps.isEmpty()) {
			missing.put("steps", "change.steps.required");
		}
		if (items.isEmpty()) {
			missing.put("ciIds", "change.items.required");
		}
		if (!missing.isEmpty()) {
			throw new RejectedRequest(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "change-not-ready",
					missing.containsKey("rollbackPlan") ? "change.rollback.required" : "change.not-ready", null,
					missing);
		}
	}

	/**
	 * The change went to approval under this policy and request, at this hash; planned into a freeze window (an
	 * emergency change), it needs the override request's approval as well.
	 *
	 * @param overrideRequest the override approval's request, {@code null} when the change needs none
	 */
	void submitted(long policyId, long requestId, Long overrideRequest, String hash, Instant at) {
		status = ChangeStatus.SUBMITTED;
		approvalPolicyId = policyId;
		approvalRequestId = requestId;
		freezeOverride = overrideRequest != null;
		overrideRequestId = overrideRequest;
		approvalGranted = false;
		overrideGranted = false;
		submittedHash = hash;
		submittedAt = at;
		decisionNote = null;
	}

	/** A standard change needs no approval of its own: its template was approved once for all. */
	void acceptedAsStandard(String hash, Instant at) {
		if (category != ChangeCategory.STANDARD) {
			throw new IllegalStateException("only a standard change is accepted without approval");
		}
		status = ChangeStatus.APPROVED;
		submittedHash = hash;
		submittedAt = at;
		approvedAt = at;
		decisionNote = null;
	}

	/** Whether a decision for this hash concerns the change as it now stands under approval. */
	boolean awaits(String hash) {
		return status == ChangeStatus.SUBMITTED && hash != null && hash.equals(submittedHash)
				&& hash.equals(contentHash());
	}

	/**
	 * A grant for the hash under approval, of the change's approval or of its freeze override; approved once every
	 * approval it needs is granted. Answers whether it is approved now.
	 */
	boolean granted(boolean override, Instant at) {
		if (override) {
			overrideGranted = true;
		}
		else {
			approvalGranted = true;
		}
		if (approvalGranted && (!freezeOverride || overrideGranted)) {
			status = ChangeStatus.APPROVED;
			approvedAt = at;
			return true;
		}
		return false;
	}

	/** A rejection, return or withdrawal for the hash under approval: a draft again, with the reason. */
	void notApproved(String note) {
		status = ChangeStatus.DRAFT;
		decisionNote = note;
	}

	/** Implementation begins (actual start). 409 unless approved; 422 without a rollback plan. */
	void start(Instant at) {
		if (status != ChangeStatus.APPROVED) {
			throw RejectedRequest.conflict("change-not-approved", "change.not-approved");
		}
		requireSchedulable();
		status = ChangeStatus.IMPLEMENTING;
		actualStart = at;
	}

	/** Records a step's result during implementation. */
	void recordStep(int position, Boolean succeeded, String result, Instant at) {
		if (status != ChangeStatus.IMPLEMENTING) {
			throw RejectedRequest.conflict("change-not-implementing", "change.not-implementing");
		}
		String text = FieldErrors.clean(result);
		FieldErrors errors = new FieldErrors().optional("result", text, 2000).required("succeeded", succeeded);
		if (Boolean.FALSE.equals(succeeded) && text == null) {
			errors.add("result", "change.step.failure-needs-result");
		}
		if (steps.stream().noneMatch(s -> s.position() == position)) {
			errors.add("position", "field.value.unknown");
		}
		errors.throwIfAny();
		List<PlanStep> updated = new ArrayList<>();
		for (PlanStep step : steps) {
			updated.add(step.position() == position ? step.withResult(succeeded, text, at) : step);
		}
		steps = List.copyOf(updated);
	}

	/**
	 * Implementation ends with its outcome; a failed one (rolled back or remedied) needs a note of what happened.
	 * The actual end is now or the given time, not before the actual start.
	 */
	void complete(ChangeOutcome result, String note, Instant end) {
		if (status != ChangeStatus.IMPLEMENTING) {
			throw RejectedRequest.conflict("change-not-implementing", "change.not-implementing");
		}
		String text = FieldErrors.clean(note);
		FieldErrors errors = new FieldErrors();
		if (result == null) {
			errors.add("outcome", "field.required");
		}
		if (result != null && result.failed() && text == null) {
			errors.add("note", "change.outcome.failure-needs-note");
		}
		errors.optional("note", text, 2000);
		if (end != null && actualStart != null && end.isBefore(actualStart)) {
			errors.add("actualEnd", "change.actual.end-before-start");
		}
		errors.throwIfAny();
		status = ChangeStatus.IMPLEMENTED;
		outcome = result;
		outcomeNote = text;
		actualEnd = end;
	}

	/** The post-implementation review (实施后评审) closes the change. */
	void review(String text, long reviewer, Instant at) {
		if (status != ChangeStatus.IMPLEMENTED) {
			throw RejectedRequest.conflict("change-not-implemented", "change.not-implemented");
		}
		String cleaned = FieldErrors.clean(text);
		new FieldErrors().required("review", cleaned, 10000).throwIfAny();
		status = ChangeStatus.CLOSED;
		review = cleaned;
		reviewerId = reviewer;
		reviewedAt = at;
	}

	/** Cancels a change not yet implemented, with the reason. */
	void cancel(String why) {
		if (!status.editable()) {
			throw RejectedRequest.conflict("change-not-cancellable", "change.not-cancellable");
		}
		String cleaned = FieldErrors.clean(why);
		new FieldErrors().required("reason", cleaned, 2000).throwIfAny();
		status = ChangeStatus.CANCELLED;
		decisionNote = cleaned;
	}

	private void requireEditable() {
		if (!status.editable()) {
			throw RejectedRequest.conflict("change-not-editable", "change.not-editable");
		}
	}

	/**
	 * The hash (hex SHA-256) of what an approval approves: the content, the items, the plan and the risk level. Any
	 * edit changes it, so an approval given before an edit no longer holds.
	 */
	String contentHash() {
		StringBuilder text = new StringBuilder();
		for (Object part : new Object[] { category, type, title, necessity, reason, rollbackPlan, plannedStart,
				plannedEnd, riskLevel, riskJustification }) {
			text.append(part == null ? "" : part.toString().replace("\u0000", "")).append('\u0000');
		}
		items.forEach(i -> text.append(i.id()).append(','));
		text.append('\u0000');
		steps.forEach(s -> text.append(s.position()).append('|').append(s.description()).append('|')
			.append(s.ownerId()).append('\u0001'));
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	// what the repository and the views read

	Long id() { return id; }
	String number() { return number; }
	int version() { return version; }
	long requesterId() { return requesterId; }
	Long providerPartyId() { return providerPartyId; }
	ChangeStatus status() { return status; }
	ChangeCategory category() { return category; }
	ChangeType type() { return type; }
	String title() { return title; }
	String necessity() { return necessity; }
	String reason() { return reason; }
	List<AffectedItem> items() { return items; }
	List<Long> ciIds() { return items.stream().map(AffectedItem::id).toList(); }
	List<Long> customerUnitIds() { return customerUnitIds; }
	RiskAssessment assessment() { return assessment; }
	RiskLevel riskLevel() { return riskLevel; }
	String riskJustification() { return riskJustification; }
	List<PlanStep> steps() { return steps; }
	String rollbackPlan() { return rollbackPlan; }
	Instant plannedStart() { return plannedStart; }
	Instant plannedEnd() { return plannedEnd; }
	Instant actualStart() { return actualStart; }
	Instant actualEnd() { return actualEnd; }
	ChangeOutcome outcome() { return outcome; }
	String outcomeNote() { return outcomeNote; }
	String review() { return review; }
	Instant reviewedAt() { return reviewedAt; }
	Long reviewerId() { return reviewerId; }
	Long approvalPolicyId() { return approvalPolicyId; }
	Long approvalRequestId() { return approvalRequestId; }
	boolean approvalGranted() { return approvalGranted; }
	boolean freezeOverride() { return freezeOverride; }
	Long overrideRequestId() { return overrideRequestId; }
	boolean overrideGranted() { return overrideGranted; }
	String submittedHash() { return submittedHash; }
	Instant submittedAt() { return submittedAt; }
	Instant approvedAt() { return approvedAt; }
	String decisionNote() { return decisionNote; }
	Instant createdAt() { return createdAt; }
	Instant updatedAt() { return updatedAt; }

	/** How the repository rebuilds a stored change. */
	static final class Builder {
		Long id;
		String number;
		int version = 1;
		long requesterId;
		Long providerPartyId;
		ChangeStatus status;
		ChangeCategory category;
		ChangeType type;
		String title;
		String necessity;
		String reason;
		List<AffectedItem> items = List.of();
		List<Long> customerUnitIds = List.of();
		RiskAssessment assessment;
		RiskLevel riskLevel;
		String riskJustification;
		List<PlanStep> steps = List.of();
		String rollbackPlan;
		Instant plannedStart;
		Instant plannedEnd;
		Instant actualStart;
		Instant actualEnd;
		ChangeOutcome outcome;
		String outcomeNote;
		String review;
		Instant reviewedAt;
		Long reviewerId;
		Long approvalPolicyId;
		Long approvalRequestId;
		boolean approvalGranted;
		boolean freezeOverride;
		Long overrideRequestId;
		boolean overrideGranted;
		String submittedHash;
		Instant submittedAt;
		Instant approvedAt;
		String decisionNote;
		Instant createdAt;
		Instant updatedAt;

		ChangeRequest build() {
			return new ChangeRequest(this);
		}
	}
}
