package org.yunwei.emergency.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.emergency.EmergencyClosed;
import org.yunwei.emergency.EmergencyDeclared;
import org.yunwei.emergency.internal.EmergencyChecklist.EventStep;
import org.yunwei.emergency.internal.EmergencyTimeline.Kind;
import org.yunwei.emergency.internal.EmergencyPlanVersions.PlanVersion;
import org.yunwei.identity.Actor;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Responding to emergency events: declaring one (from an incident the responder may read, or directly; the approved
 * version of a plan becomes its checklist), doing a checklist step, recording an action of a phase, escalating,
 * closing. Every one of them appends to the timeline, at the instant it was done, by whom, in the transaction that
 * holds the event's row lock, so that entries of one event are recorded one after another; every one is audited.
 */
@Service
public class EmergencyEventResponse {

	static final int TITLE_MAX = 200;
	static final int TEXT_MAX = 2000;
	static final int DESCRIPTION_MAX = 10000;

	private final EmergencyEventRecords events;
	private final EmergencyChecklist steps;
	private final EmergencyTimeline timeline;
	private final EmergencyPlanRecords plans;
	private final EmergencyPlanVersions versions;
	private final EmergencyAccess access;
	private final EmergencyStakeholders stakeholders;
	private final Tickets tickets;
	private final AuditTrail audit;
	private final ApplicationEventPublisher publisher;

	EmergencyEventResponse(EmergencyEventRecords events, EmergencyChecklist steps, EmergencyTimeline timeline, EmergencyPlanRecords plans,
			EmergencyPlanVersions versions, EmergencyAccess access, EmergencyStakeholders stakeholders, Tickets tickets,
			AuditTrail audit, ApplicationEventPublisher publisher) {
		this.events = events;
		this.steps = steps;
		this.timeline = timeline;
		this.plans = plans;
		this.versions = versions;
		this.access = access;
		this.stakeholders = stakeholders;
		this.tickets = tickets;
		this.audit = audit;
		this.publisher = publisher;
	}

	/** What a responder declares. */
	public record Declaration(String title, String description,
			@Schema(description = "EXTRAORDINARY, MAJOR, SERIOUS or GENERAL") String level,
			@Schema(description = "an approved plan whose procedure becomes the checklist; optional") Long planId,
			@Schema(description = "the incident it is declared from; optional") Long ticketId) {
	}

	/** Declares an event at the responder's party and unit; 400 naming every refused field. */
	@Transactional
	public long declare(Declaration declaration) {
		Actor responder = access.responder();
		Declaration d = declaration == null ? new Declaration(null, null, null, null, null) : declaration;
		FieldErrors errors = new FieldErrors();
		String title = FieldErrors.clean(d.title());
		String description = FieldErrors.clean(d.description());
		errors.required("title", title, TITLE_MAX);
		errors.required("description", description, DESCRIPTION_MAX);
		EmergencyLevel level = errors.constant(EmergencyLevel.class, d.level(), "level");
		PlanVersion version = null;
		if (d.planId() != null) {
			EmergencyPlan plan = plans.find(d.planId()).map(EmergencyPlanRecords.Row::plan)
				.filter(p -> access.scope().includes(p.partyId(), p.orgUnitId())).orElse(null);
			if (plan == null || !plan.inForce()) {
				errors.add("planId", "emergency.event.plan.unavailable");
			}
			else {
				version = versions.find(plan.approvedVersionId()).orElseThrow();
			}
		}
		TicketReference ticket = null;
		if (d.ticketId() != null) {
			ticket = tickets.find(d.ticketId()).orElse(null);
			if (ticket == null) {
				errors.add("ticketId", "emergency.event.ticket.unknown");
			}
		}
		errors.throwIfAny();
		Instant at = EmergencyClock.now();
		String number = events.nextNumber(LocalDate.ofInstant(at, EmergencyClock.ZONE));
		long id = events.insert(number, responder.partyId(), responder.orgUnitId(), title, description, level,
				d.planId(), version == null ? null : version.id(), d.ticketId(), responder.userId(), at);
		if (version != null) {
			steps.insertAll(id, version.content().steps());
		}
		timeline.append(id, at, responder.userId(), Kind.DECLARED, ResponsePhase.DISPATCH, null, level.name());
		EmergencyEvent event = events.find(id).orElseThrow();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("number", number);
		after.put("level", level.name());
		after.put("title", title);
		if (version != null) {
			after.put("planVersionId", version.id());
		}
		if (ticket != null) {
			after.put("ticket", ticket.number());
		}
		audit.record(AuditEntry.of("EMERGENCY_EVENT_DECLARED", "emergency_event", id).after(after).detail(number));
		stakeholders.declared(event, version == null ? null : version.content());
		publisher.publishEvent(new EmergencyDeclared(id, number, level.name(), d.planId(), d.ticketId(), at));
		return id;
	}

