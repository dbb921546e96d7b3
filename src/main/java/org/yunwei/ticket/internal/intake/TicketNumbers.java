package org.yunwei.ticket.internal.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.ticket.internal.record.TimelineEntry;

/**
 * Gives out ticket numbers, {@code INC-20261122-0001}: prefix, the day in the service desk's zone, and a counter per
 * prefix and day. The counter row stays locked until the creating transaction ends, so concurrent creations queue on
 * it: no number is given twice, and a rolled-back creation gives its number back (no gaps). The number is taken with
 * the ticket's only write, late in the transaction, to keep that queue short.
 */
@Component
public class TicketNumbers {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcClient jdbc;

	TicketNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Numbers a new ticket and inserts it with its first timeline entries, in one statement, the row written once
	 * with its number, agreement and due times. The counter's row lock is taken by the creating transaction's last
	 * write of the ticket: only the audit entry and the notice, which name the number, follow it before the commit.
	 *
	 * @param ticket the ticket as {@link TicketRecords.Reserved#ticket} drew it, with its agreement and due times
	 * @return the ticket as stored, with its number, and its first entries as stored
	 */
	Numbered numberAndInsert(TicketRow ticket, Timeline.FirstEntries firstEntries, LocalDate day) {
		String prefix = ticket.type().prefix();
		List<Object> values = TicketRecords.newValues(ticket);
		List<Object> params = new ArrayList<>(List.of(prefix, day, ticket.id(), prefix + "-" + DAY.format(day) + "-"));
		params.addAll(values);
		params.addAll(firstEntries.parameters());
		return jdbc.sql("""
				with taken as (
				    insert into ticket_number_counter (prefix, day, last) values (?, ?, 1)
				    on conflict (prefix, day) do update set last = ticket_number_counter.last + 1
				    returning last),
				stored as (
				    insert into ticket (%s) overriding system value
				    select ?, ? || case when taken.last < 10000 then lpad(taken.last::text, 4, '0')
				        else taken.last::text end, %s
				    from taken
				    returning %s),
				%s
				select stored.*, %s from stored""".formatted(TicketRecords.NEW_COLUMNS,
				String.join(", ", Collections.nCopies(values.size(), "?")), TicketRecords.COLUMNS,
				firstEntries.query("stored"), Timeline.FirstEntries.STORED))
			.params(params)
			.query((rs, n) -> {
				TicketRow stored = TicketRecords.ROW.mapRow(rs, n);
				return new Numbered(stored, firstEntries.stored(stored.id(), rs));
			})
			.single();
	}

	/** A new ticket as stored, with its number, and its first timeline entries. */
	record Numbered(TicketRow ticket, List<TimelineEntry> timeline) {
	}
}
