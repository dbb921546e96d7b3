package org.yunwei.sla.internal.clock;

import org.yunwei.sla.BusinessCalendar;

/** The business calendar a clock counts on. */
interface CalendarSource {

	/**
	 * @param calendarId {@code null} for the default calendar
	 */
	BusinessCalendar calendar(Long calendarId);
}
