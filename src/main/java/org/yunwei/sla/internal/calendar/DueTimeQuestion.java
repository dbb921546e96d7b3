package org.yunwei.sla.internal.calendar;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.yunwei.sla.TimeBasis;
import org.yunwei.web.RejectedRequest;

/**
 * The calendar check: when is something due that starts at {@code start} and may take {@code duration}?
 *
 * @param start an ISO-8601 instant; an offset such as {@code +08:00} instead of {@code Z} is accepted
 * @param duration an ISO-8601 duration, not negative
 * @param basis {@code BUSINESS} (the default: only working time counts) or {@code CALENDAR}
 */
@Schema(name = "DueTimeQuestion")
record DueTimeQuestion(@Schema(example = "2026-02-13T09:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED) String start,
		@Schema(example = "PT8H", requiredMode = Schema.RequiredMode.REQUIRED) String duration,
		@Schema(example = "BUSINESS", allowableValues = { "BUSINESS", "CALENDAR" }) String basis) {

	/** Longer durations make no sense for a service level and would only keep a thread busy. */
	static final Duration LONGEST = Duration.ofDays(3650);

	Checked check() {
		Map<String, String> errors = new LinkedHashMap<>();
		Instant at = null;
		try {
			at = start == null ? null : Instant.parse(start.strip());
		}
		catch (DateTimeParseException ex) {
			// the field error below says what is expected
		}
		if (at == null) {
			errors.put("start", "calendars.due.start.invalid");
		}
		Duration amount = null;
		try {
			amount = duration == null ? null : Duration.parse(duration.strip());
		}
		catch (DateTimeParseException | ArithmeticException ex) {
			// reported below
		}
		if (amount == null) {
			errors.put("duration", "calendars.due.duration.invalid");
		}
		else if (amount.isNegative()) {
			errors.put("duration", "calendars.due.duration.negative");
		}
		else if (amount.compareTo(LONGEST) > 0) {
			errors.put("duration", "calendars.due.duration.too-long");
		}
		TimeBasis timeBasis = TimeBasis.BUSINESS;
		if (basis != null && !basis.isBlank()) {
			try {
				timeBasis = TimeBasis.valueOf(basis.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				errors.put("basis", "calendars.due.basis.invalid");
			}
		}
		if (!errors.isEmpty()) {
			throw RejectedRequest.invalidFields(errors);
		}
		return new Checked(at, amount, timeBasis);
	}

	record Checked(Instant start, Duration duration, TimeBasis basis) {

		static Checked of(Instant start, Duration duration, TimeBasis basis) {
			if (duration.isNegative()) {
				throw RejectedRequest.invalidField("duration", "calendars.due.duration.negative");
			}
			if (duration.compareTo(LONGEST) > 0) {
				throw RejectedRequest.invalidField("duration", "calendars.due.duration.too-long");
			}
			return new Checked(start, duration, basis);
		}
	}

	/** What the check answers; {@code due} is an instant, {@code dueLocal} the same in the calendar's zone. */
	@Schema(name = "DueTimeAnswer")
	record Answer(@Schema(example = "2026-02-24T01:30:00Z") String due,
			@Schema(example = "2026-02-24T09:30+08:00[Asia/Shanghai]") String dueLocal,
			@Schema(example = "2026-02-13T09:00:00Z") String start, @Schema(example = "PT8H") String duration,
			@Schema(example = "BUSINESS") String basis) {
	}
}
