package org.yunwei.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.yunwei.sla.BusinessCalendarTests.hours;
import static org.yunwei.sla.BusinessCalendarTests.shanghai;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Due times and counted time of paused SLA clocks on the default calendar (7 working hours a day: 09:00–12:00,
 * 13:30–17:30). Each expected value is worked out in the comment above it.
 */
class BusinessCalendarPauseTests {

	private final BusinessCalendar calendar = BusinessCalendar.chinaDefault();

	private static Pause pause(String from, String to) {
		return new Pause(shanghai(from), shanghai(to));
	}

	@Test
	void pauseAcrossNationalDayIsNotSubtractedTwice() {
		Instant start = shanghai("2026-09-30T09:00");
		// unpaused: Wed 09-30 gives 7 h, 10-01 … 10-07 off, Thu 10-08 09:00 + 1 h = 10:00
		assertThat(calendar.dueTime(start, hours(8), TimeBasis.BUSINESS, List.of())).isEqualTo(shanghai("2026-10-08T10:00"));
		// paused 09-30 16:30 → 10-08 10:00: counted 09:00–12:00 (3 h) + 13:30–16:30 (3 h) = 6 h before the pause;
		// the pause hides 1 h on 09-30, the holiday (which never counted) and 1 h on 10-08;
		// the remaining 2 h run from 10-08 10:00 to 12:00
		List<Pause> pauses = List.of(pause("2026-09-30T16:30", "2026-10-08T10:00"));
		Instant due = calendar.dueTime(start, hours(8), TimeBasis.BUSINESS, pauses);
		assertThat(due).isEqualTo(shanghai("2026-10-08T12:00"));
		assertThat(calendar.elapsed(start, due, TimeBasis.BUSINESS, pauses)).isEqualTo(hours(8));
		assertThat(calendar.elapsed(start, shanghai("2026-10-08T10:00"), TimeBasis.BUSINESS, pauses)).isEqualTo(hours(6));
	}

	@Test
	void pauseInCalendarTime() {
		Instant start = shanghai("2026-02-13T17:00");
		// 48 h target paused 2 h on Sat 02-14: 02-15 17:00 + 2 h = 19:00; holidays mean nothing in calendar time
		List<Pause> pauses = List.of(pause("2026-02-14T10:00", "2026-02-14T12:00"));
		assertThat(calendar.dueTime(start, hours(48), TimeBasis.CALENDAR, pauses)).isEqualTo(shanghai("2026-02-15T19:00"));
		assertThat(calendar.elapsed(start, shanghai("2026-02-15T19:00"), TimeBasis.CALENDAR, pauses)).isEqualTo(hours(48));
	}

	@Test
	void targetReachedWhenAPauseBeginsIsDueThen() {
		// Tue 11-24 09:00 + 3 h reaches the target at 12:00, when the pause begins: due 12:00, not after the pause
		assertThat(calendar.dueTime(shanghai("2026-11-24T09:00"), hours(3), TimeBasis.BUSINESS,
				List.of(pause("2026-11-24T12:00", "2026-11-24T15:00"))))
			.isEqualTo(shanghai("2026-11-24T12:00"));
		// pause 11:00–12:30 runs into lunch: counted 09–11 (2 h), next working moment after 12:30 is 13:30, + 1 h
		assertThat(calendar.dueTime(shanghai("2026-11-24T09:00"), hours(3), TimeBasis.BUSINESS,
				List.of(pause("2026-11-24T11:00", "2026-11-24T12:30"))))
			.isEqualTo(shanghai("2026-11-24T14:30"));
	}

	@Test
	void overlappingPausesInAnyOrderAreMerged() {
		Instant start = shanghai("2026-11-24T09:00");
		// 10:30–11:30 and 10:00–11:00 make one pause 10:00–11:30: counted 09–10 (1 h) + 11:30–12 (0.5 h),
		// the remaining 1.5 h from 13:30 → 15:00
		List<Pause> pauses = List.of(pause("2026-11-24T10:30", "2026-11-24T11:30"),
				pause("2026-11-24T10:00", "2026-11-24T11:00"));
		assertThat(calendar.dueTime(start, hours(3), TimeBasis.BUSINESS, pauses)).isEqualTo(shanghai("2026-11-24T15:00"));
		assertThat(calendar.elapsed(start, shanghai("2026-11-24T15:00"), TimeBasis.BUSINESS, pauses)).isEqualTo(hours(3));
	}

	@Test
	void pauseBeforeTheStartOnlyCountsFromTheStart() {
		// the clock starts 10:00 inside a pause 09:00–10:30: counting from 10:30, + 1 h = 11:30
		assertThat(calendar.dueTime(shanghai("2026-11-24T10:00"), hours(1), TimeBasis.BUSINESS,
				List.of(pause("2026-11-24T09:00", "2026-11-24T10:30"))))
			.isEqualTo(shanghai("2026-11-24T11:30"));
		// a pause that ended before the start changes nothing
		assertThat(calendar.dueTime(shanghai("2026-11-24T10:00"), hours(1), TimeBasis.BUSINESS,
				List.of(pause("2026-11-23T09:00", "2026-11-23T10:30"))))
			.isEqualTo(shanghai("2026-11-24T11:00"));
	}

	@Test
	void zeroTargetIsDueAtTheStartEvenWhenPaused() {
		assertThat(calendar.dueTime(shanghai("2026-11-24T10:00"), Duration.ZERO, TimeBasis.BUSINESS,
				List.of(pause("2026-11-24T10:00", "2026-11-24T11:00"))))
			.isEqualTo(shanghai("2026-11-24T10:00"));
	}

	@Test
	void elapsedIsNeverNegative() {
		assertThat(calendar.elapsed(shanghai("2026-11-24T10:00"), shanghai("2026-11-24T09:00"), TimeBasis.BUSINESS,
				List.of()))
			.isZero();
	}

	@Test
	void rejectsAPauseThatEndsBeforeItStarts() {
		assertThatIllegalArgumentException().isThrownBy(() -> pause("2026-11-24T11:00", "2026-11-24T10:00"));
	}
}
