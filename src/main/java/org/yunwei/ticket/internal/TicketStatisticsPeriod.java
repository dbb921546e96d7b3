package org.yunwei.ticket.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.yunwei.web.FieldErrors;

/**
 * The days a statistic covers, both included, in the service desk's zone: a ticket counts on the day it was created,
 * resolved or closed there. Without dates, the current month.
 */
record TicketStatisticsPeriod(LocalDate from, LocalDate to) {

	/** Dates outside these years are typing mistakes, and would overflow the database's timestamps. */
	private static final int FIRST_YEAR = 2000;
	private static final int LAST_YEAR = 2999;

	static TicketStatisticsPeriod currentMonth(ZoneId zone) {
		YearMonth month = YearMonth.now(zone);
		return new TicketStatisticsPeriod(month.atDay(1), month.atEndOfMonth());
	}

	/**
	 * Reads {@code from} and {@code to} (ISO dates such as 2026-11-01); both missing means the current month.
	 * Refuses (400, every mistake at once) an unreadable date, only one of the two, or {@code from} after {@code to}.
	 */
	static TicketStatisticsPeriod parse(String from, String to, ZoneId zone) {
		String fromText = FieldErrors.clean(from);
		String toText = FieldErrors.clean(to);
		if (fromText == null && toText == null) {
			return currentMonth(zone);
		}
		FieldErrors errors = new FieldErrors();
		LocalDate start = date("from", fromText, errors);
		LocalDate end = date("to", toText, errors);
		if (start != null && end != null && start.isAfter(end)) {
			errors.add("to", "ticket-stats.period.order");
		}
		errors.throwIfAny();
		return new TicketStatisticsPeriod(start, end);
	}

	private static LocalDate date(String field, String text, FieldErrors errors) {
		if (text == null) {
			errors.add(field, "field.required");
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR) {
				return date;
			}
		}
		catch (DateTimeException unreadable) {
			// told below, as a date outside the years is
		}
		errors.add(field, "ticket-stats.period.malformed");
		return null;
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
