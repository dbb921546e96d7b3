package org.yunwei.ticket.internal.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.yunwei.web.DateRange;
import org.yunwei.web.FieldErrors;

/**
 * The days a statistic covers, both included, in the service desk's zone: a ticket counts on the day it was created,
 * resolved or closed there. Without dates, the current month.
 */
record TicketStatisticsPeriod(LocalDate from, LocalDate to) {

	static TicketStatisticsPeriod currentMonth(ZoneId zone) {
		YearMonth month = YearMonth.now(zone);
		return new TicketStatisticsPeriod(month.atDay(1), month.atEndOfMonth());
	}

	/**
	 * Reads {@code from} and {@code to} (ISO dates such as 2026-11-01); both missing means the current month.
	 * Refuses (400, every mistake at once) an unreadable date, only one of the two, or {@code from} after {@code to}.
	 */
	static TicketStatisticsPeriod parse(String from, String to, ZoneId zone) {
		FieldErrors errors = new FieldErrors();
		DateRange days = DateRange.both("from", from, "to", to, errors);
		errors.throwIfAny();
		return days == null ? currentMonth(zone) : new TicketStatisticsPeriod(days.from(), days.to());
	}

	long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	/** The first instant of the period. */
	Instant start(ZoneId zone) {
		return from.atStartOfDay(zone).toInstant();
	}

	/** The first instant after the period. */
	Instant end(ZoneId zone) {
		return to.plusDays(1).atStartOfDay(zone).toInstant();
	}
}
