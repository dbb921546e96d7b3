package org.yunwei.inspection.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.scheduling.support.CronExpression;

import org.yunwei.sla.BusinessCalendar;

/**
 * When a plan's tasks fall, as a named policy over a business calendar.
 * <ul>
 * <li>{@link Frequency#DAILY}: every day, or with {@code workingDaysOnly} every working day of the calendar — its
 * holidays skipped, its 调休 make-up workdays included even on a weekend.</li>
 * <li>{@link Frequency#WEEKLY} on a weekday, {@link Frequency#MONTHLY} on a day of the month (1–28, so every month
 * has it): with {@code workingDaysOnly}, a day that is no working day moves to the next working day — the weekly
 * check of a Monday inside the National Day holiday is done on the first working day after it.</li>
 * <li>{@link Frequency#CRON}: the days a five-field cron expression ({@code minute hour day-of-month month
 * day-of-week}, e.g. {@code 0 9 * * 1,3,5}) fires on at any time; with {@code workingDaysOnly} its days that are no
 * working day are skipped, not moved (a cron says exactly which days it means).</li>
 * </ul>
 * A working day is one that the calendar gives working hours: not a holiday, and either a make-up workday or a
 * weekday with hours.
 */
public record InspectionSchedule(Frequency frequency, DayOfWeek dayOfWeek, Integer dayOfMonth,
		boolean workingDaysOnly, String cron) {

	public InspectionSchedule(Frequency frequency, DayOfWeek dayOfWeek, Integer dayOfMonth, boolean workingDaysOnly) {
		this(frequency, dayOfWeek, dayOfMonth, workingDaysOnly, null);
	}

	/** A cron expression of five fields as Spring reads it (with seconds); throws IllegalArgumentException. */
	static CronExpression parseCron(String fiveFields) {
		String[] fields = fiveFields.strip().split("\\s+");
		if (fields.length != 5) {
			throw new IllegalArgumentException("five fields expected");
		}
		return CronExpression.parse("0 " + String.join(" ", fields));
	}

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
		if (frequency == Frequency.CRON) {
			LocalDateTime next = parseCron(cron).next(day.atStartOfDay().minusSeconds(1));
			return next != null && next.toLocalDate().equals(day);
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
			case CRON -> false;
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
