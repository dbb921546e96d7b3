package org.yunwei.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * When work is done: a time zone, weekly {@link WorkingHours} and a {@link HolidaySchedule}, and the arithmetic of
 * business time over them. Immutable and safe to share between threads.
 * <p>
 * <b>Working time.</b> An instant is working time when its local date and time in {@link #zone()} falls in a
 * {@link WorkingInterval} of that date's schedule: a holiday has none, a make-up workday has the make-up schedule,
 * any other date the schedule of its weekday. Intervals are half-open: the start is working time, the end is not
 * (09:00 is, 12:00 is not). Business time is the amount of working time between two instants, measured in elapsed
 * time: on a daylight-saving transition day an interval that spans the transition counts its real length.
 * <p>
 * <b>Due times.</b> {@link #addBusinessTime(Instant, Duration)} returns the <em>earliest</em> instant by which the
 * amount of working time has passed since the start. Consequences: counting starts at the next working moment when
 * the start is outside working time; a due time that falls on the end of an interval is that end (Friday 16:30 plus
 * one hour is Friday 17:30, not Monday 09:00); adding zero returns the start itself, even outside working time. With
 * this definition {@code businessTimeBetween(start, addBusinessTime(start, d)) == d} and
 * {@code addBusinessTime(addBusinessTime(a, d1), d2) == addBusinessTime(a, d1 + d2)} always hold.
 * <p>
 * All methods reject {@code null} arguments with {@link NullPointerException}. Durations and spans are exact to the
 * nanosecond; arithmetic whose result lies about 292 years or more from its first instant throws
 * {@link ArithmeticException}.
 */
public final class BusinessCalendar {

	/** The zone of the default calendar and of dates shown to users. */
	public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final ZoneId zone;

	private final WorkingHours workingHours;

	private final HolidaySchedule holidays;

	private final WorkingTimeline timeline;

	private BusinessCalendar(ZoneId zone, WorkingHours workingHours, HolidaySchedule holidays) {
		this.zone = Objects.requireNonNull(zone, "zone");
		this.workingHours = Objects.requireNonNull(workingHours, "workingHours");
		this.holidays = Objects.requireNonNull(holidays, "holidays");
		this.timeline = new WorkingTimeline(zone, workingHours, holidays);
	}

	/**
	 * A calendar with the given zone, weekly working hours and holidays. Holiday dates are local dates in
	 * {@code zone}.
	 */
	public static BusinessCalendar of(ZoneId zone, WorkingHours workingHours, HolidaySchedule holidays) {
		return new BusinessCalendar(zone, workingHours, holidays);
	}

	/**
	 * A 7×24 calendar, for critical services: every instant is working time, no holidays, so business time equals
	 * calendar time. The zone only matters for showing dates.
	 */
	public static BusinessCalendar twentyFourSeven(ZoneId zone) {
		return new BusinessCalendar(zone, WorkingHours.allDay(), HolidaySchedule.none());
	}

	/**
	 * The default calendar: Monday to Friday 09:00–12:00 and 13:30–17:30 in Asia/Shanghai, with the national holidays
	 * and make-up workdays of {@link HolidaySchedule#chinaNational()}; make-up workdays keep the same hours.
	 */
	public static BusinessCalendar chinaDefault() {
		return ChinaDefault.CALENDAR;
	}

	/** This calendar with another holiday schedule, for example after an import. */
	public BusinessCalendar withHolidays(HolidaySchedule holidays) {
		return new BusinessCalendar(this.zone, this.workingHours, holidays);
	}

	public ZoneId zone() {
		return this.zone;
	}

	public WorkingHours workingHours() {
		return this.workingHours;
	}

	public HolidaySchedule holidays() {
		return this.holidays;
	}

	/** Whether every instant is working time (7×24 hours and no holidays). */
	public boolean isTwentyFourSeven() {
		return this.timeline.isAlwaysWorking();
	}

	/** Whether the instant is working time; the end of a working interval is not. */
	public boolean isWorkingTime(Instant instant) {
		return this.timeline.isWorkingTime(Objects.requireNonNull(instant, "instant"));
	}

	/** The instant itself when it is working time, otherwise the start of the next working interval. */
	public Instant nextWorkingMoment(Instant instant) {
		return this.timeline.nextWorkingMoment(Objects.requireNonNull(instant, "instant"));
	}

	/**
	 * The due time: the earliest instant by which {@code amount} of working time has passed since {@code start}.
	 * Counting starts at the next working moment; a result on the end of a working interval is that end; a zero
	 * amount returns {@code start} unchanged.
	 *
	 * @param amount not negative
	 * @throws IllegalArgumentException when {@code amount} is negative
	 */
	public Instant addBusinessTime(Instant start, Duration amount) {
		Objects.requireNonNull(start, "start");
		requireNotNegative(amount, "amount");
		return amount.isZero() ? start : this.timeline.add(start, amount.toNanos());
	}

	/**
	 * The working time from {@code from} (inclusive) to {@code to} (exclusive). Zero when they are equal and
	 * negative when {@code to} is before {@code from}: {@code businessTimeBetween(a, b)} is
	 * {@code businessTimeBetween(b, a).negated()}, so that time left before a due time turns negative once it has
	 * passed.
	 */
	public Duration businessTimeBetween(Instant from, Instant to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		int order = from.compareTo(to);
		if (order == 0) {
			return Duration.ZERO;
		}
		return order < 0 ? Duration.ofNanos(this.timeline.between(from, to))
				: Duration.ofNanos(this.timeline.between(to, from)).negated();
	}

	/**
	 * {@link #addBusinessTime(Instant, Duration)} for {@link TimeBasis#BUSINESS}, {@code start.plus(amount)} for
	 * {@link TimeBasis#CALENDAR}.
	 *
	 * @throws IllegalArgumentException when {@code amount} is negative
	 */
	public Instant add(Instant start, Duration amount, TimeBasis basis) {
		Objects.requireNonNull(start, "start");
		requireNotNegative(amount, "amount");
		return switch (Objects.requireNonNull(basis, "basis")) {
			case BUSINESS -> addBusinessTime(start, amount);
			case CALENDAR -> start.plus(amount);
		};
	}

	/**
	 * {@link #businessTimeBetween(Instant, Instant)} for {@link TimeBasis#BUSINESS},
	 * {@code Duration.between(from, to)} for {@link TimeBasis#CALENDAR}; negative when {@code to} is before
	 * {@code from}.
	 */
	public Duration between(Instant from, Instant to, TimeBasis basis) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		return switch (Objects.requireNonNull(basis, "basis")) {
			case BUSINESS -> businessTimeBetween(from, to);
			case CALENDAR -> Duration.between(from, to);
		};
	}

	/**
	 * The due time of an SLA clock that started at {@code start} with {@code target}, measured in {@code basis}, and
	 * stood still during {@code pauses}: the earliest instant by which {@code target} of counted time has passed,
	 * where counted time is time of the basis (working time, or all time) outside every pause.
	 * <p>
	 * Pauses may come in any order and may overlap or touch (they are merged); the parts before {@code start} do not
	 * matter. A pause that covers non-working time, such as a holiday, takes nothing away twice: that time did not
	 * count anyway. A target reached exactly when a pause begins is due at the end of the last counted stretch, not
	 * after the pause. A zero target is due at {@code start}. A clock that is paused now is given as a pause up to
	 * now: the result then says when it would be due if it ran again at once.
	 *
	 * @param pauses not {@code null}, may be empty; no element {@code null}
	 * @throws IllegalArgumentException when {@code target} is negative
	 */
	public Instant dueTime(Instant start, Duration target, TimeBasis basis, Collection<Pause> pauses) {
		Objects.requireNonNull(start, "start");
		requireNotNegative(target, "target");
		Objects.requireNonNull(basis, "basis");
		List<Pause> merged = Pause.merged(Objects.requireNonNull(pauses, "pauses"));
		if (target.isZero()) {
			return start;
		}
		Instant cursor = start;
		Duration remaining = target;
		for (Pause pause : merged) {
			if (!pause.end().isAfter(cursor)) {
				continue;
			}
			if (pause.start().isAfter(cursor)) {
				Duration available = between(cursor, pause.start(), basis);
				if (available.compareTo(remaining) >= 0) {
					return add(cursor, remaining, basis);
				}
				remaining = remaining.minus(available);
			}
			cursor = pause.end();
		}
		return add(cursor, remaining, basis);
	}

	/**
	 * The counted time of an SLA clock from {@code start} to {@code end}: time of {@code basis} outside every pause
	 * (see {@link #dueTime(Instant, Duration, TimeBasis, Collection)}). Never negative: zero when {@code end} is not
	 * after {@code start}. {@code elapsed(start, dueTime(start, t, basis, pauses), basis, pauses)} is {@code t}.
	 *
	 * @param pauses not {@code null}, may be empty; no element {@code null}
	 */
	public Duration elapsed(Instant start, Instant end, TimeBasis basis, Collection<Pause> pauses) {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(basis, "basis");
		List<Pause> merged = Pause.merged(Objects.requireNonNull(pauses, "pauses"));
		if (!end.isAfter(start)) {
			return Duration.ZERO;
		}
		Duration counted = between(start, end, basis);
		for (Pause pause : merged) {
			Instant from = pause.start().isAfter(start) ? pause.start() : start;
			Instant to = pause.end().isBefore(end) ? pause.end() : end;
			if (to.isAfter(from)) {
				// merged pauses are disjoint, so no stretch is taken away twice
				counted = counted.minus(between(from, to, basis));
			}
		}
		return counted;
	}

	private static void requireNotNegative(Duration duration, String name) {
		if (Objects.requireNonNull(duration, name).isNegative()) {
			throw new IllegalArgumentException("The " + name + " must not be negative: " + duration);
		}
	}

	@Override
	public String toString() {
		return "BusinessCalendar[" + this.zone + ", " + this.workingHours.week() + ", " + this.holidays.days().size()
				+ " scheduled days]";
	}

	/** Builds the default calendar once, on first use. */
	private static final class ChinaDefault {

		static final BusinessCalendar CALENDAR = of(SHANGHAI,
				WorkingHours.mondayToFriday(DaySchedule.parse("09:00-12:00,13:30-17:30")),
				HolidaySchedule.chinaNational());
	}
}
