package org.yunwei.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * A ticket in a work list with its resolution due time, as a person's queue orders them (the earliest due first).
 *
 * @param ticket the ticket; never {@code null}
 * @param resolutionDueAt when the resolution target falls due; {@code null} for a ticket without an SLA, or while
 *        its clock is paused (pending)
 */
public record DueTicket(TicketReference ticket, Instant resolutionDueAt) {

	public DueTicket {
		Objects.requireNonNull(ticket, "ticket");
	}

	/** Whether the resolution target had passed at {@code now}. */
	public boolean overdueAt(Instant now) {
		return resolutionDueAt != null && resolutionDueAt.isBefore(now);
	}
}
