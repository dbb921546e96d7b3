package org.yunwei.sla;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date on which the holiday schedule overrides the weekly working hours: a day off (法定节假日 or a day moved
 * into a holiday) or a make-up workday (调休上班).
 *
 * @param date the local date in the calendar's zone, not {@code null}
 * @param kind whether the day is off or worked, not {@code null}
 * @param name what the day is for, such as {@code 春节}; {@code null} becomes the empty string
 */
public record ScheduledDay(LocalDate date, Kind kind, String name) {

	public ScheduledDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(kind, "kind");
		name = name == null ? "" : name.strip();
	}

	/** What the schedule makes of the day. */
	public enum Kind {

		/** A day off, whatever its weekday: no working time. */
		HOLIDAY,

		/** A make-up workday: worked with the make-up schedule of {@link WorkingHours}, whatever its weekday. */
		WORKDAY
	}
}
