package org.yunwei.approval.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads who may decide in which stage ({@code approval_assignment}), the inbox's waiting rows. */
@Repository
public class ApprovalAssignments {

	private static final String SELECT = """
			select id, request_id, stage_position, approver_id, via, post_id, stands_in_for, waiting, since
			from approval_assignment""";

	private final JdbcClient jdbc;

	ApprovalAssignments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a person to a stage; one already there is left as they are. */
	public void add(long requestId, int stagePosition, Seat seat, Instant since) {
		jdbc.sql("""
				insert into approval_assignment (request_id, stage_position, approver_id, via, post_id, stands_in_for,
				  since)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (request_id, stage_position, approver_id) do nothing""")
			.params(requestId, stagePosition, seat.approverId(), seat.via().name(), seat.postId(), seat.standsInFor(),
					Timestamp.from(since))
			.update();
	}

	public List<Assignment> of(long requestId, int stagePosition) {
		return jdbc.sql(SELECT + " where request_id = ? and stage_position = ? order by id")
			.params(requestId, stagePosition)
			.query(ApprovalAssignments::assignment)
			.list();
	}

	public List<Assignment> ofRequest(long requestId) {
		return jdbc.sql(SELECT + " where request_id = ? order by stage_position, id")
			.param(requestId)
			.query(ApprovalAssignments::assignment)
			.list();
	}

	/** Takes one person's row, or a whole seat's, off the inbox. */
	public void settle(long requestId, int stagePosition, String seat) {
		jdbc.sql("""
				update approval_assignment set waiting = false
				where request_id = ? and stage_position = ? and waiting
				  and (case when post_id is not null then 'post:' || post_id else 'person:' || approver_id end) = ?""")
			.params(requestId, stagePosition, seat)
			.update();
	}

	/** Takes every row of the request off the inbox (the stage or the request ended). */
	public void settleAll(long requestId) {
		jdbc.sql("update approval_assignment set waiting = false where request_id = ? and waiting")
			.param(requestId)
			.update();
	}

	/** The waiting backup assignments of these people: the inbox asks whether their holders are away now. */
	public List<Assignment> waitingBackups(List<Long> approverIds) {
		return jdbc.sql(SELECT + " where waiting and via = 'POST_BACKUP' and approver_id = any(cast(? as bigint[])) order by id")
			.param(approverIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.query(ApprovalAssignments::assignment)
			.list();
	}

	public boolean involved(long requestId, long userId) {
		return jdbc.sql("select exists (select 1 from approval_assignment where request_id = ? and approver_id = ?)")
			.params(requestId, userId)
			.query(Boolean.class)
			.single();
	}

	private static Assignment assignment(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Assignment(rs.getLong("id"), rs.getLong("request_id"), rs.getInt("stage_position"),
				rs.getLong("approver_id"), AssignmentVia.valueOf(rs.getString("via")), (Long) rs.getObject("post_id"),
				(Long) rs.getObject("stands_in_for"), rs.getBoolean("waiting"), rs.getTimestamp("since").toInstant());
	}
}
