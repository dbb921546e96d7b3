package org.yunwei.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked cases on the default calendar (Monday–Friday 09:00–12:00 and 13:30–17:30, Asia/Shanghai, national
 * holidays and 调休). A full working day is 3 h + 4 h = 7 h. Every expected value is worked out in the comment above
 * it; weekdays were checked against a calendar.
 */
class BusinessCalendarTests {

	private final BusinessCalendar calendar = BusinessCalendar.chinaDefault();

	/** A local date-time in Asia/Shanghai (+08:00, no daylight saving). */
	static Instant shanghai(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BusinessCalendar.SHANGHAI).toInstant();
	}

	static Duration hours(double hours) {
		return Duration.ofMinutes(Math.round(hours * 60));
	}

	@Nested
	class OrdinaryWeeks {

		@Test
		void fridayCloseOfBusinessPlusOneHourIsMondayTen() {
			// Fri 2026-11-20 17:30 is the end of the day: nothing left on Friday, Sat/Sun 21–22 closed,
			// Mon 2026-11-23 09:00 + 1 h = 10:00. No holiday in November 2026.
			assertThat(calendar.addBusinessTime(shanghai("2026-11-20T17:30"), hours(1)))
				.isEqualTo(shanghai("2026-11-23T10:00"));
			assertThat(calendar.businessTimeBetween(shanghai("2026-11-20T17:30"), shanghai("2026-11-23T10:00")))
				.isEqualTo(hours(1));
		}

		@Test
		void fridayLateAfternoonSpillsIntoMonday() {
			// Fri 17:00–17:30 = 0.5 h, the remaining 0.5 h from Mon 09:00 → 09:30.
			assertThat(calendar.addBusinessTime(shanghai("2026-11-20T17:00"), hours(1)))
				.isEqualTo(shanghai("2026-11-23T09:30"));
			assertThat(calendar.businessTimeBetween(shanghai("2026-11-20T17:00"), shanghai("2026-11-23T09:30")))
				.isEqualTo(hours(1));
		}

		@Test
		void lunchBreakIsSkipped() {
			// Tue 2026-11-24 11:30–12:00 = 0.5 h, lunch 12:00–13:30 does not count, 13:30 + 0.5 h = 14:00.
			assertThat(calendar.addBusinessTime(shanghai("2026-11-24T11:30"), hours(1)))
				.isEqualTo(shanghai("2026-11-24T14:00"));
			assertThat(calendar.businessTimeBetween(shanghai("2026-11-24T11:30"), shanghai("2026-11-24T14:00")))
				.isEqualTo(hours(1));
		}

		@Test
		void dueTimeOnTheEndOfAnIntervalIsThatEnd() {
			// 11:00 + 1 h reaches the full amount exactly at 12:00: the earliest such instant is 12:00, not 13:30.
			assertThat(calendar.addBusinessTime(shanghai("2026-11-24T11:00"), hours(1)))
				.isEqualTo(shanghai("2026-11-24T12:00"));
			// 16:30 + 1 h ends at 17:30 on the same day, not on Wednesday morning.
			assertThat(calendar.addBusinessTime(shanghai("2026-11-24T16:30"), hours(1)))
				.isEqualTo(shanghai("2026-11-24T17:30"));
			// a whole day from its first minute: 09:00 + 7 h = 17:30 the same day.
			assertThat(calendar.addBusinessTime(shanghai("2026-11-24T09:00"), hours(7)))
				.isEqualTo(shanghai("2026-11-24T17:30"));
		}

		@Test
		void countingFromAnIntervalEndStartsAtTheNextInterval() {
			// 12:00 is not working time: counting starts at 13:30, + 1 min = 13:31.
			assertThat(calendar.addBusinessTime(shanghai("2026-11-24T12:00"), Duration.ofMinutes(1)))
				.isEqualTo(shanghai("2026-11-24T13:31"));
			// 12:00 + 3 h: 13:30–16:30.
			assertThat(calendar.addBusinessTime(shanghai("2026-11-24T12:00"), hours(3)))
				.isEqualTo(shanghai("2026-11-24T16:30"));
		}

		@Test
		void zeroAmountReturnsTheStartItself() {
			// documented choice: the earliest instant by which nothing has passed is the start, even at lunch
			assertThat(calendar.addBusinessTime(shanghai("2026-11-24T12:00"), Duration.ZERO))
				.isEqualTo(shanghai("2026-11-24T12:00"));
			assertThat(calendar.addBusinessTime(shanghai("2026-11-21T10:00"), Duration.ZERO))
				.isEqualTo(shanghai("2026-11-21T10:00"));
		}

		@Test
		void intervalsAreHalfOpen() {
			assertThat(calendar.isWorkingTime(shanghai("2026-11-24T09:00"))).isTrue();
			assertThat(calendar.isWorkingTime(shanghai("2026-11-24T08:59:59.999999999"))).isFalse();
			assertThat(calendar.isWorkingTime(shanghai("2026-11-24T11:59:59.999999999"))).isTrue();
			assertThat(calendar.isWorkingTime(shanghai("2026-11-24T12:00"))).isFalse();
			assertThat(calendar.isWorkingTime(shanghai("2026-11-24T13:30"))).isTrue();
			assertThat(calendar.isWorkingTime(shanghai("2026-11-24T17:30"))).isFalse();
			assertThat(calendar.isWorkingTime(shanghai("2026-11-21T10:00"))).as("Saturday").isFalse();
		}

		@Test
		void nextWorkingMoment() {
			assertThat(calendar.nextWorkingMoment(shanghai("2026-11-24T10:15"))).isEqualTo(shanghai("2026-11-24T10:15"));
			assertThat(calendar.nextWorkingMoment(shanghai("2026-11-24T12:00"))).isEqualTo(shanghai("2026-11-24T13:30"));
			assertThat(calendar.nextWorkingMoment(shanghai("2026-11-24T06:00"))).isEqualTo(shanghai("2026-11-24T09:00"));
			// Fri 17:30 → Mon 09:00
			assertThat(calendar.nextWorkingMoment(shanghai("2026-11-20T17:30"))).isEqualTo(shanghai("2026-11-23T09:00"));
		}

		@Test
		void betweenIsNegativeBackwardsAndZeroForTheSameInstant() {
			assertThat(calendar.businessTimeBetween(shanghai("2026-11-23T10:00"), shanghai("2026-11-20T17:30")))
				.isEqualTo(hours(-1));
			assertThat(calendar.businessTimeBetween(shanghai("2026-11-23T10:00"), shanghai("2026-11-23T10:00")))
				.isZero();
			// Sat 10:00 to Sun 18:00: no working time
			assertThat(calendar.businessTimeBetween(shanghai("2026-11-21T10:00"), shanghai("2026-11-22T18:00")))
				.isZero();
		}

		@Test
		void longSpansJumpWholeWeeks() {
			// Mon 2026-11-02 09:00 + 35 h = five 7-h days → Fri 2026-11-06 17:30 (an interval end, not Mon 09:00)
			assertThat(calendar.addBusinessTime(shanghai("2026-11-02T09:00"), hours(35)))
				.isEqualTo(shanghai("2026-11-06T17:30"));
			// + 70 h = two weeks → Fri 2026-11-13 17:30; + 70.5 h → Mon 2026-11-16 09:30
			assertThat(calendar.addBusinessTime(shanghai("2026-11-02T09:00"), hours(70)))
				.isEqualTo(shanghai("2026-11-13T17:30"));
			assertThat(calendar.addBusinessTime(shanghai("2026-11-02T09:00"), hours(70.5)))
				.isEqualTo(shanghai("2026-11-16T09:30"));
			// November 2026 has 21 weekdays and no holiday: 21 × 7 h = 147 h
			assertThat(calendar.businessTimeBetween(shanghai("2026-11-01T00:00"), shanghai("2026-12-01T00:00")))
				.isEqualTo(hours(147));
		}

		@Test
		void rejectsNegativeAmountsAndNulls() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> calendar.addBusinessTime(shanghai("2026-11-24T10:00"), Duration.ofMinutes(-1)));
			assertThatNullPointerException().isThrownBy(() -> calendar.addBusinessTime(null, Duration.ZERO));
			assertThatNullPointerException().isThrownBy(() -> calendar.businessTimeBetween(Instant.EPOCH, null));
		}
	}

	@Nested
	class SpringFestival2026 {

		// 2026: Sat 02-14 worked (调休), Sun 02-15 … Mon 02-23 off (9 days), Sat 02-28 worked (调休)

		@Test
		void fridayBeforeRunsIntoTheMakeUpSaturday() {
			// Fri 02-13 17:00–17:30 = 0.5 h; Sat 02-14 is a make-up workday with weekday hours: 09:00 + 1.5 h = 10:30
			assertThat(calendar.addBusinessTime(shanghai("2026-02-13T17:00"), hours(2)))
				.isEqualTo(shanghai("2026-02-14T10:30"));
			assertThat(calendar.businessTimeBetween(shanghai("2026-02-13T17:00"), shanghai("2026-02-14T10:30")))
				.isEqualTo(hours(2));
		}

		@Test
		void makeUpSaturdayEveningJumpsTheWholeHoliday() {
			// Sat 02-14 17:30 is the end of the make-up day; 02-15 … 02-23 are off; Tue 02-24 09:00 + 1 h = 10:00
			assertThat(calendar.addBusinessTime(shanghai("2026-02-14T17:30"), hours(1)))
				.isEqualTo(shanghai("2026-02-24T10:00"));
			assertThat(calendar.businessTimeBetween(shanghai("2026-02-14T17:30"), shanghai("2026-02-24T10:00")))
				.isEqualTo(hours(1));
		}

		@Test
		void secondMakeUpSaturday() {
			// Fri 02-27 17:00–17:30 = 0.5 h; Sat 02-28 (调休) 09:00 + 0.5 h = 09:30
			assertThat(calendar.addBusinessTime(shanghai("2026-02-27T17:00"), hours(1)))
				.isEqualTo(shanghai("2026-02-28T09:30"));
		}

		@Test
		void wholeHolidayFortnight() {
			// Fri 02-13 7 h + Sat 02-14 7 h + holiday 0 + Tue 02-24 00:00 → 09:00 0 h = 14 h
			assertThat(calendar.businessTimeBetween(shanghai("2026-02-13T09:00"), shanghai("2026-02-24T09:00")))
				.isEqualTo(hours(14));
			// Mon 02-09 … Sun 03-01: Mon–Fri 02-09…13 (35 h) + Sat 14 (7) + Tue–Fri 24…27 (28) + Sat 28 (7) = 77 h
			assertThat(calendar.businessTimeBetween(shanghai("2026-02-09T00:00"), shanghai("2026-03-02T00:00")))
				.isEqualTo(hours(77));
		}

		@Test
		void startInsideTheHoliday() {
			// Wed 02-18 (holiday) 10:00: counting starts Tue 02-24 09:00, + 1 h = 10:00
			assertThat(calendar.isWorkingTime(shanghai("2026-02-18T10:00"))).isFalse();
			assertThat(calendar.nextWorkingMoment(shanghai("2026-02-18T10:00"))).isEqualTo(shanghai("2026-02-24T09:00"));
			assertThat(calendar.addBusinessTime(shanghai("2026-02-18T10:00"), hours(1)))
				.isEqualTo(shanghai("2026-02-24T10:00"));
			// Mon 02-23 is a holiday although it is a Monday
			assertThat(calendar.isWorkingTime(shanghai("2026-02-23T10:00"))).isFalse();
			// the make-up Saturdays are working time
			assertThat(calendar.isWorkingTime(shanghai("2026-02-14T09:00"))).isTrue();
			assertThat(calendar.isWorkingTime(shanghai("2026-02-28T16:00"))).isTrue();
		}
	}

	@Nested
	class OtherHolidays {

		@Test
		void newYear2026MakeUpSunday() {
			// Wed 2025-12-31 17:00–17:30 = 0.5 h; 2026-01-01 (Thu) … 01-03 (Sat) off; Sun 01-04 worked: 09:00 + 0.5 h
			assertThat(calendar.addBusinessTime(shanghai("2025-12-31T17:00"), hours(1)))
				.isEqualTo(shanghai("2026-01-04T09:30"));
			assertThat(calendar.businessTimeBetween(shanghai("2025-12-31T17:00"), shanghai("2026-01-04T09:30")))
				.isEqualTo(hours(1));
		}

		@Test
		void nationalDay2026() {
			// Sun 09-20 is worked: Fri 09-18 17:00 + 1 h = 0.5 h Fri, Sat 09-19 off, Sun 09-20 09:30
			assertThat(calendar.addBusinessTime(shanghai("2026-09-18T17:00"), hours(1)))
				.isEqualTo(shanghai("2026-09-20T09:30"));
			// Mid-Autumn Fri 09-25 … Sun 09-27: Thu 09-24 17:00 + 1 h = 0.5 h, Mon 09-28 09:30
			assertThat(calendar.addBusinessTime(shanghai("2026-09-24T17:00"), hours(1)))
				.isEqualTo(shanghai("2026-09-28T09:30"));
			// National Day Thu 10-01 … Wed 10-07: Wed 09-30 17:00 + 1 h = 0.5 h, Thu 10-08 09:30
			assertThat(calendar.addBusinessTime(shanghai("2026-09-30T17:00"), hours(1)))
				.isEqualTo(shanghai("2026-10-08T09:30"));
			// Sat 10-10 is worked: Fri 10-09 17:30 + 1 h = Sat 10-10 10:00
			assertThat(calendar.addBusinessTime(shanghai("2026-10-09T17:30"), hours(1)))
				.isEqualTo(shanghai("2026-10-10T10:00"));
			// start inside the holiday: Sat 10-03 10:00 → counting from Thu 10-08 09:00, + 1 h = 10:00
			assertThat(calendar.addBusinessTime(shanghai("2026-10-03T10:00"), hours(1)))
				.isEqualTo(shanghai("2026-10-08T10:00"));
			// Mon 09-28 00:00 → Mon 10-12 00:00: Mon–Wed 09-28…30 (21 h) + Thu/Fri 10-08/09 (14) + Sat 10-10 (7) = 42 h
			assertThat(calendar.businessTimeBetween(shanghai("2026-09-28T00:00"), shanghai("2026-10-12T00:00")))
				.isEqualTo(hours(42));
		}

		@Test
		void nationalDay2025() {
			// 2025: Sun 09-28 worked, Wed 10-01 … Wed 10-08 off, Sat 10-11 worked.
			// Tue 09-30 17:30 + 1 h → Thu 10-09 10:00
			assertThat(calendar.addBusinessTime(shanghai("2025-09-30T17:30"), hours(1)))
				.isEqualTo(shanghai("2025-10-09T10:00"));
			// Fri 10-10 17:30 + 1 h → Sat 10-11 10:00
			assertThat(calendar.addBusinessTime(shanghai("2025-10-10T17:30"), hours(1)))
				.isEqualTo(shanghai("2025-10-11T10:00"));
		}
	}

	@Nested
	class CalendarBasisAndTwentyFourSeven {

		@Test
		void calendarBasisIsPlainElapsedTime() {
			// Fri 02-13 17:00 + 48 h in calendar time = Sun 02-15 17:00, holiday or not
			assertThat(calendar.add(shanghai("2026-02-13T17:00"), hours(48), TimeBasis.CALENDAR))
				.isEqualTo(shanghai("2026-02-15T17:00"));
			assertThat(calendar.between(shanghai("2026-02-13T17:00"), shanghai("2026-02-15T17:00"), TimeBasis.CALENDAR))
				.isEqualTo(hours(48));
			// the same start in business basis: 0.5 h Friday, then Sat 02-14 (调休) 09:00 + 0.5 h = 09:30
			assertThat(calendar.add(shanghai("2026-02-13T17:00"), hours(1), TimeBasis.BUSINESS))
				.isEqualTo(shanghai("2026-02-14T09:30"));
		}

		@Test
		void twentyFourSevenCountsEveryInstant() {
			BusinessCalendar critical = BusinessCalendar.twentyFourSeven(BusinessCalendar.SHANGHAI);
			assertThat(critical.isTwentyFourSeven()).isTrue();
			// Sat 02-14 17:30 + 1 h = 18:30; the holiday does not matter
			assertThat(critical.addBusinessTime(shanghai("2026-02-14T17:30"), hours(1)))
				.isEqualTo(shanghai("2026-02-14T18:30"));
			assertThat(critical.isWorkingTime(shanghai("2026-02-17T03:00"))).isTrue();
			assertThat(critical.nextWorkingMoment(shanghai("2026-02-17T03:00"))).isEqualTo(shanghai("2026-02-17T03:00"));
			assertThat(critical.businessTimeBetween(shanghai("2026-02-13T17:00"), shanghai("2026-02-24T17:00")))
				.isEqualTo(Duration.ofDays(11));
		}

		@Test
		void allDayHoursWithHolidaysAreNotTwentyFourSeven() {
			BusinessCalendar calendar = BusinessCalendar.of(BusinessCalendar.SHANGHAI, WorkingHours.allDay(),
					HolidaySchedule.chinaNational());
			assertThat(calendar.isTwentyFourSeven()).isFalse();
			// Sat 02-14 23:00 + 2 h: 1 h to midnight, Sun 02-15 … Mon 02-23 off, Tue 02-24 00:00 + 1 h = 01:00
			assertThat(calendar.addBusinessTime(shanghai("2026-02-14T23:00"), hours(2)))
				.isEqualTo(shanghai("2026-02-24T01:00"));
			// an interval ending at 24:00 ends there: 23:00 + 1 h = Sat 02-14 24:00 = Sun 02-15 00:00
			assertThat(calendar.addBusinessTime(shanghai("2026-02-14T23:00"), hours(1)))
				.isEqualTo(shanghai("2026-02-15T00:00"));
		}
	}

	@Nested
	class Zones {

		private final BusinessCalendar london = BusinessCalendar.of(ZoneOffset.UTC,
				WorkingHours.mondayToFriday(DaySchedule.parse("09:00-17:00")), HolidaySchedule.none());

		@Test
		void workingHoursAreReadInTheCalendarsZone() {
			// Fri 2026-11-20 16:30Z + 1 h: 0.5 h Friday (to 17:00Z), Mon 09:00Z + 0.5 h = 09:30Z
			Instant start = Instant.parse("2026-11-20T16:30:00Z");
			assertThat(london.addBusinessTime(start, hours(1))).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
			// the same instant is Sat 2026-11-21 00:30 in Shanghai: Mon 09:00+08 + 1 h = 10:00+08 = 02:00Z
			assertThat(calendar.addBusinessTime(start, hours(1))).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
			assertThat(london.isWorkingTime(Instant.parse("2026-11-24T16:00:00Z"))).isTrue();
			assertThat(calendar.isWorkingTime(Instant.parse("2026-11-24T16:00:00Z"))).as("00:00 in Shanghai").isFalse();
		}

		@Test
		void holidayDatesAreLocalDates() {
			// Tue 2026-02-24 00:00 in UTC is 08:00 in Shanghai; a UTC calendar with the Chinese schedule is off on
			// Mon 02-23 UTC and works Tue 02-24 UTC from 09:00Z
			BusinessCalendar utc = london.withHolidays(HolidaySchedule.chinaNational());
			assertThat(utc.nextWorkingMoment(Instant.parse("2026-02-23T10:00:00Z")))
				.isEqualTo(Instant.parse("2026-02-24T09:00:00Z"));
		}

		@Test
		void daylightSavingTransitionsCountRealElapsedTime() {
			ZoneId berlin = ZoneId.of("Europe/Berlin");
			BusinessCalendar aroundTheClock = BusinessCalendar.of(berlin, WorkingHours.allDay(),
					HolidaySchedule.parseCsv("2026-12-25,HOLIDAY,Weihnachten"));
			// clocks go forward on Sun 2026-03-29 02:00 → 03:00: that local day lasts 23 h
			Instant saturday = LocalDateTime.parse("2026-03-28T00:00").atZone(berlin).toInstant();
			Instant monday = LocalDateTime.parse("2026-03-30T00:00").atZone(berlin).toInstant();
			assertThat(aroundTheClock.businessTimeBetween(saturday, monday)).isEqualTo(hours(47));
			assertThat(aroundTheClock.addBusinessTime(saturday, hours(47))).isEqualTo(monday);
			// clocks go back on Sun 2026-10-25 03:00 → 02:00: that local day lasts 25 h
			Instant saturdayOctober = LocalDateTime.parse("2026-10-24T00:00").atZone(berlin).toInstant();
			Instant mondayOctober = LocalDateTime.parse("2026-10-26T00:00").atZone(berlin).toInstant();
			assertThat(aroundTheClock.businessTimeBetween(saturdayOctober, mondayOctober)).isEqualTo(hours(49));

			// office hours are untouched by a night-time transition: Fri 03-27 16:00 CET + 2 h
			// = 1 h Friday (to 17:00) + Mon 03-30 09:00 CEST + 1 h = 10:00 CEST
			BusinessCalendar office = BusinessCalendar.of(berlin,
					WorkingHours.mondayToFriday(DaySchedule.parse("09:00-17:00")), HolidaySchedule.none());
			Instant friday = LocalDateTime.parse("2026-03-27T16:00").atZone(berlin).toInstant();
			Instant due = LocalDateTime.parse("2026-03-30T10:00").atZone(berlin).toInstant();
			assertThat(office.addBusinessTime(friday, hours(2))).isEqualTo(due);
			assertThat(office.businessTimeBetween(friday, due)).isEqualTo(hours(2));
			// a whole year crosses both transitions: 2026 has 261 weekdays × 8 h
			Instant newYear = LocalDateTime.parse("2026-01-01T00:00").atZone(berlin).toInstant();
			Instant nextNewYear = LocalDateTime.parse("2027-01-01T00:00").atZone(berlin).toInstant();
			assertThat(office.businessTimeBetween(newYear, nextNewYear)).isEqualTo(hours(261 * 8));
		}
	}
}
