package org.yunwei.ticket.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;

/**
 * Resolved and closed tickets in id order, a page at a time, for a module that rebuilds what it keeps of them (the
 * data generator's evaluation contributor, a backfill). Unscoped: for the system, never for a person's page.
 */
@Component
class FinishedTickets {

	private final JdbcClient jdbc;

	FinishedTickets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<TicketRow> after(long ticketId, int limit) {
		return jdbc.sql("select " + TicketRecords.COLUMNS + " from ticket where id > ?"
				+ " and status in ('RESOLVED', 'CLOSED') order by id limit ?")
			.params(ticketId, limit)
			.query(TicketRecords.ROW)
			.list();
	}
}
