package org.yunwei.ticket.internal.work;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.yunwei.sla.BusinessCalendar;

/**
 * When a resolved ticket that its customer neither confirmed nor reopened closes by itself: once the given number
 * of business days after the day of its resolution have passed, business days being the days with working time on
 * the calendar (weekends, public holidays and closed days do not count; make-up workdays do). Resolved on a Friday
 * with three business days: Monday, Tuesday and Wednesday count, and the ticket closes on Thursday.
 */
final class AutoClosePolicy {

	/** How far back the search for business days goes: ten years of holidays would be a broken calendar. */
	private static final int DAYS_SEARCHED = 3660;

	private AutoClosePolicy() {
	}

	/**
	 * The instant before which a resolution must lie for its ticket to close at {@code now}: the start of the
	 * {@code businessDays}-th business day before today (today not counted).
	 *
	 * @param businessDays at least 1
	 */
	static Instant cutoff(BusinessCalendar calendar, Instant now, int businessDays) {
		if (businessDays < 1) {
			throw new IllegalArgumentException("businessDays must be at least 1, not " + businessDays);
		}
		ZoneId zone = calendar.zone();
		LocalDate day = LocalDate.ofInstant(now, zone);
		int found = 0;
		for (int searched = 0; found < businessDays && searched < DAYS_SEARCHED; searched++) {
			day = day.minusDays(1);
			if (isBusinessDay(calendar, day)) {
				found++;
			}
		}
		return day.atStartOfDay(zone).toInstant();
	}

	static boolean isBusinessDay(BusinessCalendar calendar, LocalDate date) {
		if (calendar.holidays().isHoliday(date)) {
			return false;
		}
		if (calendar.holidays().isMakeUpWorkday(date)) {
			return !calendar.workingHours().makeUpWorkday().isClosed();
		}
		return !calendar.workingHours().on(date.getDayOfWeek()).isClosed();
	}
}
