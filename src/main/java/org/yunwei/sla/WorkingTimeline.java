package org.yunwei.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;

/**
 * A business calendar compiled for arithmetic: interval bounds as seconds of the day per weekday, holiday and
 * make-up dates as a sorted array of epoch days, and the week's working time in nanoseconds.
 * <p>
 * The arithmetic walks local days. A day between two time-zone transitions has a constant UTC offset, so its
 * bounds are plain sums and a run of such days without holiday or make-up dates is a whole number of ordinary weeks
 * that can be jumped in one step. Days next to a transition (daylight saving) resolve each bound through
 * {@link ZonedDateTime}: a bound in a gap moves later by the gap's length, a bound in an overlap takes the earlier
 * offset. Positions are nanoseconds since the epoch second of the operation's first instant, so that a walk of up
 * to about 292 years never overflows; beyond that {@link ArithmeticException} is thrown.
 */
final class WorkingTimeline {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private static final int[] CLOSED = new int[0];

	private final ZoneId zone;

	private final ZoneRules rules;

	/** Bounds by {@code DayOfWeek.ordinal()}: start, end, start, end, … seconds of the day. */
	private final int[][] week = new int[7][];

	private final int[] makeUpWorkday;

	private final long weekNanos;

	/** Epoch days of holidays and make-up workdays, ascending; {@link #exceptionWorked} tells which is which. */
	private final long[] exceptionDays;

	private final boolean[] exceptionWorked;

	private final boolean alwaysWorking;

	WorkingTimeline(ZoneId zone, WorkingHours hours, HolidaySchedule holidays) {
		this.zone = zone;
		this.rules = zone.getRules();
		long weekSeconds = 0;
		for (DayOfWeek day : DayOfWeek.values()) {
			this.week[day.ordinal()] = hours.on(day).bounds();
			weekSeconds += hours.on(day).workingSeconds();
		}
		this.weekNanos = weekSeconds * NANOS_PER_SECOND;
		this.makeUpWorkday = hours.makeUpWorkday().bounds();
		List<ScheduledDay> days = holidays.days();
		this.exceptionDays = new long[days.size()];
		this.exceptionWorked = new boolean[days.size()];
		for (int i = 0; i < days.size(); i++) {
			this.exceptionDays[i] = days.get(i).date().toEpochDay();
			this.exceptionWorked[i] = days.get(i).kind() == ScheduledDay.Kind.WORKDAY;
		}
		this.alwaysWorking = hours.isAllDay() && holidays.hasNoHolidays();
	}

	boolean isAlwaysWorking() {
		return this.alwaysWorking;
	}

	boolean isWorkingTime(Instant instant) {
		if (this.alwaysWorking) {
			return true;
		}
		Walk walk = new Walk(instant);
		long at = instant.getNano();
		int[] bounds = walk.bounds();
		for (int i = 0; i < bounds.length; i += 2) {
			if (walk.position(bounds[i]) <= at && at < walk.position(bounds[i + 1])) {
				return true;
			}
		}
		return false;
	}

	Instant nextWorkingMoment(Instant instant) {
		if (this.alwaysWorking) {
			return instant;
		}
		Walk walk = new Walk(instant);
		long at = instant.getNano();
		// terminates: the week has working time and the holiday schedule is finite
		while (true) {
			int[] bounds = walk.bounds();
			for (int i = 0; i < bounds.length; i += 2) {
				long start = walk.position(bounds[i]);
				long end = walk.position(bounds[i + 1]);
				if (end > at && end > start) {
					return walk.instant(Math.max(start, at));
				}
			}
			walk.advance(1);
		}
	}

	/** The earliest instant from {@code start} on by which {@code nanos > 0} of working time have passed. */
	Instant add(Instant start, long nanos) {
		if (this.alwaysWorking) {
			return start.plusNanos(nanos);
		}
		Walk walk = new Walk(start);
		long from = start.getNano();
		long remaining = nanos;
		boolean firstDay = true;
		while (true) {
			if (!firstDay && remaining > this.weekNanos) {
				// keep at least one nanosecond for the days after the jump, so that a due time at the very end of
				// the last jumped day is found by the interval loop below and returned as that interval's end
				long weeks = Math.min(walk.regularDaysAhead() / 7, (remaining - 1) / this.weekNanos);
				if (weeks > 0) {
					walk.advance(weeks * 7);
					remaining -= weeks * this.weekNanos;
				}
			}
			int[] bounds = walk.bounds();
			// bounds resolved across a daylight-saving gap can come out of order: clamp so that no stretch counts twice
			long previousEnd = Long.MIN_VALUE;
			for (int i = 0; i < bounds.length; i += 2) {
				long intervalStart = Math.max(walk.position(bounds[i]), previousEnd);
				long end = Math.max(walk.position(bounds[i + 1]), intervalStart);
				previousEnd = end;
				long begin = Math.max(intervalStart, from);
				if (end > begin) {
					long available = end - begin;
					if (remaining <= available) {
						return walk.instant(begin + remaining);
					}
					remaining -= available;
				}
			}
			walk.advance(1);
			firstDay = false;
		}
	}

