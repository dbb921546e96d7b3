package org.yunwei.sla.internal.clock;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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

	/**
	 * The calendar, looked up once per transaction: a ticket's creation computes due times a dozen times (two clocks
	 * started, their states read back), and each lookup asked the database twice for the calendar's id and version.
	 * A calendar changed meanwhile is seen by the next transaction, as {@link Calendars} sees it.
	 */
	@Override
	public BusinessCalendar calendar(Long calendarId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return lookUp(calendarId);
		}
		@SuppressWarnings("unchecked")
		Map<Long, BusinessCalendar> seen = (Map<Long, BusinessCalendar>) TransactionSynchronizationManager
			.getResource(this);
		if (seen == null) {
			Map<Long, BusinessCalendar> fresh = new HashMap<>();
			TransactionSynchronizationManager.bindResource(this, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(StoredCalendars.this);
				}
			});
			seen = fresh;
		}
		return seen.computeIfAbsent(calendarId, this::lookUp);
	}

	private BusinessCalendar lookUp(Long calendarId) {
		return calendarId == null ? calendars.defaultCalendar() : calendars.get(calendarId);
	}

	@Override
	public boolean isDefault(long calendarId) {
		return calendars.defaultCalendarId() == calendarId;
	}
}
