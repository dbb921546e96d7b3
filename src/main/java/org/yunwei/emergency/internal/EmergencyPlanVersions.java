package org.yunwei.emergency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code emergency_plan_version}: the only class that writes it. */
@Repository
public class EmergencyPlanVersions {

	private static final String COLUMNS = "id, plan_id, number, title, content, content_hash, status, "
			+ "approval_request_id, submitted_by, submitted_at, decided_at, decision_reason";

	private final JdbcClient jdbc;

	EmergencyPlanVersions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A submitted version of a plan. */
	public record PlanVersion(long id, long planId, int number, String title, EmergencyPlanContent content, String contentHash,
			String status, Long approvalRequestId, long submittedBy, Instant submittedAt, Instant decidedAt,
			String decisionReason) {
	}

	PlanVersion insert(long planId, EmergencyPlanContent content, long submittedBy) {
		int number = jdbc.sql("select coalesce(max(number), 0) + 1 from emergency_plan_version where plan_id = ?")
			.param(planId).query(Integer.class).single();
		long id = jdbc.sql("""
				insert into emergency_plan_version (plan_id, number, title, content, content_hash, status, submitted_by)
				values (?, ?, ?, cast(? as jsonb), ?, 'IN_REVIEW', ?) returning id""")
			.params(planId, number, content.title(), content.json(), content.hash(), submittedBy)
			.query(Long.class).single();
		return find(id).orElseThrow();
	}

	void requested(long id, long approvalRequestId) {
		jdbc.sql("update emergency_plan_version set approval_request_id = ? where id = ?")
			.params(approvalRequestId, id).update();
	}

	void decided(long id, String status, Instant at, String reason) {
		jdbc.sql("update emergency_plan_version set status = ?, decided_at = ?, decision_reason = ? where id = ?")
			.params(status, Timestamp.from(at), reason, id).update();
	}

	void superseded(long id) {
		jdbc.sql("update emergency_plan_version set status = 'SUPERSEDED' where id = ?").param(id).update();
	}

	Optional<PlanVersion> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from emergency_plan_version where id = ?").param(id)
			.query((rs, n) -> version(rs)).optional();
	}

	List<PlanVersion> ofPlan(long planId) {
		return jdbc.sql("select " + COLUMNS + " from emergency_plan_version where plan_id = ? order by number desc")
			.param(planId).query((rs, n) -> version(rs)).list();
	}

	private static PlanVersion version(ResultSet rs) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new PlanVersion(rs.getLong("id"), rs.getLong("plan_id"), rs.getInt("number"), rs.getString("title"),
				EmergencyPlanContent.fromJson(rs.getString("content")), rs.getString("content_hash"), rs.getString("status"),
				rs.getObject("approval_request_id", Long.class), rs.getLong("submitted_by"),
				rs.getTimestamp("submitted_at").toInstant(), decided == null ? null : decided.toInstant(),
				rs.getString("decision_reason"));
	}
}
