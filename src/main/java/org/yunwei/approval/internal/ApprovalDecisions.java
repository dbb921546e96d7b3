package org.yunwei.approval.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads the decisions ({@code approval_decision}); a decision is never changed once written. */
@Repository
public class ApprovalDecisions {

	private static final String SELECT = """
			select id, request_id, stage_position, decider_id, on_behalf_of, decision, reason, version_hash, seat,
			       decided_at
			from approval_decision""";

	private final JdbcClient jdbc;

	ApprovalDecisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long requestId, int stagePosition, long deciderId, Long onBehalfOf, DecisionKind decision,
			String reason, String versionHash, String seat, Instant at) {
		return jdbc.sql("""
				insert into approval_decision (request_id, stage_position, decider_id, on_behalf_of, decision, reason,
				  version_hash, seat, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(requestId, stagePosition, deciderId, onBehalfOf, decision.name(), reason, versionHash, seat,
					Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	public List<Decision> of(long requestId) {
		return jdbc.sql(SELECT + " where request_id = ? order by decided_at, id").param(requestId)
			.query((rs, n) -> new Decision(rs.getLong("id"), rs.getLong("request_id"), rs.getInt("stage_position"),
					rs.getLong("decider_id"), (Long) rs.getObject("on_behalf_of"),
					DecisionKind.valueOf(rs.getString("decision")), rs.getString("reason"),
					rs.getString("version_hash"), rs.getString("seat"), rs.getTimestamp("decided_at").toInstant()))
			.list();
	}

	public List<Decision> of(long requestId, int stagePosition) {
		return of(requestId).stream().filter(d -> d.stagePosition() == stagePosition).toList();
	}
}
