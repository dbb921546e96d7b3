package org.yunwei.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WorkingHoursTests {

	@Test
	void intervalStartsBeforeItEndsAndMayRunToMidnight() {
		assertThat(WorkingInterval.parse("09:00-12:00").length()).isEqualTo(Duration.ofHours(3));
		assertThat(WorkingInterval.parse("22:00-24:00").endSecondOfDay()).isEqualTo(86_400);
		assertThat(WorkingInterval.parse("22:00-24:00")).hasToString("22:00-24:00");
		assertThat(new WorkingInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT).length()).isEqualTo(Duration.ofDays(1));
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingInterval.parse("12:00-09:00"))
			.withMessageContaining("start before it ends");
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingInterval.parse("09:00-09:00"));
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingInterval.parse("9h to 12h"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WorkingInterval(LocalTime.of(9, 0, 0, 1), LocalTime.NOON))
			.withMessageContaining("whole seconds");
	}

	@Test
	void dayIntervalsAreSortedAndMustNotOverlap() {
		DaySchedule day = DaySchedule.parse("13:30-17:30, 09:00-12:00");
		assertThat(day).hasToString("09:00-12:00,13:30-17:30");
		assertThat(day.workingTime()).isEqualTo(Duration.ofHours(7));
		assertThat(DaySchedule.parse("09:00-12:00,12:00-13:00").workingTime()).as("touching is fine")
			.isEqualTo(Duration.ofHours(4));
		assertThatIllegalArgumentException().isThrownBy(() -> DaySchedule.parse("09:00-12:00,11:00-13:00"))
			.withMessage("Working intervals overlap: 09:00-12:00 and 11:00-13:00");
		assertThat(DaySchedule.parse(" ").isClosed()).isTrue();
		assertThat(DaySchedule.allDay().isAllDay()).isTrue();
	}

	@Test
	void makeUpWorkdaysFollowTheFirstWorkingWeekday() {
		DaySchedule monday = DaySchedule.parse("08:00-12:00");
		DaySchedule tuesday = DaySchedule.parse("09:00-17:00");
		WorkingHours hours = WorkingHours.of(Map.of(DayOfWeek.TUESDAY, tuesday, DayOfWeek.MONDAY, monday,
				DayOfWeek.SATURDAY, DaySchedule.parse("10:00-11:00")));
		assertThat(hours.makeUpWorkday()).isEqualTo(monday);
		assertThat(hours.on(DayOfWeek.WEDNESDAY).isClosed()).isTrue();
		assertThat(hours.weeklyWorkingTime()).isEqualTo(Duration.ofHours(4 + 8 + 1));
		assertThat(WorkingHours.of(Map.of(DayOfWeek.SUNDAY, tuesday)).makeUpWorkday()).isEqualTo(tuesday);
		assertThat(hours.withMakeUpWorkday(tuesday).makeUpWorkday()).isEqualTo(tuesday);
	}

	@Test
	void aWeekWithoutWorkingTimeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> WorkingHours.of(Map.of()))
			.withMessageContaining("at least one day");
	}

	@Test
	void makeUpWorkdayScheduleIsUsedOnMakeUpDays() {
		// a calendar whose 调休 days are half days: Sat 2026-02-14 09:00–12:00 only
		BusinessCalendar halfDays = BusinessCalendar.of(BusinessCalendar.SHANGHAI,
				WorkingHours.mondayToFriday(DaySchedule.parse("09:00-12:00,13:30-17:30"))
					.withMakeUpWorkday(DaySchedule.parse("09:00-12:00")),
				HolidaySchedule.chinaNational());
		// Sat 02-14 11:00 + 2 h: 1 h to 12:00, nothing after, 02-15 … 02-23 off, Tue 02-24 09:00 + 1 h = 10:00
		assertThat(halfDays.addBusinessTime(BusinessCalendarTests.shanghai("2026-02-14T11:00"), Duration.ofHours(2)))
			.isEqualTo(BusinessCalendarTests.shanghai("2026-02-24T10:00"));
	}
}
