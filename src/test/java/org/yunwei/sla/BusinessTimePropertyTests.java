package org.yunwei.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Laws of the business-time arithmetic, checked on random instants in 2025–2026 and random amounts up to 200 working
 * hours, for calendars with holidays and 调休, lunch breaks, intervals ending at 24:00, another zone and a zone with
 * daylight saving; and against a minute-by-minute count written independently of the implementation.
 */
class BusinessTimePropertyTests {

	private static final Instant FROM = Instant.parse("2024-12-31T16:00:00Z");

	private static final Instant TO = Instant.parse("2026-12-31T16:00:00Z");

	private static final long MAX_AMOUNT_NANOS = Duration.ofHours(200).toNanos();

	@Provide
	Arbitrary<BusinessCalendar> calendars() {
		HolidaySchedule national = HolidaySchedule.chinaNational();
		return Arbitraries.of(BusinessCalendar.chinaDefault(),
				BusinessCalendar.of(ZoneOffset.UTC, WorkingHours.mondayToFriday(DaySchedule.parse("09:00-17:00")),
						national),
				BusinessCalendar.of(ZoneId.of("Europe/Berlin"),
						WorkingHours.mondayToFriday(DaySchedule.parse("08:00-12:00,13:00-17:00")), national),
				// night shifts across midnight, Saturday work, a DST zone: stresses 24:00 ends and transition days
				BusinessCalendar.of(ZoneId.of("America/New_York"),
						WorkingHours.of(Map.of(DayOfWeek.MONDAY, DaySchedule.parse("00:00-06:00,22:00-24:00"),
								DayOfWeek.TUESDAY, DaySchedule.parse("00:00-02:30"),
								DayOfWeek.SATURDAY, DaySchedule.parse("10:00-11:00"))),
						national),
				BusinessCalendar.of(BusinessCalendar.SHANGHAI, WorkingHours.allDay(), national));
	}

