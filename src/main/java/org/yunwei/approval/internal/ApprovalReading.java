package org.yunwei.approval.internal;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/** What the signed-in person reads of approvals: their inbox's two tabs and a request's page. */
@Service
public class ApprovalReading {

	private final ApprovalRequests requests;
	private final ApprovalAssignments assignments;
	private final ApprovalDecisions decisions;
	private final ApprovalPolicies policies;
	private final ApprovalProcess process;
	private final ApprovalInbox inbox;
	private final People people;
	private final Actors actors;
	private final Clock clock = Clock.systemUTC();

	ApprovalReading(ApprovalRequests requests, ApprovalAssignments assignments, ApprovalDecisions decisions,
			ApprovalPolicies policies, ApprovalProcess process, ApprovalInbox inbox, People people, Actors actors) {
		this.requests = requests;
		this.assignments = assignments;
		this.decisions = decisions;
		this.policies = policies;
		this.process = process;
		this.inbox = inbox;
		this.people = people;
		this.actors = actors;
	}

	@Transactional(readOnly = true)
	public KeysetPage<InboxItem> waiting(String cursor, Integer limit) {
		return inbox.waiting(actors.current().userId(), cursor, limit(limit));
	}

	@Transactional(readOnly = true)
	public KeysetPage<DecidedItem> decided(String cursor, Integer limit) {
		return inbox.decided(actors.current().userId(), cursor, limit(limit));
	}

	@Transactional(readOnly = true)
	public RequestView view(long id) {
		Actor actor = actors.current();
		ApprovalRequest request = requests.find(id)
			.filter(r -> process.mayRead(r, actor))
			.orElseThrow(() -> RejectedRequest.notFound("approval-request"));
		PolicyVersion version = policies.version(request.policyVersionId());
		List<Assignment> seated = assignments.ofRequest(id);
		List<Decision> made = decisions.of(id);
		Set<Long> ids = new HashSet<>();
		ids.add(request.requesterId());
		seated.forEach(a -> {
			ids.add(a.approverId());
			if (a.standsInFor() != null) {
				ids.add(a.standsInFor());
			}
		});
		made.forEach(d -> {
			ids.add(d.deciderId());
			if (d.onBehalfOf() != null) {
				ids.add(d.onBehalfOf());
			}
		});
		Map<Long, String> names = people.findAll(ids).stream()
			.collect(Collectors.toMap(Person::id, Person::displayName));
		List<RequestView.Stage> stages = requests.stages(id).stream().map(s -> new RequestView.Stage(s.position(),
				s.name(), s.rule(), s.requiredCount(), s.state(), s.startedAt(), s.dueAt(), s.endedAt(),
				seated.stream()
					.filter(a -> a.stagePosition() == s.position())
					.map(a -> new RequestView.Approver(a.approverId(), names.getOrDefault(a.approverId(), ""), a.via(),
							a.waiting(), a.standsInFor(),
							a.standsInFor() == null ? null : names.getOrDefault(a.standsInFor(), "")))
					.toList()))
			.toList();
		List<RequestView.DecisionLine> lines = made.stream().map(d -> new RequestView.DecisionLine(d.stagePosition(),
				d.deciderId(), names.getOrDefault(d.deciderId(), ""), d.onBehalfOf(),
				d.onBehalfOf() == null ? null : names.getOrDefault(d.onBehalfOf(), ""), d.decision(), d.reason(),
				d.versionHash(), d.decidedAt()))
			.toList();
		boolean mayDecide = request.open() && actors.scopeOf(actor).mayWrite()
				&& (request.requesterId() != actor.userId() || version.requesterMayApprove())
				&& made.stream().noneMatch(d -> d.stagePosition() == request.stagePosition()
						&& d.deciderId() == actor.userId())
				&& process.actingAssignment(request, request.stagePosition(), actor.userId(), clock.instant())
					.filter(a -> made.stream().noneMatch(d -> d.stagePosition() == request.stagePosition()
							&& d.seat().equals(a.seat())))
					.isPresent();
		boolean mayWithdraw = request.open() && request.requesterId() == actor.userId();
		return new RequestView(id, request.subject().type(), request.subject().id(), request.subject().versionHash(),
				request.summary(), request.link(), request.requesterId(),
				names.getOrDefault(request.requesterId(), ""), version.policyId(), version.policyName(),
				version.version(), request.facts(), request.outcome(), request.reason(), request.requestedAt(),
				request.decidedAt(), stages, lines, mayDecide, mayWithdraw);
	}

	private static int limit(Integer limit) {
		FieldErrors errors = new FieldErrors();
		int size = KeysetPage.limit(limit, errors, "approval.limit");
		errors.throwIfAny();
		return size;
	}
}
