package org.yunwei.sla.internal.clock;

import java.util.HashMap;
import java.util.Map;

import org.yunwei.sla.BusinessCalendar;

/** The business calendar a clock counts on. */
interface CalendarSource {

	/**
	 * @param calendarId {@code null} for the default calendar
	 */
	BusinessCalendar calendar(Long calendarId);

	/** Whether clocks that name no calendar count on {@code calendarId}, i.e. it is the default calendar. */
	default boolean isDefault(long calendarId) {
		return false;
	}

	/**
	 * This source, each calendar looked up once: for one batch of clocks in one transaction, which would otherwise
	 * ask the database for the calendar's version on every due-time computation.
	 */
	default CalendarSource memoized() {
		CalendarSource source = this;
		Map<Long, BusinessCalendar> calendars = new HashMap<>();
		return new CalendarSource() {

			@Override
			public BusinessCalendar calendar(Long calendarId) {
				return calendars.computeIfAbsent(calendarId, source::calendar);
			}

			@Override
			public boolean isDefault(long calendarId) {
				return source.isDefault(calendarId);
			}
		};
	}
}
