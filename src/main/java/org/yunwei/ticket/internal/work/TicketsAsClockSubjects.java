package org.yunwei.ticket.internal.work;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockSubjects;
import org.yunwei.ticket.internal.record.TicketRecords;

/** Lets the SLA clocks page find a ticket's clocks by its number, within the reader's scope. */
@Component
class TicketsAsClockSubjects implements ClockSubjects {

	private final TicketRecords tickets;
	private final Actors actors;

	TicketsAsClockSubjects(TicketRecords tickets, Actors actors) {
		this.tickets = tickets;
		this.actors = actors;
	}

	@Override
	public Optional<ClockSubject> byNumber(String number) {
		DataScope scope = actors.scope();
		return tickets.findByNumber(number.strip().toUpperCase(Locale.ROOT))
			.filter(ticket -> scope.includes(ticket.providerPartyId(), ticket.customerOrgUnitId()))
			.map(ticket -> TicketClocks.subject(ticket.id()));
	}
}
