package org.yunwei.sla.internal.calendar;

/**
 * Another calendar became the default one (within the SLA module: the clocks that name no calendar follow it).
 *
 * @param previousCalendarId the default until now; {@code null} if there was none
 * @param calendarId the new default
 */
public record DefaultCalendarChanged(Long previousCalendarId, long calendarId) {
}
