package org.yunwei.ticket.internal;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.yunwei.ticket.TicketClosed;
import org.yunwei.ticket.TicketReopened;
import org.yunwei.ticket.TicketResolved;

/**
 * Publishes the lifecycle events other modules react to, in the transaction of the change (the event publication
 * registry keeps them until every listener has completed). Called where {@link TicketWork} resolves, closes and
 * reopens; the {@code Ticket} aggregate (issue 12) takes this over by registering the events on its transitions.
 */
@Component
class TicketLifecycleEvents {

	private final ApplicationEventPublisher events;

	TicketLifecycleEvents(ApplicationEventPublisher events) {
		this.events = events;
	}

	void resolved(TicketRow t) {
		events.publishEvent(new TicketResolved(t.id(), t.number(), t.type(), t.customerOrgUnitId(),
				t.providerPartyId(), t.assigneeUserId(), t.reporterUserId(), t.resolutionCode(), t.resolvedAt()));
	}

	void closed(TicketRow t) {
		events.publishEvent(new TicketClosed(t.id(), t.number(), t.type(), t.customerOrgUnitId(),
				t.providerPartyId(), t.assigneeUserId(), t.reporterUserId(), t.closedAt()));
	}

	void reopened(TicketRow t, Instant at) {
		events.publishEvent(new TicketReopened(t.id(), t.number(), t.providerPartyId(), t.assigneeUserId(), at));
	}
}
