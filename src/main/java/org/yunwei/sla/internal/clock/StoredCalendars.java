package org.yunwei.sla.internal.clock;

import org.springframework.stereotype.Component;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.sla.Calendars;

/**
 * Clocks count on the calendars administrators keep; a clock without a calendar counts on the default one.
 */
@Component
class StoredCalendars implements CalendarSource {

	private final Calendars calendars;

	StoredCalendars(Calendars calendars) {
		this.calendars = calendars;
	}

	@Override
	public BusinessCalendar calendar(Long calendarId) {
		return calendarId == null ? calendars.defaultCalendar() : calendars.get(calendarId);
	}

	@Override
	public boolean isDefault(long calendarId) {
		return calendars.defaultCalendarId() == calendarId;
	}
}
