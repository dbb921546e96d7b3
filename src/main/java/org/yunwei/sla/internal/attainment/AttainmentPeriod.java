package org.yunwei.sla.internal.attainment;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.yunwei.web.FieldErrors;

/**
 * The days an attainment report covers, both included, in Asia/Shanghai: a clock counts when it stopped on one of
 * them. Without dates, the current month.
 */
record AttainmentPeriod(LocalDate from, LocalDate to) {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	/** Dates outside these years are typing mistakes, and would overflow the database's timestamps. */
	private static final int FIRST_YEAR = 2000;
	private static final int LAST_YEAR = 2999;

	static AttainmentPeriod month(YearMonth month) {
		return new AttainmentPeriod(month.atDay(1), month.atEndOfMonth());
	}

	static AttainmentPeriod currentMonth() {
		return month(YearMonth.now(ZONE));
	}

	/**
	 * Reads the {@code from} and {@code to} parameters (ISO dates such as 2026-11-01); both missing means the current
	 * month. Refuses (400, every mistake at once) an unreadable date, only one of the two, or {@code from} after
	 * {@code to}.
	 */
	static AttainmentPeriod parse(String from, String to) {
		String fromText = FieldErrors.clean(from);
		String toText = FieldErrors.clean(to);
		if (fromText == null && toText == null) {
			return currentMonth();
		}
		FieldErrors errors = new FieldErrors();
		LocalDate start = date("from", fromText, errors);
		LocalDate end = date("to", toText, errors);
		if (start != null && end != null && start.isAfter(end)) {
			errors.add("to", "attainment.period.order");
		}
		errors.throwIfAny();
		return new AttainmentPeriod(start, end);
	}

	private static LocalDate date(String field, String text, FieldErrors errors) {
		if (text == null) {
			errors.add(field, "field.required");
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
				errors.add(field, "attainment.period.malformed");
				return null;
			}
			return date;
		}
		catch (DateTimeException unreadable) {
			errors.add(field, "attainment.period.malformed");
			return null;
		}
	}

	/** The first instant of the period. */
	Instant start() {
		return from.atStartOfDay(ZONE).toInstant();
	}

	/** The first instant after the period. */
	Instant end() {
		return to.plusDays(1).atStartOfDay(ZONE).toInstant();
	}
}
