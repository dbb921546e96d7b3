package org.yunwei.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The weekly working hours of a business calendar: a {@link DaySchedule} per day of the week, and the schedule of a
 * make-up workday (调休上班), a weekend day that the holiday schedule turns into a working day.
 * <p>
 * The State Council's notices say only that such a day is worked ("上班"); in practice it follows the normal
 * working hours of a weekday. {@link #of(Map)} therefore gives make-up workdays the schedule of the first weekday,
 * Monday to Friday, that has working hours; {@link #withMakeUpWorkday(DaySchedule)} sets another.
 *
 * @param week a schedule for each of the seven days; days missing from the map given to the constructor are closed
 * @param makeUpWorkday the schedule of a make-up workday, not {@code null}
 */
public record WorkingHours(Map<DayOfWeek, DaySchedule> week, DaySchedule makeUpWorkday) {

	/**
	 * @throws IllegalArgumentException when no day of the week has working time: due times could never be reached
	 */
	public WorkingHours {
		Objects.requireNonNull(week, "week");
		Objects.requireNonNull(makeUpWorkday, "makeUpWorkday");
		Map<DayOfWeek, DaySchedule> complete = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			complete.put(day, Objects.requireNonNullElse(week.get(day), DaySchedule.closed()));
		}
		if (complete.values().stream().allMatch(DaySchedule::isClosed)) {
			throw new IllegalArgumentException("Working hours need working time on at least one day of the week");
		}
		week = Collections.unmodifiableMap(complete); // EnumMap: Monday to Sunday when shown
	}

	/**
	 * Working hours with the given weekly schedule; make-up workdays follow the first of Monday to Friday that has
	 * working hours (or, for a week that works only at weekends, the first day that has).
	 *
	 * @param week schedules by day; missing days are closed
	 */
	public static WorkingHours of(Map<DayOfWeek, DaySchedule> week) {
		Objects.requireNonNull(week, "week");
		// DayOfWeek runs Monday to Sunday, so a weekday wins over a weekend day
		DaySchedule makeUp = null;
		for (DayOfWeek day : DayOfWeek.values()) {
			DaySchedule schedule = week.get(day);
			if (schedule != null && !schedule.isClosed()) {
				makeUp = schedule;
				break;
			}
		}
		return new WorkingHours(week, makeUp != null ? makeUp : DaySchedule.closed());
	}

	/** Monday to Friday with the same schedule, Saturday and Sunday closed; make-up workdays use that schedule. */
	public static WorkingHours mondayToFriday(DaySchedule day) {
		Objects.requireNonNull(day, "day");
		Map<DayOfWeek, DaySchedule> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek weekday : new DayOfWeek[] { DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
				DayOfWeek.THURSDAY, DayOfWeek.FRIDAY }) {
			week.put(weekday, day);
		}
		return new WorkingHours(week, day);
	}

	/** Every day of the week from 00:00 to 24:00 (7×24). */
	public static WorkingHours allDay() {
		Map<DayOfWeek, DaySchedule> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			week.put(day, DaySchedule.allDay());
		}
		return new WorkingHours(week, DaySchedule.allDay());
	}

	/** The same weekly hours with another schedule for make-up workdays. */
	public WorkingHours withMakeUpWorkday(DaySchedule schedule) {
		return new WorkingHours(this.week, schedule);
	}

	/** The schedule of an ordinary (neither holiday nor make-up) day of the given weekday. */
	public DaySchedule on(DayOfWeek day) {
		return this.week.get(Objects.requireNonNull(day, "day"));
	}

	/** The working time of an ordinary week. */
	public Duration weeklyWorkingTime() {
		return this.week.values().stream().map(DaySchedule::workingTime).reduce(Duration.ZERO, Duration::plus);
	}

	/** Whether every day of the week is worked around the clock. */
	public boolean isAllDay() {
		return this.week.values().stream().allMatch(DaySchedule::isAllDay);
	}
}
