package org.yunwei.emergency.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;

/** The tables {@code emergency_event} and {@code emergency_event_number}: the only class that writes them. */
@Repository
public class EmergencyEventRecords {

	private static final String COLUMNS = "id, number, party_id, org_unit_id, title, description, level, plan_id, "
			+ "plan_version_id, ticket_id, status, declared_by, declared_at, closed_at, summary";

	private final JdbcClient jdbc;

	EmergencyEventRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next number of the day, {@code EMG-yyyyMMdd-nnnn}: the day's counter row stays locked until the declaring
	 * transaction ends, so that numbers have neither gaps nor duplicates.
	 */
	String nextNumber(LocalDate day) {
		int next = jdbc.sql("""
				insert into emergency_event_number (day, last) values (?, 1)
				on conflict (day) do update set last = emergency_event_number.last + 1 returning last""")
			.param(Date.valueOf(day)).query(Integer.class).single();
		return "EMG-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format("%04d", next);
	}

	long insert(String number, long partyId, long orgUnitId, String title, String description, EmergencyLevel level,
			Long planId, Long planVersionId, Long ticketId, long declaredBy, Instant at) {
		return jdbc.sql("""
				insert into emergency_event (number, party_id, org_unit_id, title, description, level, plan_id,
				    plan_version_id, ticket_id, status, declared_by, declared_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) returning id""")
			.params(number, partyId, orgUnitId, title, description, level.name(), planId, planVersionId, ticketId,
					declaredBy, Timestamp.from(at))
			.query(Long.class).single();
	}

	void update(EmergencyEvent event) {
		jdbc.sql("update emergency_event set level = ?, status = ?, closed_at = ?, summary = ? where id = ?")
			.params(event.level().name(), event.open() ? "OPEN" : "CLOSED",
					event.closedAt() == null ? null : Timestamp.from(event.closedAt()), event.summary(), event.id())
			.update();
	}

	Optional<EmergencyEvent> findForUpdate(long id) {
		return jdbc.sql("select " + COLUMNS + " from emergency_event where id = ? for update").param(id)
			.query((rs, n) -> event(rs)).optional();
	}

	Optional<EmergencyEvent> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from emergency_event where id = ?").param(id)
			.query((rs, n) -> event(rs)).optional();
	}

	/** One page of the events in a scope, latest declared first, after the given position (keyset). */
	List<EmergencyEvent> page(DataScope scope, Boolean open, Instant beforeTime, Long beforeId, int limit) {
		DataScope.Condition where = scope.where("party_id", "org_unit_id");
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from emergency_event where " + where.sql());
		List<Object> params = new ArrayList<>(where.parameters());
		if (open != null) {
			sql.append(" and status = ?");
			params.add(open ? "OPEN" : "CLOSED");
		}
		if (beforeTime != null && beforeId != null) {
			sql.append(" and (declared_at, id) < (?, ?)");
			params.add(Timestamp.from(beforeTime));
			params.add(beforeId);
		}
		sql.append(" order by declared_at desc, id desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> event(rs)).list();
	}

	/** The events declared from a ticket, in a scope, latest first. */
	List<EmergencyEvent> ofTicket(long ticketId, DataScope scope) {
		DataScope.Condition where = scope.where("party_id", "org_unit_id");
		List<Object> params = new ArrayList<>();
		params.add(ticketId);
		params.addAll(where.parameters());
		return jdbc.sql("select " + COLUMNS + " from emergency_event where ticket_id = ? and " + where.sql()
				+ " order by declared_at desc, id desc limit 20")
			.params(params).query((rs, n) -> event(rs)).list();
	}

	private static EmergencyEvent event(ResultSet rs) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new EmergencyEvent(rs.getLong("id"), rs.getString("number"), rs.getLong("party_id"),
				rs.getLong("org_unit_id"), rs.getString("title"), rs.getString("description"),
				EmergencyLevel.valueOf(rs.getString("level")), rs.getObject("plan_id", Long.class),
				rs.getObject("plan_version_id", Long.class), rs.getObject("ticket_id", Long.class),
				"OPEN".equals(rs.getString("status")), rs.getLong("declared_by"),
				rs.getTimestamp("declared_at").toInstant(), closed == null ? null : closed.toInstant(),
				rs.getString("summary"));
	}
}
