package org.yunwei.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The working hours of one day: zero or more {@link WorkingInterval}s that do not overlap, kept in order of their
 * start. No intervals means the day is closed.
 *
 * @param intervals the day's working intervals, in any order, not {@code null}; stored sorted and unmodifiable
 */
public record DaySchedule(List<WorkingInterval> intervals) {

	private static final DaySchedule CLOSED = new DaySchedule(List.of());

	private static final DaySchedule ALL_DAY = new DaySchedule(
			List.of(new WorkingInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));

	/**
	 * @throws IllegalArgumentException when two intervals overlap
	 */
	public DaySchedule {
		List<WorkingInterval> sorted = new ArrayList<>(Objects.requireNonNull(intervals, "intervals"));
		sorted.forEach(interval -> Objects.requireNonNull(interval, "interval"));
		sorted.sort(Comparator.comparingInt(WorkingInterval::startSecondOfDay));
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i - 1).overlaps(sorted.get(i))) {
				throw new IllegalArgumentException(
						"Working intervals overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
			}
		}
		intervals = List.copyOf(sorted);
	}

	/** A day with the given working intervals; see {@link #DaySchedule(List)}. */
	public static DaySchedule of(WorkingInterval... intervals) {
		return new DaySchedule(List.of(intervals));
	}

	/**
	 * Reads a day written as comma-separated intervals, for example {@code 09:00-12:00,13:30-17:30}; blank text is
	 * a closed day.
	 *
	 * @throws IllegalArgumentException when an interval cannot be read or two overlap
	 */
	public static DaySchedule parse(String text) {
		Objects.requireNonNull(text, "text");
		if (text.isBlank()) {
			return CLOSED;
		}
		List<WorkingInterval> intervals = new ArrayList<>();
		for (String part : text.split(",")) {
			intervals.add(WorkingInterval.parse(part));
		}
		return new DaySchedule(intervals);
	}

	/** A day without working time. */
	public static DaySchedule closed() {
		return CLOSED;
	}

	/** A day that is working time from 00:00 to 24:00. */
	public static DaySchedule allDay() {
		return ALL_DAY;
	}

	/** Whether the day has no working time. */
	public boolean isClosed() {
		return this.intervals.isEmpty();
	}

	/** Whether the whole day, 00:00 to 24:00, is working time. */
	public boolean isAllDay() {
		return workingSeconds() == WorkingInterval.SECONDS_PER_DAY;
	}

	/** The day's working time on a day without a daylight-saving transition. */
	public Duration workingTime() {
		return Duration.ofSeconds(workingSeconds());
	}

	int workingSeconds() {
		int seconds = 0;
		for (WorkingInterval interval : this.intervals) {
			seconds += interval.endSecondOfDay() - interval.startSecondOfDay();
		}
		return seconds;
	}

	/** Interval bounds as seconds of the day: start, end, start, end, … in order. */
	int[] bounds() {
		int[] bounds = new int[this.intervals.size() * 2];
		for (int i = 0; i < this.intervals.size(); i++) {
			bounds[2 * i] = this.intervals.get(i).startSecondOfDay();
			bounds[2 * i + 1] = this.intervals.get(i).endSecondOfDay();
		}
		return bounds;
	}

	/** The day as {@link #parse(String)} reads it. */
	@Override
	public String toString() {
		return this.intervals.stream().map(WorkingInterval::toString).collect(Collectors.joining(","));
	}
}
