package org.yunwei.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yunwei.sla.BusinessCalendar;

/** When a plan's tasks fall, on the shipped Chinese calendar of 2026. */
class InspectionScheduleTests {

	private static final BusinessCalendar CHINA = BusinessCalendar.chinaDefault();

	private static List<LocalDate> days(InspectionSchedule schedule, String from, String to) {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
			if (schedule.fallsOn(d, CHINA)) {
				days.add(d);
			}
		}
		return days;
	}

	private static List<LocalDate> dates(String... texts) {
		return java.util.Arrays.stream(texts).map(LocalDate::parse).toList();
	}

	@Test
	void dailyOnWorkingDaysSkipsTheSpringFestivalAndKeepsTheMakeUpSaturdays() {
		// 2026-02-14 (Saturday) and 2026-02-28 (Saturday) are 调休 workdays; 02-15 to 02-23 the holiday
		InspectionSchedule daily = new InspectionSchedule(Frequency.DAILY, null, null, true);
		assertThat(days(daily, "2026-02-12", "2026-02-28")).containsExactlyElementsOf(
				dates("2026-02-12", "2026-02-13", "2026-02-14", "2026-02-24", "2026-02-25", "2026-02-26",
						"2026-02-27", "2026-02-28"));
	}

	@Test
	void dailyOnEveryDayIgnoresTheCalendar() {
		InspectionSchedule daily = new InspectionSchedule(Frequency.DAILY, null, null, false);
		assertThat(days(daily, "2026-10-01", "2026-10-07")).hasSize(7);
	}

	@Test
	void weeklyOnAHolidayMovesToTheNextWorkingDayOnce() {
		// Mondays 02-16 and 02-23 are both in the holiday: one task, on Tuesday 02-24
		InspectionSchedule monday = new InspectionSchedule(Frequency.WEEKLY, DayOfWeek.MONDAY, null, true);
		assertThat(days(monday, "2026-02-09", "2026-03-03")).containsExactlyElementsOf(
				dates("2026-02-09", "2026-02-24", "2026-03-02"));
		// Monday 10-05 of the National Day holiday: Thursday 10-08
		assertThat(days(monday, "2026-09-28", "2026-10-13")).containsExactlyElementsOf(
				dates("2026-09-28", "2026-10-08", "2026-10-12"));
	}

	@Test
	void weeklyOnASaturdayFallsOnTheMakeUpWorkdayAndOtherwiseOnTheMonday() {
		InspectionSchedule saturday = new InspectionSchedule(Frequency.WEEKLY, DayOfWeek.SATURDAY, null, true);
		// 10-03 is a holiday, moved past the holiday to 10-08; 10-10 is a 调休 workday itself
		assertThat(days(saturday, "2026-10-01", "2026-10-18")).containsExactlyElementsOf(
				dates("2026-10-08", "2026-10-10"));
		assertThat(days(saturday, "2026-10-11", "2026-10-19")).containsExactlyElementsOf(dates("2026-10-19"));
	}

	@Test
	void monthlyOnTheFirstMovesPastNewYearAndNationalDay() {
		InspectionSchedule first = new InspectionSchedule(Frequency.MONTHLY, null, 1, true);
		assertThat(days(first, "2026-01-01", "2026-01-31")).containsExactlyElementsOf(dates("2026-01-04"));
		assertThat(days(first, "2026-10-01", "2026-10-31")).containsExactlyElementsOf(dates("2026-10-08"));
		InspectionSchedule anyDay = new InspectionSchedule(Frequency.MONTHLY, null, 1, false);
		assertThat(days(anyDay, "2026-10-01", "2026-10-31")).containsExactlyElementsOf(dates("2026-10-01"));
	}
}
