package org.yunwei.knowledge.internal.usage;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.ticket.TicketReopened;
import org.yunwei.ticket.TicketResolved;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.Tickets;

/**
 * Keeps the knowledge base's count of resolved incidents, the denominator of its coverage (知识库的覆盖范围), from the
 * service desk's events. Safe to receive twice: recording is an upsert, a reopening a delete. Incidents resolved
 * before this module was installed are not counted.
 */
@Component
class ResolvedIncidentListener {

	private final ResolvedIncidents incidents;
	private final Tickets tickets;

	ResolvedIncidentListener(ResolvedIncidents incidents, Tickets tickets) {
		this.incidents = incidents;
		this.tickets = tickets;
	}

	@ApplicationModuleListener
	void on(TicketResolved event) {
		if (event.type() != TicketType.INCIDENT) {
			return;
		}
		// the service is not in the event: the ticket as it is now names it
		Long serviceId = tickets.findForSystem(event.ticketId()).map(t -> t.serviceId()).orElse(null);
		incidents.resolved(event.ticketId(), event.providerPartyId(), event.customerOrgUnitId(), serviceId,
				event.resolvedAt());
	}

	@ApplicationModuleListener
	void on(TicketReopened event) {
		incidents.reopened(event.ticketId());
	}
}
