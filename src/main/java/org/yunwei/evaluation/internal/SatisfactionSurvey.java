package org.yunwei.evaluation.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
 * The customer's satisfaction rating of a resolved ticket (满意度调查, Hunan 4.2.4b): 1 to 5 with an optional
 * comment, given once by the reporter or anyone of the ticket's customer unit or a unit above it; the service desk
 * may not rate its own work. A rating at or below {@link SatisfactionSettings#lowRatingThreshold()} opens a
 * follow-up ({@link SatisfactionFollowUp}).
 * <p>
 * A rating is final: a second one is refused (409) rather than replacing the first, because ratings are the evidence
 * behind the satisfaction figures of periods already reported and behind the follow-up a low one opened. A
 * customer who changes their mind reopens a resolved ticket or tells the return visit, which is recorded beside it.
 */
@Service
class SatisfactionSurvey {

	static final int COMMENT_MAX = 2000;

	private final Tickets tickets;
	private final EvaluationAccess access;
	private final Actors actors;
	private final SatisfactionRatings ratings;
	private final EvaluationTickets known;
	private final SatisfactionFollowUp followUps;
	private final SatisfactionSettings settings;
	private final EvaluationTexts texts;
	private final AuditTrail audit;

	SatisfactionSurvey(Tickets tickets, EvaluationAccess access, Actors actors, SatisfactionRatings ratings,
			EvaluationTickets known, SatisfactionFollowUp followUps, SatisfactionSettings settings,
			EvaluationTexts texts, AuditTrail audit) {
		this.tickets = tickets;
		this.access = access;
		this.actors = actors;
		this.ratings = ratings;
		this.known = known;
		this.followUps = followUps;
		this.settings = settings;
		this.texts = texts;
		this.audit = audit;
	}

	/**
	 * Rates a resolved or closed ticket for the signed-in customer.
	 *
	 * @param viaPortal whether the rating page was used (the follow-up's channel is then PORTAL, otherwise API)
	 * @throws RejectedRequest 404 outside the customer's scope, 403 for anyone but a customer, 422 before the ticket
	 *         is resolved, 409 when it is rated already, 400 for a score outside 1–5 or a comment too long
	 */
	@Transactional
	public SatisfactionRating rate(long ticketId, Integer score, String comment, boolean viaPortal) {
		TicketReference ticket = access.lockForRating(ticketId);
		Actor actor = actors.current();
		requireResolved(ticket);
		if (ratings.find(ticketId).isPresent()) {
			throw RejectedRequest.conflict("already-rated", "satisfaction.already-rated");
		}
		String text = FieldErrors.clean(comment);
		FieldErrors errors = new FieldErrors().optional("comment", text, COMMENT_MAX);
		if (score == null) {
			errors.add("score", "satisfaction.score.required");
		}
		else if (score < 1 || score > 5) {
			errors.add("score", "satisfaction.score.invalid");
		}
		errors.throwIfAny();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		known.remember(ticket);
		ratings.insert(ticketId, score, text, actor.userId(), actor.displayName(), now);
		tickets.addNote(ticketId, new TimelineNote(TimelineNote.Kind.RATING, true, text, Map.of("score", score)));
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("score", score);
		after.put("comment", text);
		audit.record(AuditEntry.of("TICKET_RATED", "ticket", ticketId).after(after).detail(ticket.number()));
		if (settings.isLow(score)) {
			String reason = texts.text("ticket.follow-up.low-rating", ticket.number(), score,
					text == null ? "—" : text);
			followUps.open(ticket, reason, viaPortal ? Tickets.Via.PORTAL : Tickets.Via.API)
				.ifPresent(followUp -> ratings.setFollowUp(ticketId, followUp.id(), followUp.number()));
		}
		return ratings.find(ticketId).orElseThrow();
	}

	/** The rating of a ticket the signed-in person may see; empty when it has none yet. */
	@Transactional(readOnly = true)
	public Optional<SatisfactionRating> of(long ticketId) {
		visible(ticketId);
		return ratings.find(ticketId);
	}

	/** The ticket if the signed-in person may see it. @throws RejectedRequest 404 otherwise */
	TicketReference visible(long ticketId) {
		return access.visible(ticketId);
	}

	/** Whether the signed-in person could rate this ticket now (the page offers the form only then). */
	boolean mayRate(TicketReference ticket) {
		return access.isCustomer() && ticket.finished() && ratings.find(ticket.id()).isEmpty();
	}

	static void requireResolved(TicketReference ticket) {
		if (!ticket.finished()) {
			throw RejectedRequest.unprocessable("not-resolved", "satisfaction.not-resolved");
		}
	}
}
