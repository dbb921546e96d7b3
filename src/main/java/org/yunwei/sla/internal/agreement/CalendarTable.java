package org.yunwei.sla.internal.agreement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks a calendar id against the {@code business_calendar} table of this module, and refuses every id while the
 * table does not exist (before the calendars are merged in, only the default calendar, {@code null}, can be named).
 */
@Component
class CalendarTable implements CalendarReferences {

	private final JdbcClient jdbc;

	CalendarTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean exists(long calendarId) {
		boolean tableExists = jdbc.sql("select to_regclass('business_calendar') is not null").query(Boolean.class)
			.single();
		return tableExists && jdbc.sql("select count(*) from business_calendar where id = ?").param(calendarId)
			.query(Long.class)
			.single() > 0;
	}
}