	/** A step of the checklist is done, now, by the responder; 409 when it already is or the event is closed. */
	@Transactional
	public void completeStep(long eventId, long stepId, String note) {
		Actor responder = access.responder();
		EmergencyEvent event = load(eventId);
		event.requireOpen();
		EventStep step = steps.find(eventId, stepId).orElseThrow(() -> RejectedRequest.notFound("emergency-step"));
		String cleanNote = FieldErrors.clean(note);
		new FieldErrors().optional("note", cleanNote, TEXT_MAX).throwIfAny();
		if (step.done()) {
			throw RejectedRequest.conflict("emergency-step-done", "emergency.event.step.done");
		}
		Instant at = EmergencyClock.now();
		steps.done(stepId, responder.userId(), at, cleanNote);
		timeline.append(eventId, at, responder.userId(), Kind.STEP_DONE, step.phase(), stepId,
				cleanNote == null ? step.title() : step.title() + " — " + cleanNote);
		audit.record(AuditEntry.of("EMERGENCY_STEP_DONE", "emergency_event", eventId)
			.after(Map.of("stepId", stepId, "position", step.position(), "title", step.title(), "at", at.toString()))
			.detail(event.number()));
	}

	/** An action of a phase (dispatch, diagnosis, communication and confirmation, handling and recovery). */
	@Transactional
	public void act(long eventId, String phase, String text) {
		Actor responder = access.responder();
		FieldErrors errors = new FieldErrors();
		ResponsePhase chosen = errors.constant(ResponsePhase.class, phase, "phase");
		if (chosen != null && !chosen.recordable()) {
			errors.add("phase", "emergency.event.phase.own-form");
		}
		String cleanText = FieldErrors.clean(text);
		errors.required("text", cleanText, TEXT_MAX);
		EmergencyEvent event = load(eventId);
		errors.throwIfAny();
		event.requireOpen();
		Instant at = EmergencyClock.now();
		timeline.append(eventId, at, responder.userId(), Kind.ACTION, chosen, null, cleanText);
		audit.record(AuditEntry.of("EMERGENCY_ACTION_RECORDED", "emergency_event", eventId)
			.after(Map.of("phase", chosen.name(), "text", cleanText, "at", at.toString())).detail(event.number()));
	}

	/** Raises the event's level, with the reason; the stakeholders of the new level hear of it. */
	@Transactional
	public void escalate(long eventId, String level, String reason) {
		Actor responder = access.responder();
		FieldErrors errors = new FieldErrors();
		EmergencyLevel to = errors.constant(EmergencyLevel.class, level, "level");
		String cleanReason = FieldErrors.clean(reason);
		errors.required("reason", cleanReason, TEXT_MAX);
		EmergencyEvent event = load(eventId);
		errors.throwIfAny();
		EmergencyLevel before = event.escalate(to);
		events.update(event);
		Instant at = EmergencyClock.now();
		timeline.append(eventId, at, responder.userId(), Kind.ESCALATED, ResponsePhase.ESCALATION, null,
				to.name() + "\n" + cleanReason);
		audit.record(AuditEntry.of("EMERGENCY_EVENT_ESCALATED", "emergency_event", eventId)
			.before(Map.of("level", before.name())).after(Map.of("level", to.name(), "reason", cleanReason))
			.detail(event.number()));
		stakeholders.escalated(event, planContent(event), cleanReason);
	}

	/** Closes the event with its summary; 422 while steps are open. */
	@Transactional
	public void close(long eventId, String summary) {
		Actor responder = access.responder();
		String cleanSummary = FieldErrors.clean(summary);
		FieldErrors errors = new FieldErrors().required("summary", cleanSummary, DESCRIPTION_MAX);
		EmergencyEvent event = load(eventId);
		errors.throwIfAny();
		Instant at = EmergencyClock.now();
		event.close(cleanSummary, steps.open(eventId), at);
		events.update(event);
		timeline.append(eventId, at, responder.userId(), Kind.CLOSED, ResponsePhase.CLOSURE, null, cleanSummary);
		audit.record(AuditEntry.of("EMERGENCY_EVENT_CLOSED", "emergency_event", eventId)
			.before(Map.of("status", "OPEN")).after(Map.of("status", "CLOSED", "at", at.toString()))
			.detail(event.number()));
		publisher.publishEvent(new EmergencyClosed(eventId, event.number(), event.ticketId(), event.declaredAt(), at));
	}

	private EmergencyEvent load(long eventId) {
		EmergencyEvent event = events.findForUpdate(eventId).orElseThrow(() -> RejectedRequest.notFound("emergency-event"));
		access.requireWritable(event.partyId(), event.orgUnitId());
		return event;
	}

	private EmergencyPlanContent planContent(EmergencyEvent event) {
		return event.planVersionId() == null ? null
				: versions.find(event.planVersionId()).map(PlanVersion::content).orElse(null);
	}
}
