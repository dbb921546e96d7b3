package org.yunwei.problem.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.identity.Actor;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.problem.KnownErrorRecorded;
import org.yunwei.problem.ProblemClosed;
import org.yunwei.problem.ProblemOpened;
import org.yunwei.problem.internal.ProblemTimeline.Kind;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Recording and working problems: loads, checks who may, lets the {@link Problem} take the step, saves, writes the
 * timeline, audits and publishes, all in one transaction. Bad input changes nothing.
 */
@Service
public class ProblemWork {

	static final int TEXT_MAX = 10_000;
	static final int INCIDENTS_MAX = 50;

	private final ProblemRecords problems;
	private final ProblemIncidents incidents;
	private final ProblemTimeline timeline;
	private final ProblemNumbers numbers;
	private final ProblemClocks clocks;
	private final ProblemAccess access;
	private final Tickets tickets;
	private final ConfigurationItems items;
	private final ServiceCatalog catalog;
	private final People people;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock = Clock.systemUTC();

	ProblemWork(ProblemRecords problems, ProblemIncidents incidents, ProblemTimeline timeline, ProblemNumbers numbers,
			ProblemClocks clocks, ProblemAccess access, Tickets tickets, ConfigurationItems items,
			ServiceCatalog catalog, People people, AuditTrail audit, ApplicationEventPublisher events) {
		this.problems = problems;
		this.incidents = incidents;
		this.timeline = timeline;
		this.numbers = numbers;
		this.clocks = clocks;
		this.access = access;
		this.tickets = tickets;
		this.items = items;
		this.catalog = catalog;
		this.people = people;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Records a problem of the recorder's party and unit, opened from the given incidents (none for a problem on its
	 * own); 400 naming {@code incidentIds}, {@code serviceId} or {@code configurationItemIds} for a record that does
	 * not exist or that the recorder may not see.
	 */
	@Transactional
	public long open(Supplier<ProblemCollection> written, List<Long> incidentIds) {
		Actor recorder = access.require(Permission.PROBLEM_RECORD);
		ProblemCollection collection = written.get();
		List<Long> ids = incidentIds == null ? List.of()
				: incidentIds.stream().filter(i -> i != null).distinct().toList();
		FieldErrors errors = new FieldErrors();
		List<TicketReference> linked = incidentsOf(ids, errors);
		if (collection.serviceId() != null && catalog.find(collection.serviceId()).isEmpty()) {
			errors.add("serviceId", "problems.service.invalid");
		}
		if (collection.configurationItemIds().stream().anyMatch(id -> items.find(id).isEmpty())) {
			errors.add("configurationItemIds", "problems.items.invalid");
		}
		errors.throwIfAny();
		Instant now = clock.instant();
		Long customerUnit = linked.isEmpty() ? null : linked.getFirst().customerOrgUnitId();
		Problem draft = Problem.register(numbers.next(LocalDate.ofInstant(now, tickets.zone())), recorder.partyId(),
				recorder.orgUnitId(), customerUnit, collection, recorder.userId(), now);
		long id = problems.insert(draft);
		Problem problem = problems.findForUpdate(id).orElseThrow();
		clocks.start(problem, now);
		problems.update(problem);
		timeline.add(id, Kind.OPENED, collection.subject(), recorder, now);
		for (TicketReference incident : linked) {
			incidents.link(id, incident, recorder.userId(), now);
			timeline.add(id, Kind.INCIDENT_LINKED, incident.number() + " " + incident.subject(), recorder, now);
		}
		Map<String, Object> after = new LinkedHashMap<>(collection.audited());
		after.put("number", problem.number());
		after.put("incidents", linked.stream().map(TicketReference::number).toList());
		audit.record(AuditEntry.of("PROBLEM_OPENED", "problem", id).after(after).detail(problem.number()));
		events.publishEvent(new ProblemOpened(id, problem.number(), linked.stream().map(TicketReference::id).toList(),
				now));
		return id;
	}

	/** Links one more incident; linking one twice changes nothing. */
	@Transactional
	public void linkIncident(long id, Long ticketId) {
		Actor actor = access.require(Permission.PROBLEM_RECORD);
		FieldErrors errors = new FieldErrors();
		errors.required("ticketId", ticketId);
		errors.throwIfAny();
		Problem problem = load(id);
		problem.requireOpen();
		TicketReference incident = incidentsOf(List.of(ticketId), errors).stream().findFirst().orElse(null);
		if (incident == null) {
			throw RejectedRequest.invalidField("ticketId", "problems.incident.invalid");
		}
		Instant now = clock.instant();
		if (incidents.link(id, incident, actor.userId(), now)) {
			timeline.add(id, Kind.INCIDENT_LINKED, incident.number() + " " + incident.subject(), actor, now);
			problems.update(problem);
			audit.record(AuditEntry.of("PROBLEM_INCIDENT_LINKED", "problem", id)
				.after(Map.of("ticketId", incident.id(), "number", incident.number())).detail(problem.number()));
		}
	}

	@Transactional
	public void startAnalysis(long id) {
		step(id, Permission.PROBLEM_ANALYSE, "PROBLEM_ANALYSIS_STARTED", Kind.ANALYSIS_STARTED, null, p -> {
			p.startAnalysis();
			clocks.responded(p, clock.instant());
		});
	}

	@Transactional
	public void recordRootCause(long id, String text) {
		access.require(Permission.PROBLEM_ANALYSE);
		String cause = text(text);
		step(id, Permission.PROBLEM_ANALYSE, "PROBLEM_ROOT_CAUSE_RECORDED", Kind.ROOT_CAUSE, cause,
				p -> p.recordRootCause(cause));
	}

