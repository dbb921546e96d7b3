package org.yunwei.inspection.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.yunwei.sla.BusinessCalendar;

/**
 * When a plan's tasks fall, as a named policy over a business calendar.
 * <ul>
 * <li>{@link Frequency#DAILY}: every day, or with {@code workingDaysOnly} every working day of the calendar — its
 * holidays skipped, its 调休 make-up workdays included even on a weekend.</li>
 * <li>{@link Frequency#WEEKLY} on a weekday, {@link Frequency#MONTHLY} on a day of the month (1–28, so every month
 * has it): with {@code workingDaysOnly}, a day that is no working day moves to the next working day — the weekly
 * check of a Monday inside the National Day holiday is done on the first working day after it.</li>
 * </ul>
 * A working day is one that the calendar gives working hours: not a holiday, and either a make-up workday or a
 * weekday with hours.
 */
public record InspectionSchedule(Frequency frequency, DayOfWeek dayOfWeek, Integer dayOfMonth,
		boolean workingDaysOnly) {

	/** The longest run of days off a moved occurrence looks past (the Spring Festival is about nine). */
	static final int LONGEST_BREAK = 31;

	/** Whether tasks fall on {@code day}. */
	public boolean fallsOn(LocalDate day, BusinessCalendar calendar) {
		if (workingDaysOnly && !workingDay(day, calendar)) {
			return false;
		}
		if (frequency == Frequency.DAILY) {
			return true;
		}
		if (!workingDaysOnly) {
			return nominal(day);
		}
		// the nominal day itself, or a nominal day before it whose days up to this one were all days off
		for (int back = 0; back <= LONGEST_BREAK; back++) {
			LocalDate candidate = day.minusDays(back);
			if (back > 0 && workingDay(candidate, calendar)) {
				return false;
			}
			if (nominal(candidate)) {
				return true;
			}
		}
		return false;
	}

	private boolean nominal(LocalDate day) {
		return switch (frequency) {
			case DAILY -> true;
			case WEEKLY -> day.getDayOfWeek() == dayOfWeek;
			case MONTHLY -> day.getDayOfMonth() == dayOfMonth;
		};
	}

	/** Whether the calendar gives the day working hours. */
	static boolean workingDay(LocalDate day, BusinessCalendar calendar) {
		if (calendar.holidays().isHoliday(day)) {
			return false;
		}
		return calendar.holidays().isMakeUpWorkday(day)
				|| !calendar.workingHours().on(day.getDayOfWeek()).isClosed();
	}
}