	/** Working nanoseconds in {@code [from, to)}, for {@code from} before {@code to}. */
	long between(Instant from, Instant to) {
		if (this.alwaysWorking) {
			return Math.addExact(Math.multiplyExact(to.getEpochSecond() - from.getEpochSecond(), NANOS_PER_SECOND),
					to.getNano() - from.getNano());
		}
		Walk walk = new Walk(from);
		long lower = from.getNano();
		long upper = walk.positionOf(to);
		long lastDay = localDay(to);
		long total = 0;
		boolean firstDay = true;
		while (walk.day <= lastDay) {
			if (!firstDay) {
				// whole weeks strictly before the last day lie entirely inside [from, to)
				long weeks = Math.min(walk.regularDaysAhead(), lastDay - walk.day) / 7;
				if (weeks > 0) {
					walk.advance(weeks * 7);
					total += weeks * this.weekNanos;
				}
			}
			int[] bounds = walk.bounds();
			// clamped as in add(), so that both measure the same stretches
			long previousEnd = Long.MIN_VALUE;
			for (int i = 0; i < bounds.length; i += 2) {
				long start = Math.max(walk.position(bounds[i]), previousEnd);
				long end = Math.max(walk.position(bounds[i + 1]), start);
				previousEnd = end;
				long overlap = Math.min(end, upper) - Math.max(start, lower);
				if (overlap > 0) {
					total += overlap;
				}
			}
			walk.advance(1);
			firstDay = false;
		}
		return total;
	}

	private long localDay(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond() + this.rules.getOffset(instant).getTotalSeconds(),
				WorkingInterval.SECONDS_PER_DAY);
	}

	/**
	 * A walk over local days from the day of a given instant, tracking the next holiday or make-up date and the next
	 * time-zone transition so that each day costs a few additions. One per operation; not shared.
	 */
	private final class Walk {

		private final long anchorSecond;

		long day;

		private int exceptionIndex;

		/** UTC offset of the regular days before {@link #transition}. */
		private int offsetSeconds;

		private ZoneOffsetTransition transition;

		/** First and last local day around {@link #transition} that are resolved exactly. */
		private long irregularFrom = Long.MAX_VALUE;

		private long irregularTo = Long.MAX_VALUE;

		Walk(Instant start) {
			this.anchorSecond = start.getEpochSecond();
			this.day = localDay(start);
			// a transition more than two UTC days before the start day cannot touch local days from it on
			this.transition = rules.nextTransition(
					Instant.ofEpochSecond(Math.multiplyExact(this.day - 2, (long) WorkingInterval.SECONDS_PER_DAY)));
			this.offsetSeconds = this.transition != null ? this.transition.getOffsetBefore().getTotalSeconds()
					: rules.getOffset(start).getTotalSeconds();
			markIrregularDays();
			int index = Arrays.binarySearch(exceptionDays, this.day);
			this.exceptionIndex = index >= 0 ? index : -index - 1;
			passTransitions();
		}

		void advance(long days) {
			this.day += days;
			while (this.exceptionIndex < exceptionDays.length && exceptionDays[this.exceptionIndex] < this.day) {
				this.exceptionIndex++;
			}
			passTransitions();
		}

		/** Days from the current one on that follow the plain weekly schedule at a constant offset. */
		long regularDaysAhead() {
			long nextException = this.exceptionIndex < exceptionDays.length ? exceptionDays[this.exceptionIndex]
					: Long.MAX_VALUE;
			return Math.max(0, Math.min(nextException, this.irregularFrom) - this.day);
		}

		int[] bounds() {
			if (this.exceptionIndex < exceptionDays.length && exceptionDays[this.exceptionIndex] == this.day) {
				return exceptionWorked[this.exceptionIndex] ? makeUpWorkday : CLOSED;
			}
			return week[(int) Math.floorMod(this.day + 3, 7L)]; // 1970-01-01, epoch day 0, was a Thursday
		}

		/** Position of a second of the current day, in nanoseconds since the anchor second. */
		long position(int secondOfDay) {
			if (this.day >= this.irregularFrom && this.day <= this.irregularTo) {
				LocalDateTime local = secondOfDay == WorkingInterval.SECONDS_PER_DAY
						? LocalDate.ofEpochDay(this.day + 1).atStartOfDay()
						: LocalDate.ofEpochDay(this.day).atTime(LocalTime.ofSecondOfDay(secondOfDay));
				return positionOf(ZonedDateTime.ofLocal(local, zone, null).toInstant());
			}
			long second = this.day * WorkingInterval.SECONDS_PER_DAY + secondOfDay - this.offsetSeconds;
			return Math.multiplyExact(second - this.anchorSecond, NANOS_PER_SECOND);
		}

		long positionOf(Instant instant) {
			return Math.addExact(Math.multiplyExact(instant.getEpochSecond() - this.anchorSecond, NANOS_PER_SECOND),
					instant.getNano());
		}

		Instant instant(long position) {
			return Instant.ofEpochSecond(this.anchorSecond, position);
		}

		private void passTransitions() {
			while (this.transition != null && this.day > this.irregularTo) {
				this.offsetSeconds = this.transition.getOffsetAfter().getTotalSeconds();
				this.transition = rules.nextTransition(this.transition.getInstant());
				markIrregularDays();
			}
		}

		private void markIrregularDays() {
			if (this.transition == null) {
				this.irregularFrom = Long.MAX_VALUE;
				this.irregularTo = Long.MAX_VALUE;
				return;
			}
			long before = this.transition.getDateTimeBefore().toLocalDate().toEpochDay();
			long after = this.transition.getDateTimeAfter().toLocalDate().toEpochDay();
			// the day before too: its 24:00 bound is the transition day's midnight, which may itself move
			this.irregularFrom = Math.min(before, after) - 1;
			this.irregularTo = Math.max(before, after);
		}
	}
}
