package org.yunwei.sla;

import java.time.LocalDate;
import java.util.Objects;

import org.yunwei.web.ControlCharacters;

/**
 * A date on which the holiday schedule overrides the weekly working hours: a day off (法定节假日 or a day moved
 * into a holiday) or a make-up workday (调休上班).
 *
 * @param date the local date in the calendar's zone, not {@code null}
 * @param kind whether the day is off or worked, not {@code null}
 * @param name what the day is for, such as {@code 春节}; {@code null} becomes the empty string
 */
public record ScheduledDay(LocalDate date, Kind kind, String name) {

	/** The longest name of a day: the API, the form and every import hold to it. */
	public static final int NAME_MAX_LENGTH = 100;

	public ScheduledDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(kind, "kind");
		name = name == null ? "" : name.strip();
	}

	/**
	 * Whether {@code name} may name a day, wherever it comes from (a request, a CSV or iCalendar import): at most
	 * {@link #NAME_MAX_LENGTH} characters once trimmed, and plain text ({@link ControlCharacters}). {@code null} may.
	 */
	public static boolean isAcceptableName(String name) {
		return name == null || name.strip().length() <= NAME_MAX_LENGTH && !ControlCharacters.in(name);
	}

	/** What the schedule makes of the day. */
	public enum Kind {

		/** A day off, whatever its weekday: no working time. */
		HOLIDAY,

		/** A make-up workday: worked with the make-up schedule of {@link WorkingHours}, whatever its weekday. */
		WORKDAY
	}
}