	@Transactional
	public void recordEmergencyPlan(long id, String text) {
		access.require(Permission.PROBLEM_ANALYSE);
		String plan = text(text);
		step(id, Permission.PROBLEM_ANALYSE, "PROBLEM_EMERGENCY_PLAN_RECORDED", Kind.EMERGENCY_PLAN, plan,
				p -> p.recordEmergencyPlan(plan, clock.instant()));
	}

	@Transactional
	public void recordSolution(long id, String text, Long ownerId, LocalDate due) {
		access.require(Permission.PROBLEM_ANALYSE);
		ProblemPlan plan = ProblemPlan.solution(text, ownerId, due);
		step(id, Permission.PROBLEM_ANALYSE, "PROBLEM_SOLUTION_RECORDED", Kind.SOLUTION, plan.text(), p -> {
			requireOwner(p, plan);
			p.recordSolution(plan);
		});
	}

	@Transactional
	public void recordImplementation(long id, String text, Long ownerId, LocalDate start, LocalDate end) {
		access.require(Permission.PROBLEM_ANALYSE);
		ProblemPlan plan = ProblemPlan.implementation(text, ownerId, start, end);
		step(id, Permission.PROBLEM_ANALYSE, "PROBLEM_IMPLEMENTATION_RECORDED", Kind.IMPLEMENTATION, plan.text(),
				p -> {
					requireOwner(p, plan);
					p.recordImplementation(plan);
				});
	}

	/** Starts the work; refused (422) while no emergency plan is recorded. */
	@Transactional
	public void startWork(long id) {
		step(id, Permission.PROBLEM_ANALYSE, "PROBLEM_WORK_STARTED", Kind.WORK_STARTED, null, Problem::startWork);
	}

	@Transactional
	public void recordKnownError(long id, String workaround) {
		access.require(Permission.PROBLEM_ANALYSE);
		String text = text(workaround);
		Problem problem = step(id, Permission.PROBLEM_ANALYSE, "PROBLEM_KNOWN_ERROR_RECORDED", Kind.KNOWN_ERROR, text,
				p -> p.recordKnownError(text, clock.instant()));
		events.publishEvent(new KnownErrorRecorded(id, problem.number(), clock.instant()));
	}

	/** Resolves; refused (422) until root cause and solution are recorded. */
	@Transactional
	public void resolve(long id, String text) {
		access.require(Permission.PROBLEM_ANALYSE);
		String resolution = text(text);
		step(id, Permission.PROBLEM_ANALYSE, "PROBLEM_RESOLVED", Kind.RESOLVED, resolution, p -> {
			Instant now = clock.instant();
			p.resolve(resolution, now);
			clocks.resolved(p, now);
		});
	}

	/** Closes a resolved problem; the article is proposed afterwards ({@link ProblemProposal}). */
	@Transactional
	public void close(long id) {
		Instant now = clock.instant();
		Problem problem = step(id, Permission.PROBLEM_CLOSE, "PROBLEM_CLOSED", Kind.CLOSED, null, p -> p.close(now));
		events.publishEvent(new ProblemClosed(id, problem.number(), now));
	}

	@Transactional
	public void cancel(long id, String reason) {
		access.require(Permission.PROBLEM_CLOSE);
		FieldErrors errors = new FieldErrors();
		errors.required("reason", FieldErrors.clean(reason), 500);
		errors.throwIfAny();
		String why = reason.strip();
		step(id, Permission.PROBLEM_CLOSE, "PROBLEM_CANCELLED", Kind.CANCELLED, why, p -> {
			Instant now = clock.instant();
			p.cancel(why, now);
			clocks.resolved(p, now);
		});
	}

	private Problem step(long id, Permission permission, String action, Kind kind, String text,
			Consumer<Problem> change) {
		Actor actor = access.require(permission);
		Problem problem = load(id);
		ProblemStatus before = problem.status();
		change.accept(problem);
		problems.update(problem);
		timeline.add(id, kind, text, actor, clock.instant());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", problem.status().name());
		if (text != null) {
			after.put("text", text.length() > 500 ? text.substring(0, 500) + "…" : text);
		}
		audit.record(AuditEntry.of(action, "problem", id).before(Map.of("status", before.name())).after(after)
			.detail(problem.number()));
		return problem;
	}

	private Problem load(long id) {
		Problem problem = problems.findForUpdate(id).orElseThrow(() -> RejectedRequest.notFound("problem"));
		access.requireWritable(problem);
		return problem;
	}

	private List<TicketReference> incidentsOf(List<Long> ids, FieldErrors errors) {
		if (ids.size() > INCIDENTS_MAX) {
			errors.add("incidentIds", "problems.incidents.too-many");
			return List.of();
		}
		List<TicketReference> found = new ArrayList<>();
		for (long ticketId : ids) {
			tickets.find(ticketId).filter(t -> t.type() == TicketType.INCIDENT).ifPresentOrElse(found::add,
					() -> errors.add("incidentIds", "problems.incident.invalid"));
		}
		return found;
	}

	private void requireOwner(Problem problem, ProblemPlan plan) {
		boolean ok = people.find(plan.ownerId())
			.filter(p -> p.enabled() && p.partyId() == problem.partyId())
			.isPresent();
		if (!ok) {
			throw RejectedRequest.invalidField("ownerId", "problems.owner.invalid");
		}
	}

	private static String text(String text) {
		FieldErrors errors = new FieldErrors();
		errors.required("text", FieldErrors.clean(text), TEXT_MAX);
		errors.throwIfAny();
		return text.strip();
	}
}
