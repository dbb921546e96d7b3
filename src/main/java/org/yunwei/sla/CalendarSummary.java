package org.yunwei.sla;

import java.time.ZoneId;

/**
 * A business calendar as other modules list it, for example to let an SLA name its calendar: referenced by id.
 *
 * @param zone the calendar's time zone, in which its dates and working hours are read
 * @param twentyFourSeven whether every instant is working time (7×24), whatever the days say
 * @param isDefault whether this is the calendar used when nothing else is chosen; exactly one is
 * @param enabled whether it may be chosen for something new; a disabled calendar still serves those that use it
 */
public record CalendarSummary(long id, String code, String name, ZoneId zone, boolean twentyFourSeven,
		boolean isDefault, boolean enabled) {
}
