package org.yunwei.ticket.internal;

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
import org.yunwei.identity.PartyKind;
import org.yunwei.ticket.internal.record.Author;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketStatus;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.ticket.internal.work.TicketNotices;
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
public class SatisfactionSurvey {

	static final int COMMENT_MAX = 2000;

	private final TicketAccess access;
	private final Actors actors;
	private final SatisfactionRatings ratings;
	private final SatisfactionFollowUp followUps;
	private final SatisfactionSettings settings;
	private final Timeline timeline;
	private final TicketNotices notices;
	private final AuditTrail audit;

	SatisfactionSurvey(TicketAccess access, Actors actors, SatisfactionRatings ratings,
			SatisfactionFollowUp followUps, SatisfactionSettings settings, Timeline timeline, TicketNotices notices,
			AuditTrail audit) {
		this.access = access;
		this.actors = actors;
		this.ratings = ratings;
		this.followUps = followUps;
		this.settings = settings;
		this.timeline = timeline;
		this.notices = notices;
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
		TicketRow ticket = access.lockForParticipant(ticketId);
		Actor actor = actors.current();
		if (actor.partyKind() != PartyKind.CUSTOMER) {
			throw RejectedRequest.forbidden("satisfaction.customers-only");
		}
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
		ratings.insert(ticketId, score, text, actor.userId(), actor.displayName(), now);
		timeline.append(ticketId, EntryKind.RATING, true, actor.userId(), actor.displayName(), text,
				Map.of("score", score), null);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("score", score);
		after.put("comment", text);
		audit.record(AuditEntry.of("TICKET_RATED", "ticket", ticketId).after(after).detail(ticket.number()));
		if (settings.isLow(score)) {
			String reason = notices.text("ticket.follow-up.low-rating", ticket.number(), score,
					text == null ? "—" : text);
			followUps.open(ticket, reason, viaPortal ? Channel.PORTAL : Channel.API, Author.of(actor))
				.ifPresent(followUp -> ratings.setFollowUp(ticketId, followUp.id()));
		}
		return ratings.find(ticketId).orElseThrow();
	}

	/** The rating of a ticket the signed-in person may see; empty when it has none yet. */
	@Transactional(readOnly = true)
	public Optional<SatisfactionRating> of(long ticketId) {
		access.visible(ticketId);
		return ratings.find(ticketId);
	}

	/** Whether the signed-in person could rate this ticket now (the page offers the form only then). */
	public boolean mayRate(TicketRow ticket) {
		Actor actor = actors.current();
		return actor.partyKind() == PartyKind.CUSTOMER && resolved(ticket) && ratings.find(ticket.id()).isEmpty();
	}

	static boolean resolved(TicketRow ticket) {
		return resolved(ticket.status());
	}

	static boolean resolved(TicketStatus status) {
		return status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED;
	}

	static void requireResolved(TicketRow ticket) {
		if (!resolved(ticket)) {
			throw RejectedRequest.unprocessable("not-resolved", "satisfaction.not-resolved");
		}
	}
}