	@Provide
	Arbitrary<Instant> starts() {
		Arbitrary<Long> seconds = Arbitraries.longs().between(FROM.getEpochSecond(), TO.getEpochSecond());
		// many starts on whole minutes so that interval bounds are hit exactly, others with nanoseconds
		Arbitrary<Long> nanos = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(3, Arbitraries.just(0L)),
				net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 999_999_999)));
		Arbitrary<Long> minuteSeconds = seconds.map(second -> second - Math.floorMod(second, 60L));
		return Combinators.combine(Arbitraries.oneOf(seconds, minuteSeconds), nanos)
			.as((second, nano) -> Instant.ofEpochSecond(second, nano));
	}

	@Provide
	Arbitrary<Duration> amounts() {
		return Arbitraries.oneOf(
				Arbitraries.longs().between(0, MAX_AMOUNT_NANOS).map(Duration::ofNanos),
				Arbitraries.longs().between(0, 200 * 60).map(Duration::ofMinutes),
				Arbitraries.longs().between(0, 200).map(Duration::ofHours));
	}

	@Property(tries = 500)
	void addThenMeasureGivesTheAmountBack(@ForAll("calendars") BusinessCalendar calendar,
			@ForAll("starts") Instant start, @ForAll("amounts") Duration amount) {
		Instant due = calendar.addBusinessTime(start, amount);
		assertThat(due).isAfterOrEqualTo(start);
		assertThat(calendar.businessTimeBetween(start, due)).isEqualTo(amount);
		assertThat(calendar.businessTimeBetween(due, start)).isEqualTo(amount.negated());
		if (!amount.isZero()) {
			// counting stopped inside an interval or exactly at its end: the moment before was working time
			assertThat(calendar.isWorkingTime(due.minusNanos(1))).isTrue();
		}
	}

	@Property(tries = 500)
	void largerAmountsAreNeverDueEarlier(@ForAll("calendars") BusinessCalendar calendar,
			@ForAll("starts") Instant start, @ForAll("amounts") Duration first, @ForAll("amounts") Duration second) {
		Duration smaller = first.compareTo(second) <= 0 ? first : second;
		Duration larger = first.compareTo(second) <= 0 ? second : first;
		assertThat(calendar.addBusinessTime(start, smaller)).isBeforeOrEqualTo(calendar.addBusinessTime(start, larger));
	}

	@Property(tries = 500)
	void addingInTwoStepsEqualsAddingAtOnce(@ForAll("calendars") BusinessCalendar calendar,
			@ForAll("starts") Instant start, @ForAll("amounts") Duration first, @ForAll("amounts") Duration second) {
		assertThat(calendar.addBusinessTime(calendar.addBusinessTime(start, first), second))
			.isEqualTo(calendar.addBusinessTime(start, first.plus(second)));
	}

	@Property(tries = 300)
	void measuringIsAdditive(@ForAll("calendars") BusinessCalendar calendar, @ForAll("starts") Instant a,
			@ForAll("starts") Instant b, @ForAll("starts") Instant c) {
		assertThat(calendar.businessTimeBetween(a, b).plus(calendar.businessTimeBetween(b, c)))
			.isEqualTo(calendar.businessTimeBetween(a, c));
	}

	@Property(tries = 300)
	void nextWorkingMomentIsTheEarliestWorkingInstant(@ForAll("calendars") BusinessCalendar calendar,
			@ForAll("starts") Instant instant) {
		Instant next = calendar.nextWorkingMoment(instant);
		assertThat(next).isAfterOrEqualTo(instant);
		assertThat(calendar.isWorkingTime(next)).isTrue();
		assertThat(calendar.businessTimeBetween(instant, next)).isZero();
		assertThat(calendar.isWorkingTime(instant)).isEqualTo(next.equals(instant));
	}

	@Property(tries = 300)
	void pausedClocksCountTheirTargetExactly(@ForAll("calendars") BusinessCalendar calendar,
			@ForAll("starts") Instant start, @ForAll("amounts") Duration target,
			@ForAll("pauseOffsets") List<long[]> offsets) {
		List<Pause> pauses = new ArrayList<>();
		for (long[] offset : offsets) {
			Instant from = start.plus(offset[0], ChronoUnit.MINUTES);
			pauses.add(new Pause(from, from.plus(offset[1], ChronoUnit.MINUTES)));
		}
		for (TimeBasis basis : TimeBasis.values()) {
			Instant due = calendar.dueTime(start, target, basis, pauses);
			assertThat(calendar.elapsed(start, due, basis, pauses)).isEqualTo(target);
			assertThat(due).isAfterOrEqualTo(calendar.add(start, target, basis));
		}
	}

	/** Pauses as (minutes after the start, possibly negative; length in minutes), overlapping at times. */
	@Provide
	Arbitrary<List<long[]>> pauseOffsets() {
		return Combinators
			.combine(Arbitraries.longs().between(-3 * 24 * 60, 40 * 24 * 60), Arbitraries.longs().between(0, 10 * 24 * 60))
			.as((at, length) -> new long[] { at, length })
			.list()
			.ofMaxSize(4);
	}

	@Property(tries = 200)
	void agreesWithAMinuteByMinuteCount(@ForAll("starts") Instant anyStart,
			@ForAll("minutes") long spanMinutes) {
		BusinessCalendar calendar = BusinessCalendar.chinaDefault();
		Instant start = anyStart.truncatedTo(ChronoUnit.MINUTES);
		Instant end = start.plus(spanMinutes, ChronoUnit.MINUTES);
		long working = 0;
		Instant due = null;
		for (Instant minute = start; minute.isBefore(end); minute = minute.plus(1, ChronoUnit.MINUTES)) {
			if (isWorkingMinute(minute)) {
				working++;
				if (due == null && working == spanMinutes / 4 && spanMinutes / 4 > 0) {
					due = minute.plus(1, ChronoUnit.MINUTES);
				}
			}
		}
		assertThat(calendar.businessTimeBetween(start, end)).isEqualTo(Duration.ofMinutes(working));
		if (due != null) {
			assertThat(calendar.addBusinessTime(start, Duration.ofMinutes(spanMinutes / 4))).isEqualTo(due);
		}
	}

	@Provide
	Arbitrary<Long> minutes() {
		return Arbitraries.longs().between(0, 12 * 24 * 60);
	}

	/** The default calendar's rule, written out plainly: the minute starting at {@code minute} is worked. */
	private static boolean isWorkingMinute(Instant minute) {
		LocalDateTime local = LocalDateTime.ofInstant(minute, BusinessCalendar.SHANGHAI);
		LocalDate date = local.toLocalDate();
		HolidaySchedule national = HolidaySchedule.chinaNational();
		boolean workday = national.isMakeUpWorkday(date) || (!national.isHoliday(date)
				&& date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY);
		LocalTime time = local.toLocalTime();
		boolean morning = !time.isBefore(LocalTime.of(9, 0)) && time.isBefore(LocalTime.NOON);
		boolean afternoon = !time.isBefore(LocalTime.of(13, 30)) && time.isBefore(LocalTime.of(17, 30));
		return workday && (morning || afternoon);
	}
}
