package org.yunwei.ticket.internal;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.sla.SlaBreached;

/**
 * Remembers which SLA clocks of a ticket the SLA engine declared breached, for attainment: a resolved ticket keeps
 * no copy of its resolution due time, and asking the engine ticket by ticket would not scale to a statistic. The
 * engine raises a breach once per clock, also when a late pause or stop finds the deadline passed, so that a clock
 * without a row here met its target. Repeated deliveries change nothing; a subject that is no ticket is ignored.
 */
@Component
class TicketStatisticsBreaches {

	private final JdbcClient jdbc;

	TicketStatisticsBreaches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(SlaBreached breached) {
		if (!TicketClocks.SUBJECT_TYPE.equals(breached.subjectType())) {
			return;
		}
		long ticketId;
		try {
			ticketId = Long.parseLong(breached.subjectId());
		}
		catch (NumberFormatException notATicket) {
			return;
		}
		jdbc.sql("""
				insert into ticket_sla_breach (ticket_id, kind, deadline)
				select id, ?, ? from ticket where id = ?
				on conflict (ticket_id, kind) do nothing""")
			.params(breached.kind().name(), Timestamp.from(breached.deadline()), ticketId)
			.update();
	}
}
