package org.yunwei.sla.internal.agreement;

/**
 * Whether a business calendar an agreement names exists. An interface because the calendars are being built beside
 * the agreements: {@link CalendarTable} answers from the table while no facade exists; when the calendars' branch is
 * merged, the implementation is replaced by one asking the {@code Calendars} facade (and the foreign key from
 * {@code service_level_agreement.calendar_id} is added). A {@code null} calendar id means the default calendar and is
 * never asked about.
 */
interface CalendarReferences {

	boolean exists(long calendarId);
}
