package org.yunwei.sla.internal.attainment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.yunwei.web.DateRange;
import org.yunwei.web.FieldErrors;

/**
 * The days an attainment report covers, both included, in Asia/Shanghai: a clock counts when it stopped on one of
 * them. Without dates, the current month.
 */
record AttainmentPeriod(LocalDate from, LocalDate to) {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
		FieldErrors errors = new FieldErrors();
		DateRange days = DateRange.both("from", from, "to", to, errors);
		errors.throwIfAny();
		return days == null ? currentMonth() : new AttainmentPeriod(days.from(), days.to());
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
