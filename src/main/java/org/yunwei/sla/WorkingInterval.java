package org.yunwei.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One stretch of working time within a day, in the calendar's local time, from {@code start} (inclusive) to
 * {@code end} (exclusive).
 * <p>
 * An {@code end} of {@link LocalTime#MIDNIGHT} means the end of the day (24:00), so that {@code 00:00–24:00} is a
 * whole working day. Otherwise {@code start} must be before {@code end}. Both are whole seconds: sub-second working
 * hours mean nothing to a service desk.
 *
 * @param start first working moment of the interval, not {@code null}
 * @param end first moment after the interval, not {@code null}; {@code 00:00} means 24:00
 */
public record WorkingInterval(LocalTime start, LocalTime end) {

	static final int SECONDS_PER_DAY = 86_400;

	/**
	 * @throws IllegalArgumentException when {@code start} is not before {@code end} (24:00 for {@code 00:00}) or a
	 *         time has a fraction of a second
	 */
	public WorkingInterval {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		if (start.getNano() != 0 || end.getNano() != 0) {
			throw new IllegalArgumentException("Working hours are whole seconds: " + start + "-" + end);
		}
		if (!end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
			throw new IllegalArgumentException("A working interval must start before it ends: " + start + "-" + end);
		}
	}

	/**
	 * Reads an interval written as {@code HH:mm-HH:mm} (seconds allowed, {@code 24:00} allowed as the end), for
	 * example {@code 09:00-12:00} or {@code 22:00-24:00}.
	 *
	 * @throws IllegalArgumentException when the text is not such an interval
	 */
	public static WorkingInterval parse(String text) {
		Objects.requireNonNull(text, "text");
		int dash = text.indexOf('-');
		if (dash < 0) {
			throw new IllegalArgumentException("Expected a working interval such as 09:00-12:00 but got '" + text + "'");
		}
		String end = text.substring(dash + 1).strip();
		try {
			return new WorkingInterval(LocalTime.parse(text.substring(0, dash).strip()),
					end.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(end));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Expected a working interval such as 09:00-12:00 but got '" + text + "'",
					ex);
		}
	}

	/** Seconds from midnight to {@link #start()}. */
	public int startSecondOfDay() {
		return this.start.toSecondOfDay();
	}

	/** Seconds from midnight to {@link #end()}: 86,400 when the interval runs to the end of the day. */
	public int endSecondOfDay() {
		return this.end.equals(LocalTime.MIDNIGHT) ? SECONDS_PER_DAY : this.end.toSecondOfDay();
	}

	/** The working time of the interval on a day without a daylight-saving transition. */
	public Duration length() {
		return Duration.ofSeconds(endSecondOfDay() - startSecondOfDay());
	}

	/** Whether the two intervals share a moment; intervals that only touch ({@code 09:00-12:00}, {@code 12:00-13:00}) do not. */
	public boolean overlaps(WorkingInterval other) {
		return startSecondOfDay() < other.endSecondOfDay() && other.startSecondOfDay() < endSecondOfDay();
	}

	/** The interval as {@link #parse(String)} reads it, such as {@code 13:30-17:30} or {@code 22:00-24:00}. */
	@Override
	public String toString() {
		return this.start + "-" + (this.end.equals(LocalTime.MIDNIGHT) ? "24:00" : this.end.toString());
	}
}
