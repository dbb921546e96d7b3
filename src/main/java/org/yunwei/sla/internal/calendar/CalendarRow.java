package org.yunwei.sla.internal.calendar;

import java.time.ZoneId;
import java.util.List;

import org.yunwei.sla.BusinessCalendar;
import org.yunwei.sla.CalendarSummary;
import org.yunwei.sla.HolidaySchedule;
import org.yunwei.sla.ScheduledDay;
import org.yunwei.sla.WorkingHours;

/**
 * A business calendar as stored, without its days.
 *
 * @param workingHours the stored JSON; see {@link StoredHours}
 */
public record CalendarRow(long id, String code, String name, String zoneId, String workingHours,
		boolean twentyFourSeven, boolean isDefault, boolean enabled, int version) {

	public ZoneId zone() {
		return ZoneId.of(zoneId);
	}

	public WorkingHours hours() {
		return twentyFourSeven ? WorkingHours.allDay() : StoredHours.read(workingHours);
	}

	/** The calendar to compute with; a 7×24 calendar ignores its days. */
	public BusinessCalendar toCalendar(List<ScheduledDay> days) {
		return twentyFourSeven ? BusinessCalendar.twentyFourSeven(zone())
				: BusinessCalendar.of(zone(), hours(), HolidaySchedule.of(days));
	}

	public CalendarSummary summary() {
		return new CalendarSummary(id, code, name, zone(), twentyFourSeven, isDefault, enabled);
	}
}
