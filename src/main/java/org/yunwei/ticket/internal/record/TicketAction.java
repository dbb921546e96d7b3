package org.yunwei.ticket.internal.record;

import static org.yunwei.ticket.internal.record.TicketStatus.ASSIGNED;
import static org.yunwei.ticket.internal.record.TicketStatus.CLOSED;
import static org.yunwei.ticket.internal.record.TicketStatus.IN_PROGRESS;
import static org.yunwei.ticket.internal.record.TicketStatus.NEW;
import static org.yunwei.ticket.internal.record.TicketStatus.PENDING;
import static org.yunwei.ticket.internal.record.TicketStatus.RESOLVED;

import java.util.EnumSet;
import java.util.Set;

import org.yunwei.web.RejectedRequest;

/**
 * What may be done to a ticket, and from which statuses: the lifecycle new → assigned → in progress → pending →
 * resolved → closed, with reopen from resolved. Anything else is refused (422, problem type
 * {@code invalid-transition}) and changes nothing.
 */
public enum TicketAction {
	ASSIGN(NEW, ASSIGNED, IN_PROGRESS, PENDING),
	START(NEW, ASSIGNED),
	PEND(ASSIGNED, IN_PROGRESS),
	RESUME(PENDING),
	RESOLVE(NEW, ASSIGNED, IN_PROGRESS, PENDING),
	CLOSE(RESOLVED),
	CONFIRM(RESOLVED),
	REOPEN(RESOLVED),
	REPLY(NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED),
	NOTE(NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED, CLOSED),
	LOG_WORK(NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED),
	UPDATE(NEW, ASSIGNED, IN_PROGRESS, PENDING),
	MAJOR(NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED),
	LINK(NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED, CLOSED),
	ATTACH(NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED);

	private final Set<TicketStatus> from;

	TicketAction(TicketStatus first, TicketStatus... rest) {
		this.from = EnumSet.of(first, rest);
	}

	public boolean allowedFrom(TicketStatus status) {
		return from.contains(status);
	}

	/** Refuses this action on a ticket in {@code status}. */
	public void requireFrom(TicketStatus status) {
		if (!allowedFrom(status)) {
			throw RejectedRequest.unprocessable("invalid-transition", "ticket.transition.invalid", name(),
					status.name());
		}
	}
}
