package org.yunwei.sla;

/**
 * How an SLA target is measured.
 */
public enum TimeBasis {

	/** Only working time of the business calendar counts: nights, weekends and holidays do not. */
	BUSINESS,

	/**
	 * Every elapsed second counts, day and night, whatever the calendar says (for targets such as "restore within
	 * 4 hours" on services that run around the clock). A calendar-time due time is simply {@code start + target}.
	 */
	CALENDAR
}
