package org.yunwei.emergency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;

/** The table {@code emergency_drill}: the only class that writes it. */
@Repository
public class EmergencyDrillRecords {

	private static final String COLUMNS = "id, party_id, org_unit_id, plan_id, plan_version_id, title, objective, "
			+ "subjects, method, participants, place, planned_at, status, started_at, finished_at, summary, "
			+ "improvements, revision_required, created_by";

	private final JdbcClient jdbc;

	EmergencyDrillRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The drill plan: what, why, who, how, when and where. */
	public record DrillPlan(String title, String objective, String subjects, DrillMethod method, String participants,
			String place, Instant plannedAt) {
	}

	/** A drill with its plan, as pages and the API read it. */
	public record Row(EmergencyDrill drill, DrillPlan plan, long createdBy) {
	}

	long insert(long partyId, long orgUnitId, long planId, long planVersionId, DrillPlan plan, long createdBy) {
		return jdbc.sql("""
				insert into emergency_drill (party_id, org_unit_id, plan_id, plan_version_id, title, objective,
				    subjects, method, participants, place, planned_at, status, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?) returning id""")
			.params(partyId, orgUnitId, planId, planVersionId, plan.title(), plan.objective(), plan.subjects(),
					plan.method().name(), plan.participants(), plan.place(), Timestamp.from(plan.plannedAt()),
					createdBy)
			.query(Long.class).single();
	}

	void update(EmergencyDrill drill) {
		jdbc.sql("""
				update emergency_drill set status = ?, started_at = ?, finished_at = ?, summary = ?, improvements = ?,
				    revision_required = ?
				where id = ?""")
			.params(drill.status().name(), timestamp(drill.startedAt()), timestamp(drill.finishedAt()),
					drill.summary(), drill.improvements(), drill.revisionRequired(), drill.id())
			.update();
	}

	Optional<EmergencyDrill> findForUpdate(long id) {
		return jdbc.sql("select " + COLUMNS + " from emergency_drill where id = ? for update").param(id)
			.query((rs, n) -> row(rs).drill()).optional();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from emergency_drill where id = ?").param(id)
			.query((rs, n) -> row(rs)).optional();
	}

	/** One page of the drills in a scope, latest planned first, after the given position (keyset). */
	List<Row> page(DataScope scope, Instant beforeTime, Long beforeId, int limit) {
		DataScope.Condition where = scope.where("party_id", "org_unit_id");
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from emergency_drill where " + where.sql());
		List<Object> params = new ArrayList<>(where.parameters());
		if (beforeTime != null && beforeId != null) {
			sql.append(" and (planned_at, id) < (?, ?)");
			params.add(Timestamp.from(beforeTime));
			params.add(beforeId);
		}
		sql.append(" order by planned_at desc, id desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
	}

	/** The drills of a plan, latest planned first. */
	List<Row> ofPlan(long planId) {
		return jdbc.sql("select " + COLUMNS + " from emergency_drill where plan_id = ? order by planned_at desc, id desc"
				+ " limit 50").param(planId).query((rs, n) -> row(rs)).list();
	}

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private static Row row(ResultSet rs) throws SQLException {
		EmergencyDrill drill = new EmergencyDrill(rs.getLong("id"), rs.getLong("party_id"), rs.getLong("org_unit_id"),
				rs.getLong("plan_id"), rs.getLong("plan_version_id"), rs.getString("title"),
				DrillStatus.valueOf(rs.getString("status")), instant(rs, "started_at"), instant(rs, "finished_at"),
				rs.getString("summary"), rs.getString("improvements"), rs.getBoolean("revision_required"));
		DrillPlan plan = new DrillPlan(rs.getString("title"), rs.getString("objective"), rs.getString("subjects"),
				DrillMethod.valueOf(rs.getString("method")), rs.getString("participants"), rs.getString("place"),
				rs.getTimestamp("planned_at").toInstant());
		return new Row(drill, plan, rs.getLong("created_by"));
	}
}
