package org.yunwei.ticket.internal.work;

import org.springframework.stereotype.Component;
import org.yunwei.sla.SlaBreached;
import org.yunwei.ticket.internal.record.TicketRecords;

/**
 * Copies the deadline of each SLA clock of a ticket that the SLA engine declared breached onto the ticket
 * ({@code response_breached_at}, {@code resolution_breached_at}), for attainment: a resolved ticket keeps no copy of
 * its resolution due time, and asking the engine ticket by ticket would not scale to a statistic. The engine raises
 * a breach once per clock, also when a late pause or stop finds the deadline passed, so that a clock without the copy
 * met its target. Repeated deliveries change nothing. Called by {@link TicketEscalation}'s breach listener, so that
 * a breach costs the event registry one publication.
 */
@Component
public class TicketStatisticsBreaches {

	private final TicketRecords tickets;

	TicketStatisticsBreaches(TicketRecords tickets) {
		this.tickets = tickets;
	}

	void record(SlaBreached breached) {
		long ticketId;
		try {
			ticketId = Long.parseLong(breached.subjectId());
		}
		catch (NumberFormatException notATicket) {
			return;
		}
		tickets.breached(ticketId, breached.kind(), breached.deadline());
	}
}
