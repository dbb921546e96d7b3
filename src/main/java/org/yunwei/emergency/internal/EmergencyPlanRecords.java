package org.yunwei.emergency.internal;

import java.sql.Date;
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

/** The table {@code emergency_plan}: the only class that writes it. */
@Repository
public class EmergencyPlanRecords {

	private static final String COLUMNS = "id, party_id, org_unit_id, owner_id, content, status, approved_version_id, "
			+ "pending_version_id, return_reason, updated_at";

	private final JdbcClient jdbc;

	EmergencyPlanRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A plan with when it last changed. */
	public record Row(EmergencyPlan plan, Instant updatedAt) {
	}

	long insert(EmergencyPlan plan) {
		EmergencyPlanContent c = plan.content();
		return jdbc.sql("""
				insert into emergency_plan (party_id, org_unit_id, owner_id, title, scenario, application_system, site,
				    review_date, content, status)
				values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?) returning id""")
			.params(plan.partyId(), plan.orgUnitId(), plan.ownerId(), c.title(), c.scenario(), c.applicationSystem(),
					c.site(), Date.valueOf(c.reviewDate()), c.json(), plan.status().name())
			.query(Long.class).single();
	}

	void update(EmergencyPlan plan) {
		EmergencyPlanContent c = plan.content();
		jdbc.sql("""
				update emergency_plan set title = ?, scenario = ?, application_system = ?, site = ?, review_date = ?,
				    content = cast(? as jsonb), status = ?, approved_version_id = ?, pending_version_id = ?,
				    return_reason = ?, updated_at = now()
				where id = ?""")
			.params(c.title(), c.scenario(), c.applicationSystem(), c.site(), Date.valueOf(c.reviewDate()), c.json(),
					plan.status().name(), plan.approvedVersionId(), plan.pendingVersionId(), plan.returnReason(),
					plan.id())
			.update();
	}

	Optional<EmergencyPlan> findForUpdate(long id) {
		return jdbc.sql("select " + COLUMNS + " from emergency_plan where id = ? for update").param(id)
			.query((rs, n) -> plan(rs)).optional();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from emergency_plan where id = ?").param(id)
			.query((rs, n) -> new Row(plan(rs), rs.getTimestamp("updated_at").toInstant())).optional();
	}

	/**
	 * One page of the plans in a scope, newest change first, after the given position (keyset); a text matches the
	 * title, scenario, application system or site.
	 */
	List<Row> page(DataScope scope, String text, EmergencyPlanStatus status, Instant beforeTime, Long beforeId, int limit) {
		DataScope.Condition where = scope.where("party_id", "org_unit_id");
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from emergency_plan where " + where.sql());
		List<Object> params = new ArrayList<>(where.parameters());
		if (text != null) {
			sql.append(" and (strpos(title, ?) > 0 or strpos(scenario, ?) > 0"
					+ " or strpos(coalesce(application_system, ''), ?) > 0 or strpos(coalesce(site, ''), ?) > 0)");
			params.addAll(List.of(text, text, text, text));
		}
		if (status != null) {
			sql.append(" and status = ?");
			params.add(status.name());
		}
		if (beforeTime != null && beforeId != null) {
			sql.append(" and (updated_at, id) < (?, ?)");
			params.add(Timestamp.from(beforeTime));
			params.add(beforeId);
		}
		sql.append(" order by updated_at desc, id desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new Row(plan(rs), rs.getTimestamp("updated_at").toInstant())).list();
	}

	/** The plans in force in a scope, by title: for the declaration's picker. */
	List<EmergencyPlan> inForce(DataScope scope, int limit) {
		DataScope.Condition where = scope.where("party_id", "org_unit_id");
		List<Object> params = new ArrayList<>(where.parameters());
		params.add(limit);
		return jdbc.sql("select " + COLUMNS + " from emergency_plan where " + where.sql()
				+ " and approved_version_id is not null and status <> 'RETIRED' order by title, id limit ?")
			.params(params).query((rs, n) -> plan(rs)).list();
	}

	private static EmergencyPlan plan(ResultSet rs) throws SQLException {
		return new EmergencyPlan(rs.getLong("id"), rs.getLong("party_id"), rs.getLong("org_unit_id"),
				rs.getLong("owner_id"), EmergencyPlanContent.fromJson(rs.getString("content")),
				EmergencyPlanStatus.valueOf(rs.getString("status")), rs.getObject("approved_version_id", Long.class),
				rs.getObject("pending_version_id", Long.class), rs.getString("return_reason"));
	}
}
