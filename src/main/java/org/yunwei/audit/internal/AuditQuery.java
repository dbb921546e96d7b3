package org.yunwei.audit.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

import org.yunwei.audit.Outcome;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.RejectedRequest;

/**
 * A filtered read of the audit trail, newest first, as asked for by request parameters. Every filter is optional;
 * {@code from} and {@code to} take an instant ({@code 2026-11-01T08:00:00Z}), a local date-time or a date in
 * Asia/Shanghai, a date for {@code to} meaning the whole of that day. Unusable input is refused with a field error.
 *
 * @param toExclusive records before this instant match
 * @param afterId continues a keyset page: only records with a smaller id, or {@code null} for the first page
 */
record AuditQuery(String actor, String action, String objectType, String objectId, Outcome outcome, Instant from,
		Instant toExclusive, Long afterId, int limit) {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	static final int DEFAULT_LIMIT = 50;
	static final int MAX_LIMIT = 200;
	private static final int MAX_TEXT = 200;
	private static final String CURSOR_VERSION = "v1";

	/** The parameters a query is read from; the same names build links that repeat it. */
	static final String[] FILTERS = { "actor", "action", "objectType", "objectId", "outcome", "from", "to" };

	static AuditQuery parse(Function<String, String> parameters) {
		Map<String, String> errors = new LinkedHashMap<>();
		String actor = text(parameters, "actor", errors);
		String action = text(parameters, "action", errors);
		String objectType = text(parameters, "objectType", errors);
		String objectId = text(parameters, "objectId", errors);
		Outcome outcome = outcome(blankToNull(parameters.apply("outcome")), errors);
		Instant from = instant(parameters, "from", false, errors);
		Instant to = instant(parameters, "to", true, errors);
		if (from != null && to != null && !from.isBefore(to)) {
			errors.put("to", "audit.filter.range");
		}
		Long afterId = cursor(blankToNull(parameters.apply("cursor")), errors);
		int limit = limit(blankToNull(parameters.apply("limit")), errors);
		if (!errors.isEmpty()) {
			throw RejectedRequest.invalidFields(errors);
		}
		return new AuditQuery(actor, action, objectType, objectId, outcome, from, to, afterId, limit);
	}

	static String cursorAfter(long id) {
		return KeysetCursor.encode(CURSOR_VERSION, id);
	}

	/** A link to {@code path} with the filters of this request (raw, as given) and the given cursor, if any. */
	static String link(String path, Function<String, String> parameters, String cursor) {
		Map<String, String> query = givenFilters(parameters);
		if (cursor != null) {
			query.put("cursor", cursor);
		}
		StringJoiner link = new StringJoiner("&", path + (query.isEmpty() ? "" : "?"), "");
		// URLEncoder also encodes '+', which would otherwise come back as a space in an offset like +08:00
		query.forEach((name, value) -> link.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return link.toString();
	}

	/** The filters given, as given, for telling what an export contains. */
	static Map<String, String> givenFilters(Function<String, String> parameters) {
		Map<String, String> given = new LinkedHashMap<>();
		for (String name : FILTERS) {
			String value = blankToNull(parameters.apply(name));
			if (value != null) {
				given.put(name, value);
			}
		}
		return given;
	}

	private static String text(Function<String, String> parameters, String name, Map<String, String> errors) {
		String value = blankToNull(parameters.apply(name));
		if (value != null && value.length() > MAX_TEXT) {
			errors.put(name, "audit.filter.too-long");
			return null;
		}
		return value;
	}

	private static Outcome outcome(String value, Map<String, String> errors) {
		if (value == null) {
			return null;
		}
		try {
			return Outcome.valueOf(value.toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			errors.put("outcome", "audit.filter.outcome-invalid");
			return null;
		}
	}

	private static Instant instant(Function<String, String> parameters, String name, boolean upperBound,
			Map<String, String> errors) {
		String value = blankToNull(parameters.apply(name));
		if (value == null) {
			return null;
		}
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (upperBound ? day.plusDays(1) : day).atStartOfDay(ZONE).toInstant();
			}
			Instant instant = value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")
					? OffsetDateTime.parse(value).toInstant() : LocalDateTime.parse(value).atZone(ZONE).toInstant();
			// an instant as upper bound is inclusive, to the microsecond the database stores
			return upperBound ? instant.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS) : instant;
		}
		catch (DateTimeException unreadable) {
			errors.put(name, "audit.filter.time");
			return null;
		}
	}

	private static Long cursor(String value, Map<String, String> errors) {
		if (value == null) {
			return null;
		}
		String[] parts = KeysetCursor.decode(value, 2).filter(p -> p[0].equals(CURSOR_VERSION)).orElse(null);
		try {
			long id = parts == null ? 0 : Long.parseLong(parts[1]);
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException unreadable) {
			// reported below, as for any other unusable cursor
		}
		errors.put("cursor", "audit.filter.cursor");
		return null;
	}

	private static int limit(String value, Map<String, String> errors) {
		if (value == null) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value);
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException unreadable) {
			// reported below
		}
		errors.put("limit", "audit.filter.limit");
		return DEFAULT_LIMIT;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
