package org.yunwei.evaluation.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.Tickets;
import org.yunwei.ticket.TimelineNote;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Return visits (回访, Hunan 6.1.1e): the service desk calls the customer of a resolved or closed ticket and records
 * who it reached, the result, what the customer said and what it will do. A dissatisfied customer gets a follow-up
 * as after a low rating ({@link SatisfactionFollowUp}); an unreachable one stays on the worklist. Visits are the
 * service desk's own record: agents (TICKET_WORK) write them, agents, management and supervision read them,
 * customers see neither the visits nor the worklist.
 */
@Service
class ReturnVisits {

	private final Tickets tickets;
	private final EvaluationAccess access;
	private final Actors actors;
	private final ReturnVisitRecords records;
	private final EvaluationTickets known;
	private final SatisfactionFollowUp followUps;
	private final EvaluationTexts texts;
	private final AuditTrail audit;

	ReturnVisits(Tickets tickets, EvaluationAccess access, Actors actors, ReturnVisitRecords records,
			EvaluationTickets known, SatisfactionFollowUp followUps, EvaluationTexts texts, AuditTrail audit) {
		this.tickets = tickets;
		this.access = access;
		this.actors = actors;
		this.records = records;
		this.known = known;
		this.followUps = followUps;
		this.texts = texts;
		this.audit = audit;
	}

	/**
	 * Records a visit made just now by the signed-in agent.
	 *
	 * @throws RejectedRequest 403 for anyone but an agent (and for supervision), 404 for a ticket outside their
	 *         scope, 422 before the ticket is resolved, 400 naming each wrong field
	 */
	@Transactional
	public ReturnVisit record(ReturnVisitDraft draft) {
		// the right before what the request asks: as recording on a ticket would refuse it
		if (!access.recordsVisits()) {
			throw RejectedRequest.forbidden("ticket.no-access");
		}
		if (draft.ticketId() == null) {
			throw RejectedRequest.invalidField("ticketId", "field.required");
		}
		TicketReference ticket = access.lockForVisit(draft.ticketId());
		SatisfactionSurvey.requireResolved(ticket);
		FieldErrors errors = new FieldErrors();
		ReturnVisitResult result = errors.constant(ReturnVisitResult.class, draft.result(), "result");
		String contact = FieldErrors.clean(draft.contact());
		String comment = FieldErrors.clean(draft.comment());
		String followUp = FieldErrors.clean(draft.followUp());
		errors.required("contact", contact, 200).optional("comment", comment, 2000)
			.optional("followUp", followUp, 2000).throwIfAny();
		Actor actor = actors.current();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		known.remember(ticket);
		long id = records.insert(ticket.id(), actor.userId(), actor.displayName(), now, contact, result, comment,
				followUp);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("result", result.name());
		details.put("contact", contact);
		details.put("followUp", followUp);
		tickets.addNote(ticket.id(), new TimelineNote(TimelineNote.Kind.RETURN_VISIT, false, comment, details));
		Map<String, Object> after = new LinkedHashMap<>(details);
		after.put("comment", comment);
		audit.record(AuditEntry.of("TICKET_RETURN_VISIT", "ticket", ticket.id()).after(after)
			.detail(ticket.number() + " #" + id));
		if (result == ReturnVisitResult.DISSATISFIED) {
			String reason = texts.text("ticket.follow-up.return-visit", ticket.number(), contact,
					comment == null ? "—" : comment, followUp == null ? "—" : followUp);
			followUps.open(ticket, reason, Tickets.Via.PHONE)
				.ifPresent(f -> records.setFollowUp(id, f.id(), f.number()));
		}
		return records.find(id).orElseThrow();
	}

	/** The visits of a ticket, the latest first, for the people who may read them. */
	@Transactional(readOnly = true)
	public List<ReturnVisit> ofTicket(long ticketId) {
		access.requireVisitReader();
		access.visible(ticketId);
		return records.ofTicket(ticketId);
	}
}
