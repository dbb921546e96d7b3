package org.yunwei.sla.internal.clock;

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
}
