package org.yunwei.sla.internal.calendar;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.sla.ScheduledDay;

/**
 * The tables {@code business_calendar} and {@code business_calendar_day}. Every write of a calendar's days also
 * raises the calendar's version, which is what {@link org.yunwei.sla.Calendars} keys its cache by.
 */
@Repository
public class CalendarRecords {

	private static final String COLUMNS = """
			id, code, name, zone_id, working_hours::text as working_hours, twenty_four_seven, is_default, enabled,
			version""";

	private final JdbcClient jdbc;

	CalendarRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Integer> version(long id) {
		return jdbc.sql("select version from business_calendar where id = ?").param(id).query(Integer.class)
			.optional();
	}

	public Optional<CalendarRow> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from business_calendar where id = ?").param(id)
			.query(CalendarRow.class)
			.optional();
	}

	/** The default calendar's id and version. */
	public Optional<Current> defaultCurrent() {
		return jdbc.sql("select id, version from business_calendar where is_default")
			.query((rs, n) -> new Current(rs.getLong(1), rs.getInt(2)))
			.optional();
	}

	/** A calendar's id and the version it is at. */
	public record Current(long id, int version) {
	}

	public Optional<Long> defaultId() {
		return jdbc.sql("select id from business_calendar where is_default").query(Long.class).optional();
	}

	public List<CalendarRow> list() {
		return jdbc.sql("select " + COLUMNS + " from business_calendar order by is_default desc, name, id")
			.query(CalendarRow.class)
			.list();
	}

	public List<ScheduledDay> days(long calendarId) {
		return jdbc.sql("select day, kind, name from business_calendar_day where calendar_id = ? order by day")
			.param(calendarId)
			.query((rs, n) -> day(rs))
			.list();
	}

	/** The calendar's days from {@code first} to {@code last}, both included, in date order. */
	List<ScheduledDay> daysBetween(long calendarId, LocalDate first, LocalDate last) {
		return jdbc.sql("""
				select day, kind, name from business_calendar_day
				where calendar_id = ? and day between ? and ? order by day""")
			.params(calendarId, Date.valueOf(first), Date.valueOf(last))
			.query((rs, n) -> day(rs))
			.list();
	}

	private static ScheduledDay day(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ScheduledDay(rs.getDate("day").toLocalDate(), ScheduledDay.Kind.valueOf(rs.getString("kind")),
				rs.getString("name"));
	}

	/** Inserts the calendar unless its code is taken; empty when it was (also by a concurrent insert). */
	Optional<Long> insertUnlessTaken(String code, String name, String zoneId, String hoursJson,
			boolean twentyFourSeven, boolean isDefault) {
		return jdbc.sql("""
				insert into business_calendar (code, name, zone_id, working_hours, twenty_four_seven, is_default)
				values (?, ?, ?, ?::jsonb, ?, ?) on conflict do nothing returning id""")
			.params(code, name, zoneId, hoursJson, twentyFourSeven, isDefault)
			.query(Long.class)
			.optional();
	}

	/** Inserts the calendar; a taken code raises a duplicate-key failure (409). */
	long insert(String code, String name, String zoneId, String hoursJson, boolean twentyFourSeven, boolean enabled) {
		return jdbc.sql("""
				insert into business_calendar (code, name, zone_id, working_hours, twenty_four_seven, enabled)
				values (?, ?, ?, ?::jsonb, ?, ?) returning id""")
			.params(code, name, zoneId, hoursJson, twentyFourSeven, enabled)
			.query(Long.class)
			.single();
	}

	boolean codeTaken(String code) {
		return jdbc.sql("select exists (select 1 from business_calendar where lower(code) = lower(?))").param(code)
			.query(Boolean.class)
			.single();
	}

	/** Changes the calendar if it still has {@code expectedVersion}; false when someone changed it meanwhile. */
	boolean update(long id, int expectedVersion, String name, String zoneId, String hoursJson,
			boolean twentyFourSeven, boolean enabled) {
		return jdbc.sql("""
				update business_calendar set name = ?, zone_id = ?, working_hours = ?::jsonb, twenty_four_seven = ?,
				enabled = ?, version = version + 1 where id = ? and version = ?""")
			.params(name, zoneId, hoursJson, twentyFourSeven, enabled, id, expectedVersion)
			.update() == 1;
	}

	/** Adds the day, or replaces what the calendar said of that date. */
	void putDay(long calendarId, ScheduledDay day) {
		jdbc.sql("""
				insert into business_calendar_day (calendar_id, day, kind, name) values (?, ?, ?, ?)
				on conflict (calendar_id, day) do update set kind = excluded.kind, name = excluded.name""")
			.params(calendarId, Date.valueOf(day.date()), day.kind().name(), day.name())
			.update();
		touch(calendarId);
	}

	boolean removeDay(long calendarId, LocalDate date) {
		boolean removed = jdbc.sql("delete from business_calendar_day where calendar_id = ? and day = ?")
			.params(calendarId, Date.valueOf(date))
			.update() == 1;
		if (removed) {
			touch(calendarId);
		}
		return removed;
	}

	/** Replaces every day of the given years by {@code days}. */
	void replaceYears(long calendarId, Collection<Integer> years, List<ScheduledDay> days) {
		for (int year : years) {
			jdbc.sql("delete from business_calendar_day where calendar_id = ? and day between ? and ?")
				.params(calendarId, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)))
				.update();
		}
		for (ScheduledDay day : days) {
			jdbc.sql("insert into business_calendar_day (calendar_id, day, kind, name) values (?, ?, ?, ?)")
				.params(calendarId, Date.valueOf(day.date()), day.kind().name(), day.name())
				.update();
		}
		touch(calendarId);
	}

	/**
	 * Makes {@code id} the default calendar: the old default first lets go (the unique index allows one default),
	 * then the new one takes over; both versions rise.
	 */
	void makeDefault(long id) {
		jdbc.sql("update business_calendar set is_default = false, version = version + 1 where is_default and id <> ?")
			.param(id)
			.update();
		jdbc.sql("update business_calendar set is_default = true, version = version + 1 where id = ?").param(id).update();
	}

	/** The default calendar's row, locked: two administrators changing the default take turns. */
	Optional<CalendarRow> lockDefault() {
		return jdbc.sql("select " + COLUMNS + " from business_calendar where is_default for update")
			.query(CalendarRow.class)
			.optional();
	}

	/** Locks the calendar's row for the rest of the transaction, so that changes of its days do not interleave. */
	Optional<CalendarRow> lock(long id) {
		return jdbc.sql("select " + COLUMNS + " from business_calendar where id = ? for update").param(id)
			.query(CalendarRow.class)
			.optional();
	}

	private void touch(long calendarId) {
		jdbc.sql("update business_calendar set version = version + 1 where id = ?").param(calendarId).update();
	}
}
