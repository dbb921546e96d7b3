package org.yunwei.evaluation.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.ticket.TicketClosed;
import org.yunwei.ticket.TicketReopened;
import org.yunwei.ticket.TicketResolved;
import org.yunwei.ticket.Tickets;

/**
 * Keeps evaluation's record of resolved tickets ({@link EvaluationTickets}) as the ticket module reports them:
 * a resolved ticket may be rated and becomes due for a return visit when the sample draws it (or it is a major
 * incident, or rated low); a closed one stays due until a visit reaches its customer; a reopened one leaves the
 * worklist until it is resolved again. The assignee is the event's; the details the events do not carry (subject, group, reporter) are read once
 * through the facade. Safe to deliver twice or out of order: each write applies only what is newer than the record.
 */
@Component
class TicketLifecycleListener {

	private final Tickets tickets;
	private final EvaluationTickets records;

	TicketLifecycleListener(Tickets tickets, EvaluationTickets records) {
		this.tickets = tickets;
		this.records = records;
	}

	@ApplicationModuleListener
	void on(TicketResolved event) {
		tickets.findForSystem(event.ticketId())
			.ifPresent(t -> records.apply(t, "RESOLVED", event.assigneeUserId(), event.resolvedAt(), null, event.resolvedAt()));
	}

	@ApplicationModuleListener
	void on(TicketClosed event) {
		tickets.findForSystem(event.ticketId())
			.ifPresent(t -> records.apply(t, "CLOSED", event.assigneeUserId(), t.resolvedAt() == null ? event.closedAt() : t.resolvedAt(),
					event.closedAt(), event.closedAt()));
	}

	@ApplicationModuleListener
	void on(TicketReopened event) {
		tickets.findForSystem(event.ticketId())
			.ifPresent(t -> records.apply(t, "REOPENED", event.assigneeUserId(), null, null, event.reopenedAt()));
	}
}
