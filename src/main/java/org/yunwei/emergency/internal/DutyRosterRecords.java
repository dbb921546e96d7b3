package org.yunwei.emergency.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;

/** The tables {@code duty_roster}, {@code duty_shift} and {@code duty_log}: the only class that writes them. */
@Repository
public class DutyRosterRecords {

	private final JdbcClient jdbc;

	DutyRosterRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A roster: its days, in Asia/Shanghai, both included. */
	public record Roster(long id, long partyId, long orgUnitId, String name, DutyKind kind, LocalDate startsOn,
			LocalDate endsOn) {
	}

	/** A shift: who is on duty from when until when, and whether they lead it. */
	public record Shift(long id, long rosterId, Instant startsAt, Instant endsAt, long personId, boolean lead) {
	}

	/** A duty log entry, or a handover to the next person on duty. */
	public record LogEntry(long id, long rosterId, Instant at, long authorId, String kind, String text,
			Long handedTo) {
	}

	long insert(long partyId, long orgUnitId, String name, DutyKind kind, LocalDate startsOn, LocalDate endsOn,
			long createdBy) {
		return jdbc.sql("""
				insert into duty_roster (party_id, org_unit_id, name, kind, starts_on, ends_on, created_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(partyId, orgUnitId, name, kind.name(), Date.valueOf(startsOn), Date.valueOf(endsOn), createdBy)
			.query(Long.class).single();
	}

	long addShift(long rosterId, Instant startsAt, Instant endsAt, long personId, boolean lead) {
		return jdbc.sql("""
				insert into duty_shift (roster_id, starts_at, ends_at, person_id, lead) values (?, ?, ?, ?, ?)
				returning id""")
			.params(rosterId, Timestamp.from(startsAt), Timestamp.from(endsAt), personId, lead)
			.query(Long.class).single();
	}

	long log(long rosterId, Instant at, long authorId, String kind, String text, Long handedTo) {
		return jdbc.sql("""
				insert into duty_log (roster_id, at, author_id, kind, text, handed_to) values (?, ?, ?, ?, ?, ?)
				returning id""")
			.params(rosterId, Timestamp.from(at), authorId, kind, text, handedTo)
			.query(Long.class).single();
	}

	Optional<Roster> find(long id) {
		return jdbc.sql("select * from duty_roster where id = ?").param(id).query((rs, n) -> roster(rs)).optional();
	}

	/** Locks the roster: shifts and logs of one roster are written one after another. */
	Optional<Roster> findForUpdate(long id) {
		return jdbc.sql("select * from duty_roster where id = ? for update").param(id)
			.query((rs, n) -> roster(rs)).optional();
	}

	List<Roster> page(DataScope scope, int limit) {
		DataScope.Condition where = scope.where("party_id", "org_unit_id");
		List<Object> params = new ArrayList<>(where.parameters());
		params.add(limit);
		return jdbc.sql("select * from duty_roster where " + where.sql() + " order by starts_on desc, id desc limit ?")
			.params(params).query((rs, n) -> roster(rs)).list();
	}

	/**
	 * The key-period rosters (重要保障期) whose days meet {@code from}–{@code until} (both included), of one party or of
	 * all ({@code null}), earliest first.
	 */
	List<Roster> keyPeriods(Long partyId, LocalDate from, LocalDate until) {
		List<Object> params = new ArrayList<>(List.of(Date.valueOf(until), Date.valueOf(from)));
		if (partyId != null) {
			params.add(partyId);
		}
		return jdbc.sql("select * from duty_roster where kind = 'KEY_PERIOD' and starts_on <= ? and ends_on >= ?"
				+ (partyId == null ? "" : " and party_id = ?") + " order by starts_on, id")
			.params(params).query((rs, n) -> roster(rs)).list();
	}

	List<Shift> shifts(long rosterId) {
		return jdbc.sql("select * from duty_shift where roster_id = ? order by starts_at, id").param(rosterId)
			.query((rs, n) -> shift(rs)).list();
	}

	List<LogEntry> logs(long rosterId) {
		return jdbc.sql("select * from duty_log where roster_id = ? order by at, id").param(rosterId)
			.query((rs, n) -> new LogEntry(rs.getLong("id"), rs.getLong("roster_id"),
					rs.getTimestamp("at").toInstant(), rs.getLong("author_id"), rs.getString("kind"),
					rs.getString("text"), rs.getObject("handed_to", Long.class)))
			.list();
	}

	/** The shifts in a scope running at the instant, leads first. */
	List<Shift> onDuty(DataScope scope, Instant at) {
		DataScope.Condition where = scope.where("r.party_id", "r.org_unit_id");
		List<Object> params = new ArrayList<>();
		params.add(Timestamp.from(at));
		params.add(Timestamp.from(at));
		params.addAll(where.parameters());
		return jdbc.sql("""
				select s.* from duty_shift s join duty_roster r on r.id = s.roster_id
				where s.starts_at <= ? and s.ends_at > ? and """ + " " + where.sql()
				+ " order by s.lead desc, s.starts_at, s.id limit 50")
			.params(params).query((rs, n) -> shift(rs)).list();
	}

	private static Roster roster(ResultSet rs) throws SQLException {
		return new Roster(rs.getLong("id"), rs.getLong("party_id"), rs.getLong("org_unit_id"), rs.getString("name"),
				DutyKind.valueOf(rs.getString("kind")), rs.getDate("starts_on").toLocalDate(),
				rs.getDate("ends_on").toLocalDate());
	}

	private static Shift shift(ResultSet rs) throws SQLException {
		return new Shift(rs.getLong("id"), rs.getLong("roster_id"), rs.getTimestamp("starts_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), rs.getLong("person_id"), rs.getBoolean("lead"));
	}
}
