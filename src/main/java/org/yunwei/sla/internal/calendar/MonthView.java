package org.yunwei.sla.internal.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.yunwei.sla.BusinessCalendar;
import org.yunwei.sla.DaySchedule;
import org.yunwei.sla.ScheduledDay;

/**
 * One month of a calendar as the month view shows it: whole weeks from Monday to Sunday (the Chinese convention),
 * each date with what the calendar makes of it.
 */
record MonthView(YearMonth month, List<List<Cell>> weeks, List<Cell> scheduled) {

	static MonthView of(BusinessCalendar calendar, YearMonth month) {
		LocalDate first = month.atDay(1);
		LocalDate day = first.minusDays(first.getDayOfWeek().getValue() - 1L);
		List<List<Cell>> weeks = new ArrayList<>();
		List<Cell> scheduled = new ArrayList<>();
		while (!day.isAfter(month.atEndOfMonth())) {
			List<Cell> week = new ArrayList<>(7);
			for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
				Cell cell = Cell.of(calendar, day, YearMonth.from(day).equals(month));
				week.add(cell);
				if (cell.inMonth() && cell.name() != null) {
					scheduled.add(cell);
				}
			}
			weeks.add(week);
		}
		return new MonthView(month, weeks, scheduled);
	}

	public YearMonth previous() {
		return month.minusMonths(1);
	}

	public YearMonth next() {
		return month.plusMonths(1);
	}

	/** What kind of day a date is, which is also its CSS class suffix. */
	enum Kind {
		WORKING, REST, HOLIDAY, MAKEUP;

		public String css() {
			return "yw-day-" + name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/**
	 * @param name the name of a holiday or make-up workday, {@code null} for an ordinary day
	 * @param hours the day's working intervals as text, empty when closed
	 */
	record Cell(LocalDate date, boolean inMonth, Kind kind, String name, String hours) {

		static Cell of(BusinessCalendar calendar, LocalDate date, boolean inMonth) {
			Optional<ScheduledDay> special = calendar.holidays().find(date);
			DaySchedule schedule = special.map(day -> day.kind() == ScheduledDay.Kind.WORKDAY
					? calendar.workingHours().makeUpWorkday() : DaySchedule.closed())
				.orElse(calendar.workingHours().on(date.getDayOfWeek()));
			Kind kind = special.map(day -> day.kind() == ScheduledDay.Kind.WORKDAY ? Kind.MAKEUP : Kind.HOLIDAY)
				.orElse(schedule.isClosed() ? Kind.REST : Kind.WORKING);
			return new Cell(date, inMonth, kind, special.map(ScheduledDay::name).orElse(null), schedule.toString());
		}
	}
}
