package org.yunwei.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Days as people pick them in a form or a query string (ISO dates such as {@code 2026-11-01}), both ends included,
 * turned into instants in a zone for a query: from the first instant of {@code from} to the first instant after
 * {@code to}. An end may be open ({@code null}) where the caller allows it (list filters); reports ask for both.
 * <p>
 * Dates outside the years 2000–2999 are refused as typing mistakes: they would overflow the database's timestamps.
 * Mistakes are reported on the caller's field names with the keys {@code date.malformed} and {@code date.order}.
 */
public record DateRange(LocalDate from, LocalDate to) {

	private static final int FIRST_YEAR = 2000;
	private static final int LAST_YEAR = 2999;

	public static DateRange month(YearMonth month) {
		return new DateRange(month.atDay(1), month.atEndOfMonth());
	}

	public static DateRange currentMonth(ZoneId zone) {
		return month(YearMonth.now(zone));
	}

	/**
	 * The quick choices every report's period picker offers, by the key of their label ({@code period.preset.*},
	 * in {@code templates/layout/period.html}): this month, last month, the last 30 days, this year.
	 */
	public static Map<String, DateRange> presets(LocalDate today) {
		Map<String, DateRange> presets = new LinkedHashMap<>();
		YearMonth month = YearMonth.from(today);
		presets.put("this-month", month(month));
		presets.put("last-month", month(month.minusMonths(1)));
		presets.put("last-30-days", new DateRange(today.minusDays(29), today));
		presets.put("this-year", new DateRange(today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear())));
		return presets;
	}

	/**
	 * Reads two optional dates; {@code null} when neither is given. An unreadable date is reported on its field, a
	 * {@code from} after {@code to} on {@code toField}; the range returned then is {@code null} too.
	 */
	public static DateRange optional(String fromField, String from, String toField, String to, FieldErrors errors) {
		String fromText = FieldErrors.clean(from);
		String toText = FieldErrors.clean(to);
		if (fromText == null && toText == null) {
			return null;
		}
		int before = errors.asMap().size();
		LocalDate start = fromText == null ? null : date(fromField, fromText, errors);
		LocalDate end = toText == null ? null : date(toField, toText, errors);
		if (start != null && end != null && start.isAfter(end)) {
			errors.add(toField, "date.order");
		}
		return errors.asMap().size() > before ? null : new DateRange(start, end);
	}

	/**
	 * Reads a report's period: both dates, or neither ({@code null} then, for the caller's default). Only one of the
	 * two is reported as required on the missing field.
	 */
	public static DateRange both(String fromField, String from, String toField, String to, FieldErrors errors) {
		String fromText = FieldErrors.clean(from);
		String toText = FieldErrors.clean(to);
		if (fromText == null && toText != null) {
			errors.add(fromField, "field.required");
		}
		if (toText == null && fromText != null) {
			errors.add(toField, "field.required");
		}
		DateRange range = optional(fromField, fromText, toField, toText, errors);
		return range == null || range.from() == null || range.to() == null ? null : range;
	}

	private static LocalDate date(String field, String text, FieldErrors errors) {
		try {
			LocalDate date = LocalDate.parse(text);
			if (date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR) {
				return date;
			}
		}
		catch (DateTimeException unreadable) {
			// reported below, as a date outside the years is
		}
		errors.add(field, "date.malformed");
		return null;
	}

	/** How many days the range covers; both ends must be given. */
	public long days() {
		return ChronoUnit.DAYS.between(from, to) + 1;
	}

	/** The first instant of the range in the zone; {@code null} for an open start. */
	public Instant start(ZoneId zone) {
		return from == null ? null : from.atStartOfDay(zone).toInstant();
	}

	/** The first instant after the range in the zone; {@code null} for an open end. */
	public Instant end(ZoneId zone) {
		return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
	}
}
