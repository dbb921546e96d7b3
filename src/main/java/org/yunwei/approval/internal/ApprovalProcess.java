package org.yunwei.approval.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.approval.ApprovalAsk;
import org.yunwei.approval.ApprovalGranted;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalRejected;
import org.yunwei.approval.ApprovalRequested;
import org.yunwei.approval.ApprovalReturned;
import org.yunwei.approval.ApprovalState;
import org.yunwei.approval.ApprovalSubject;
import org.yunwei.approval.ApprovalWithdrawn;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.Positions;
import org.yunwei.sla.Calendars;
import org.yunwei.web.RejectedRequest;

/**
 * The life of a request: opened under a policy's current version, its stages started in order (those whose
 * condition is false skipped), decided by the people of the waiting stage, ended when a stage rejects or returns it,
 * when the requester withdraws it, when every stage approved, or when a new version of its subject supersedes it.
 * Each step is audited and published in the transaction that takes it.
 */
@Service
public class ApprovalProcess {

	static final int MAX_SUMMARY = 500;
	static final int MAX_LINK = 500;
	static final int MAX_REASON = 2000;
	static final int MAX_FACTS = 50;
	private static final Pattern SUBJECT_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
	private static final Pattern FACT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,59}");

	private final ApprovalPolicies policies;
	private final ApprovalRequests requests;
	private final ApprovalAssignments assignments;
	private final ApprovalDecisions decisions;
	private final Delegations delegations;
	private final ApproverResolution resolution;
	private final Positions positions;
	private final Calendars calendars;
	private final ApprovalNotices notices;
	private final Actors actors;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ApprovalProcess(ApprovalPolicies policies, ApprovalRequests requests, ApprovalAssignments assignments,
			ApprovalDecisions decisions, Delegations delegations, ApproverResolution resolution, Positions positions,
			Calendars calendars, ApprovalNotices notices, Actors actors, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.policies = policies;
		this.requests = requests;
		this.assignments = assignments;
		this.decisions = decisions;
		this.delegations = delegations;
		this.resolution = resolution;
		this.positions = positions;
		this.calendars = calendars;
		this.notices = notices;
		this.actors = actors;
		this.audit = audit;
		this.events = events;
		this.clock = Clock.systemUTC();
	}

	/** Opens a request for the signed-in person; see {@link org.yunwei.approval.Approvals#request}. */
	@Transactional
	public ApprovalState open(ApprovalAsk ask) {
		Actor actor = actors.current();
		actors.writableScope();
		Ask valid = validate(ask);
		ApprovalPolicy policy = policies.find(ask.policyId())
			.filter(p -> !p.retired())
			.orElseThrow(() -> RejectedRequest.unprocessable("unknown-policy", "approval.policy.unknown"));
		Instant now = clock.instant();
		for (ApprovalRequest open : requests.openOf(valid.subject().type(), valid.subject().id())) {
			if (open.subject().versionHash().equals(valid.subject().versionHash())) {
				return open.state();
			}
			supersede(open, now);
		}
		PolicyVersion version = policies.current(policy.id());
		Map<PolicyStage, List<Seat>> applicable = new LinkedHashMap<>();
		for (PolicyStage stage : version.stages()) {
			if (applies(stage, valid.facts())) {
				List<Seat> seats = resolution.seats(stage, actor.userId(), actor.orgUnitId(),
						version.requesterMayApprove());
				long count = ApproverResolution.seatCount(seats);
				if (count == 0 || (stage.rule() == StageRule.N_OF && count < stage.requiredCount())) {
					throw RejectedRequest.unprocessable("stage-without-approvers", "approval.stage.no-approvers",
							stage.name());
				}
				applicable.put(stage, seats);
			}
		}
		long id = requests.insert(valid.subject(), version.id(), actor.userId(), actor.partyId(), actor.orgUnitId(),
				valid.summary(), valid.link(), valid.facts());
		for (PolicyStage stage : version.stages()) {
			requests.insertStage(id, stage, stage.rule() == StageRule.N_OF ? stage.requiredCount() : 1);
			if (!applicable.containsKey(stage)) {
				requests.endStage(id, stage.position(), StageState.SKIPPED, now);
			}
		}
		audit.record(AuditEntry.of("APPROVAL_REQUEST", "approval_request", id)
			.after(Map.of("subjectType", valid.subject().type(), "subjectId", valid.subject().id(), "versionHash",
					valid.subject().versionHash(), "policyId", policy.id(), "policyVersion", version.version(),
					"facts", valid.facts())));
		events.publishEvent(new ApprovalRequested(id, valid.subject().type(), valid.subject().id(),
				valid.subject().versionHash(), actor.userId()));
		ApprovalRequest request = requests.find(id).orElseThrow();
		advance(request, version, now);
		return requests.find(id).orElseThrow().state();
	}

	/**
	 * The signed-in person decides in the waiting stage, as themselves, as a post's backup while its holder is
	 * absent, or as the delegate of an approver.
	 */
	@Transactional
	public ApprovalState decide(long requestId, DecisionKind kind, String reason) {
		Actor actor = actors.current();
		actors.writableScope();
		if (kind == null) {
			throw RejectedRequest.invalidField("decision", "field.required");
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (kind != DecisionKind.APPROVE && why == null) {
			throw RejectedRequest.invalidField("reason", "approval.reason.required");
		}
		if (why != null && why.length() > MAX_REASON) {
			throw RejectedRequest.invalidField("reason", "approval.reason.too-long");
		}
		ApprovalRequest request = requests.lock(requestId)
			.filter(r -> mayRead(r, actor))
			.orElseThrow(() -> RejectedRequest.notFound("approval-request"));
		if (!request.open()) {
			throw RejectedRequest.conflict("request-ended", "approval.request.ended");
		}
		PolicyVersion version = policies.version(request.policyVersionId());
		if (request.requesterId() == actor.userId() && !version.requesterMayApprove()) {
			throw RejectedRequest.unprocessable("own-request", "approval.own-request");
		}
		int position = request.stagePosition();
		Instant now = clock.instant();
		List<Decision> earlier = decisions.of(requestId, position);
		if (earlier.stream().anyMatch(d -> d.deciderId() == actor.userId())) {
			throw RejectedRequest.conflict("already-decided", "approval.already-decided");
		}
		Assignment acting = actingAssignment(request, position, actor.userId(), now)
			.orElseThrow(() -> RejectedRequest.forbidden("approval.not-an-approver"));
		if (earlier.stream().anyMatch(d -> d.seat().equals(acting.seat()))) {
			throw RejectedRequest.conflict("already-decided", "approval.seat-decided");
		}
		Long onBehalfOf = onBehalfOf(acting, request, position, actor.userId());
		decisions.insert(requestId, position, actor.userId(), onBehalfOf, kind, why,
				request.subject().versionHash(), acting.seat(), now);
		assignments.settle(requestId, position, acting.seat());
		Map<String, Object> after = new HashMap<>();
		after.put("stage", position);
		after.put("decision", kind.name());
		after.put("versionHash", request.subject().versionHash());
		after.put("reason", why == null ? "" : why);
		after.put("onBehalfOf", onBehalfOf == null ? "" : onBehalfOf);
		audit.record(AuditEntry.of("APPROVAL_DECIDE", "approval_request", requestId).after(after));
		ApprovalSubject subject = request.subject();
		switch (kind) {
			case REJECT -> {
				end(request, position, StageState.REJECTED, ApprovalOutcome.REJECTED, why, now);
				events.publishEvent(new ApprovalRejected(requestId, subject.type(), subject.id(),
						subject.versionHash(), why, now));
			}
			case RETURN -> {
				end(request, position, StageState.RETURNED, ApprovalOutcome.RETURNED, why, now);
				events.publishEvent(new ApprovalReturned(requestId, subject.type(), subject.id(),
						subject.versionHash(), why, now));
			}
			case APPROVE -> {
				RequestStage stage = requests.stage(requestId, position).orElseThrow();
				long approvals = decisions.of(requestId, position)
					.stream()
					.filter(d -> d.decision() == DecisionKind.APPROVE)
					.map(Decision::seat)
					.distinct()
					.count();
				if (approvals >= stage.requiredCount()) {
					requests.endStage(requestId, position, StageState.APPROVED, now);
					assignments.settleAll(requestId);
					advance(request, version, now);
				}
			}
		}
		return requests.find(requestId).orElseThrow().state();
	}

	/** The requester withdraws their open request. */
	@Transactional
	public ApprovalState withdraw(long requestId) {
		Actor actor = actors.current();
		actors.writableScope();
		ApprovalRequest request = requests.lock(requestId)
			.filter(r -> mayRead(r, actor))
			.orElseThrow(() -> RejectedRequest.notFound("approval-request"));
		if (request.requesterId() != actor.userId()) {
			throw RejectedRequest.forbidden("approval.withdraw.not-requester");
		}
		if (!request.open()) {
			throw RejectedRequest.conflict("request-ended", "approval.request.ended");
		}
		Instant now = clock.instant();
		end(request, request.stagePosition(), StageState.CLOSED, ApprovalOutcome.WITHDRAWN, null, now);
		audit.record(AuditEntry.of("APPROVAL_WITHDRAW", "approval_request", requestId));
		ApprovalSubject subject = request.subject();
		events.publishEvent(
				new ApprovalWithdrawn(requestId, subject.type(), subject.id(), subject.versionHash(), now));
		return requests.find(requestId).orElseThrow().state();
	}

	/**
	 * Adds a person to the waiting stage of an open request (会签): one of the stage's approvers asks a colleague to
	 * decide too. In a stage that needs all its approvers, the co-approver is needed as well.
	 */
	@Transactional
	public void addCoApprover(long requestId, Long personId) {
		Actor actor = actors.current();
		actors.writableScope();
		if (personId == null) {
			throw RejectedRequest.invalidField("personId", "field.required");
		}
		ApprovalRequest request = requests.lock(requestId)
			.filter(r -> mayRead(r, actor))
			.orElseThrow(() -> RejectedRequest.notFound("approval-request"));
		if (!request.open()) {
			throw RejectedRequest.conflict("request-ended", "approval.request.ended");
		}
		int position = request.stagePosition();
		Instant now = clock.instant();
		if (actingAssignment(request, position, actor.userId(), now).isEmpty()) {
			throw RejectedRequest.forbidden("approval.not-an-approver");
		}
		if (personId == request.requesterId()
				&& !policies.version(request.policyVersionId()).requesterMayApprove()) {
			throw RejectedRequest.unprocessable("own-request", "approval.co-approver.requester");
		}
		if (assignments.of(requestId, position).stream().anyMatch(a -> a.approverId() == personId)) {
			throw RejectedRequest.conflict("already-approver", "approval.co-approver.already");
		}
		if (!resolution.enabledPerson(personId)) {
			throw RejectedRequest.invalidField("personId", "approval.person.unknown");
		}
		Seat seat = new Seat(personId, AssignmentVia.CO_APPROVER, null);
		assignments.add(requestId, position, seat, now);
		RequestStage stage = requests.stage(requestId, position).orElseThrow();
		if (stage.rule() == StageRule.ALL) {
			requests.startStage(requestId, position, stage.requiredCount() + 1, stage.startedAt(), stage.dueAt());
		}
		audit.record(AuditEntry.of("APPROVAL_CO_APPROVER", "approval_request", requestId)
			.after(Map.of("stage", position, "personId", personId)));
		notices.waiting(request, stage.name(), List.of(personId));
	}

	/**
	 * Whether the person may see the request: its requester, anyone who was ever asked to decide in it, their
	 * delegates, and the keepers of policies within their scope.
	 */
	public boolean mayRead(ApprovalRequest request, Actor actor) {
		if (request.requesterId() == actor.userId() || assignments.involved(request.id(), actor.userId())) {
			return true;
		}
		Instant now = clock.instant();
		boolean delegate = assignments.ofRequest(request.id())
			.stream()
			.anyMatch(a -> delegations.active(a.approverId(), actor.userId(), now));
		return delegate || (actor.can(org.yunwei.identity.Permission.APPROVAL_POLICY_MANAGE)
				&& actors.scopeOf(actor).includes(request.requesterPartyId(), request.requesterUnitId()));
	}

	/**
	 * The assignment through which the person may decide in the stage now: their own (a post's backup only while the
	 * holder is absent or the post has no holder), else that of an approver who delegated to them for now.
	 */
	public Optional<Assignment> actingAssignment(ApprovalRequest request, int position, long userId, Instant at) {
		List<Assignment> stage = assignments.of(request.id(), position);
		Optional<Assignment> own = stage.stream()
			.filter(a -> a.approverId() == userId)
			.filter(a -> a.via() != AssignmentVia.POST_BACKUP || backupActs(a, at))
			.findFirst();
		if (own.isPresent()) {
			return own;
		}
		return stage.stream()
			.filter(a -> a.waiting() && delegations.active(a.approverId(), userId, at))
			.filter(a -> a.via() != AssignmentVia.POST_BACKUP || backupActs(a, at))
			.findFirst();
	}

	/** The approver a decision is made for: a delegator, or the absent holder of the post whose backup decides. */
	private Long onBehalfOf(Assignment acting, ApprovalRequest request, int position, long deciderId) {
		if (acting.approverId() != deciderId) {
			return acting.approverId();
		}
		if (acting.via() == AssignmentVia.POST_BACKUP) {
			return acting.standsInFor();
		}
		return null;
	}

	/**
	 * A backup acts while the holder seated with them when the stage started is absent from the post (or when the
	 * post had no holder then); who holds or backs up the post now does not matter.
	 */
	boolean backupActs(Assignment backup, Instant at) {
		return backup.standsInFor() == null || positions.absentFrom(backup.postId(), backup.standsInFor(), at);
	}

	/** Starts the next stage that has not been reached, or grants the request when none is left. */
	private void advance(ApprovalRequest request, PolicyVersion version, Instant now) {
		Optional<RequestStage> next = requests.stages(request.id())
			.stream()
			.filter(s -> s.state() == StageState.NOT_REACHED)
			.findFirst();
		if (next.isEmpty()) {
			requests.end(request.id(), ApprovalOutcome.GRANTED, null, now);
			assignments.settleAll(request.id());
			audit.record(AuditEntry.of("APPROVAL_GRANT", "approval_request", request.id()));
			ApprovalSubject subject = request.subject();
			events.publishEvent(
					new ApprovalGranted(request.id(), subject.type(), subject.id(), subject.versionHash(), now));
			notices.ended(request, ApprovalOutcome.GRANTED, null);
			return;
		}
		RequestStage stage = next.get();
		PolicyStage definition = version.stages()
			.stream()
			.filter(s -> s.position() == stage.position())
			.findFirst()
			.orElseThrow();
		List<Seat> seats = resolution.seats(definition, request.requesterId(), request.requesterUnitId(),
				version.requesterMayApprove());
		if (seats.isEmpty()) {
			// everyone named has left since the request was opened: the requester's lead decides instead
			seats = positions.leadOf(request.requesterUnitId())
				.filter(lead -> lead != request.requesterId())
				.map(lead -> List.of(new Seat(lead, AssignmentVia.ESCALATION, null)))
				.orElse(List.of());
		}
		long count = ApproverResolution.seatCount(seats);
		int required = switch (definition.rule()) {
			case ANY -> 1;
			case ALL -> (int) Math.max(1, count);
			case N_OF -> (int) Math.max(1, Math.min(definition.requiredCount(), count));
		};
		Instant due = definition.timeLimitMinutes() == null ? null
				: calendars.defaultCalendar().addBusinessTime(now, Duration.ofMinutes(definition.timeLimitMinutes()));
		// the time limit runs in business time on the SLA engine's default calendar (ApprovalReminders reads it)
		requests.startStage(request.id(), stage.position(), required, now, due);
		requests.moveTo(request.id(), stage.position());
		for (Seat seat : seats) {
			assignments.add(request.id(), stage.position(), seat, now);
		}
		notices.waiting(request, stage.name(), seats.stream().map(Seat::approverId).toList());
	}

	private void end(ApprovalRequest request, Integer position, StageState stageState, ApprovalOutcome outcome,
			String reason, Instant now) {
		if (position != null) {
			requests.endStage(request.id(), position, stageState, now);
		}
		requests.closeOpenStages(request.id(), now);
		requests.end(request.id(), outcome, reason, now);
		assignments.settleAll(request.id());
		if (outcome != ApprovalOutcome.SUPERSEDED && outcome != ApprovalOutcome.WITHDRAWN) {
			notices.ended(request, outcome, reason);
		}
	}

	private void supersede(ApprovalRequest open, Instant now) {
		end(open, open.stagePosition(), StageState.CLOSED, ApprovalOutcome.SUPERSEDED, null, now);
		audit.record(AuditEntry.of("APPROVAL_SUPERSEDE", "approval_request", open.id())
			.after(Map.of("versionHash", open.subject().versionHash())));
	}

	private static boolean applies(PolicyStage stage, Map<String, Object> facts) {
		return stage.condition() == null || StageCondition.parse(stage.condition()).test(facts);
	}

	private record Ask(ApprovalSubject subject, String summary, String link, Map<String, Object> facts) {
	}

	private static Ask validate(ApprovalAsk ask) {
		if (ask == null || ask.subject() == null) {
			throw RejectedRequest.unprocessable("invalid-ask", "approval.ask.subject");
		}
		ApprovalSubject subject = ask.subject();
		if (subject.type() == null || !SUBJECT_TYPE.matcher(subject.type()).matches()) {
			throw RejectedRequest.unprocessable("invalid-ask", "approval.ask.subject-type");
		}
		String hash = subject.versionHash() == null ? "" : subject.versionHash().toLowerCase(java.util.Locale.ROOT);
		if (!HASH.matcher(hash).matches()) {
			throw RejectedRequest.unprocessable("invalid-ask", "approval.ask.version-hash");
		}
		if (ask.summary() == null || ask.summary().isBlank() || ask.summary().strip().length() > MAX_SUMMARY) {
			throw RejectedRequest.unprocessable("invalid-ask", "approval.ask.summary");
		}
		String link = ask.link() == null ? "" : ask.link().strip();
		if (!link.startsWith("/") || link.startsWith("//") || link.length() > MAX_LINK
				|| link.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
			throw RejectedRequest.unprocessable("invalid-ask", "approval.ask.link");
		}
		Map<String, Object> facts = new LinkedHashMap<>();
		Map<String, Object> given = ask.facts() == null ? Map.of() : ask.facts();
		if (given.size() > MAX_FACTS) {
			throw RejectedRequest.unprocessable("invalid-ask", "approval.ask.facts");
		}
		given.forEach((name, value) -> {
			boolean valid = name != null && FACT_NAME.matcher(name).matches()
					&& (value instanceof String s && s.length() <= 500 || value instanceof Number
							|| value instanceof Boolean);
			if (!valid) {
				throw RejectedRequest.unprocessable("invalid-ask", "approval.ask.facts");
			}
			facts.put(name, value);
		});
		return new Ask(new ApprovalSubject(subject.type(), subject.id(), hash), ask.summary().strip(), link, facts);
	}
}
