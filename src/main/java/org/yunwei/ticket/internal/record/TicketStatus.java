package org.yunwei.ticket.internal.record;

import java.util.Set;

/**
 * The lifecycle of a ticket: new → assigned → in progress → pending (SLA paused) → resolved → closed, with reopen
 * from resolved. {@link TicketAction} says which moves are allowed.
 */
public enum TicketStatus {
	NEW, ASSIGNED, IN_PROGRESS, PENDING, RESOLVED, CLOSED;

	/** The statuses in which someone still owes the customer something. */
	public static final Set<TicketStatus> OPEN = Set.of(NEW, ASSIGNED, IN_PROGRESS, PENDING);

	public boolean open() {
		return OPEN.contains(this);
	}
}
