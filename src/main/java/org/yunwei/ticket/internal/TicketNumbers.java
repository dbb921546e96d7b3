package org.yunwei.ticket.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives out ticket numbers, {@code INC-20261122-0001}: prefix, the day in the service desk's zone, and a counter per
 * prefix and day. The counter row stays locked until the creating transaction ends, so concurrent creations queue on
 * it: no number is given twice, and a rolled-back creation gives its number back (no gaps). Callers take the number
 * as the last write of their transaction to keep that queue short.
 */
@Component
class TicketNumbers {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcClient jdbc;

	TicketNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String next(TicketType type, LocalDate day) {
		int sequence = jdbc.sql("""
				insert into ticket_number_counter (prefix, day, last) values (?, ?, 1)
				on conflict (prefix, day) do update set last = ticket_number_counter.last + 1
				returning last""")
			.params(type.prefix(), day)
			.query(Integer.class)
			.single();
		return "%s-%s-%04d".formatted(type.prefix(), DAY.format(day), sequence);
	}
}
