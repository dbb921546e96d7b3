package org.yunwei.ticket.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives out ticket numbers, {@code INC-20261122-0001}: prefix, the day in the service desk's zone, and a counter per
 * prefix and day. The counter row stays locked until the creating transaction ends, so concurrent creations queue on
 * it: no number is given twice, and a rolled-back creation gives its number back (no gaps). The number is taken with
 * the ticket's last write to keep that queue short.
 */
@Component
class TicketNumbers {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcClient jdbc;

	TicketNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Numbers a new ticket and writes its fields back, in one statement: the counter's row lock is taken by the
	 * transaction's last statement but one (the audit entry, which names the number, follows), so a creation holds
	 * it for two round trips and the commit.
	 *
	 * @return the ticket as stored, with its number
	 */
	TicketRow numberAndWrite(TicketRow ticket, LocalDate day, Instant now) {
		List<Object> params = new ArrayList<>(List.of(ticket.type().prefix(), day,
				ticket.type().prefix() + "-" + DAY.format(day) + "-"));
		params.addAll(TicketRecords.changes(ticket, now));
		params.add(ticket.id());
		return jdbc.sql("""
				with taken as (
				    insert into ticket_number_counter (prefix, day, last) values (?, ?, 1)
				    on conflict (prefix, day) do update set last = ticket_number_counter.last + 1
				    returning last)
				update ticket set number = ? || case when taken.last < 10000 then lpad(taken.last::text, 4, '0')
				    else taken.last::text end,
				  """ + TicketRecords.CHANGES + """

				from taken where ticket.id = ? returning\s""" + TicketRecords.COLUMNS)
			.params(params)
			.query(TicketRecords.ROW)
			.single();
	}
}
