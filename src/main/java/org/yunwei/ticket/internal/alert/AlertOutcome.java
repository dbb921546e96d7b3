package org.yunwei.ticket.internal.alert;

import io.swagger.v3.oas.annotations.media.Schema;

import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketStatus;

/**
 * What a delivery did, as the alert receivers answer it.
 *
 * @param outcome OPENED a new incident; REPEATED on an open one (a timeline entry); REOPENED a resolved one; RESOLVED
 *        it on recovery (the route auto-resolves); NOTED the recovery or update only; IGNORED a recovery or update of
 *        a problem no incident was opened for (nothing written)
 * @param ticketId {@code null} when ignored
 * @param previousTicketId the closed incident of the same key, when the alert fired again after it closed
 */
@Schema(name = "AlertOutcome")
public record AlertOutcome(Outcome outcome, Long ticketId, String number, TicketStatus status, Long previousTicketId) {

	public enum Outcome {
		OPENED, REPEATED, REOPENED, RESOLVED, NOTED, IGNORED
	}

	static AlertOutcome of(Outcome outcome, TicketRow ticket) {
		return new AlertOutcome(outcome, ticket.id(), ticket.number(), ticket.status(), null);
	}

	static AlertOutcome ignored() {
		return new AlertOutcome(Outcome.IGNORED, null, null, null, null);
	}
}
