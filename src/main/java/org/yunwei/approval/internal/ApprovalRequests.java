package org.yunwei.approval.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalSubject;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads the requests and their stages ({@code approval_request}, {@code approval_request_stage}). */
@Repository
public class ApprovalRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SELECT = """
			select id, subject_type, subject_id, version_hash, policy_version_id, requester_id, requester_party_id,
			       requester_unit_id, summary, link, facts::text as facts, outcome, reason, stage_position,
			       requested_at, decided_at
			from approval_request""";

	private static final String STAGE = """
			select request_id, position, name, rule, required_count, state, started_at, due_at, reminded_at,
			       escalated_at, ended_at
			from approval_request_stage""";

	private final JdbcClient jdbc;

	ApprovalRequests(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(ApprovalSubject subject, long policyVersionId, long requesterId, long partyId, long unitId,
			String summary, String link, Map<String, Object> facts) {
		return jdbc.sql("""
				insert into approval_request (subject_type, subject_id, version_hash, policy_version_id, requester_id,
				  requester_party_id, requester_unit_id, summary, link, facts)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) returning id""")
			.params(subject.type(), subject.id(), subject.versionHash(), policyVersionId, requesterId, partyId, unitId,
					summary, link, JSON.writeValueAsString(facts))
			.query(Long.class)
			.single();
	}

	public Optional<ApprovalRequest> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(ApprovalRequests::request).optional();
	}

	/** The request, locked against a concurrent decision until the transaction ends. */
	public Optional<ApprovalRequest> lock(long id) {
		return jdbc.sql(SELECT + " where id = ? for update").param(id).query(ApprovalRequests::request).optional();
	}

	public Optional<ApprovalRequest> latest(String subjectType, long subjectId) {
		return jdbc.sql(SELECT + " where subject_type = ? and subject_id = ? order by id desc limit 1")
			.params(subjectType, subjectId)
			.query(ApprovalRequests::request)
			.optional();
	}

	public List<ApprovalRequest> openOf(String subjectType, long subjectId) {
		return jdbc.sql(SELECT + " where subject_type = ? and subject_id = ? and outcome = 'PENDING' order by id for update")
			.params(subjectType, subjectId)
			.query(ApprovalRequests::request)
			.list();
	}

	public void moveTo(long requestId, Integer stagePosition) {
		jdbc.sql("update approval_request set stage_position = ? where id = ?").params(stagePosition, requestId).update();
	}

	public void end(long requestId, ApprovalOutcome outcome, String reason, Instant at) {
		jdbc.sql("""
				update approval_request set outcome = ?, reason = ?, decided_at = ?, stage_position = null
				where id = ?""")
			.params(outcome.name(), reason, Timestamp.from(at), requestId)
			.update();
	}

	public void insertStage(long requestId, PolicyStage stage, int requiredCount) {
		jdbc.sql("""
				insert into approval_request_stage (request_id, position, name, rule, required_count, state)
				values (?, ?, ?, ?, ?, 'NOT_REACHED')""")
			.params(requestId, stage.position(), stage.name(), stage.rule().name(), requiredCount)
			.update();
	}

	public void startStage(long requestId, int position, int requiredCount, Instant at, Instant dueAt) {
		jdbc.sql("""
				update approval_request_stage set state = 'WAITING', required_count = ?, started_at = ?, due_at = ?
				where request_id = ? and position = ?""")
			.params(requiredCount, Timestamp.from(at), dueAt == null ? null : Timestamp.from(dueAt), requestId,
					position)
			.update();
	}

	public void endStage(long requestId, int position, StageState state, Instant at) {
		jdbc.sql("update approval_request_stage set state = ?, ended_at = ? where request_id = ? and position = ?")
			.params(state.name(), Timestamp.from(at), requestId, position)
			.update();
	}

	/** Ends every stage not yet ended (when the request ends early). */
	public void closeOpenStages(long requestId, Instant at) {
		jdbc.sql("""
				update approval_request_stage set state = 'CLOSED', ended_at = ?
				where request_id = ? and state in ('NOT_REACHED', 'WAITING')""")
			.params(Timestamp.from(at), requestId)
			.update();
	}

	public List<RequestStage> stages(long requestId) {
		return jdbc.sql(STAGE + " where request_id = ? order by position").param(requestId)
			.query(ApprovalRequests::stage)
			.list();
	}

	public Optional<RequestStage> stage(long requestId, int position) {
		return jdbc.sql(STAGE + " where request_id = ? and position = ?").params(requestId, position)
			.query(ApprovalRequests::stage)
			.optional();
	}

	/** Waiting stages past their due time that have not been reminded (or escalated) yet, oldest first. */
	public List<RequestStage> overdue(Instant now, boolean escalation, int limit) {
		String column = escalation ? "escalated_at" : "reminded_at";
		return jdbc.sql(STAGE + " where state = 'WAITING' and due_at <= ? and " + column
				+ " is null order by due_at limit ?")
			.params(Timestamp.from(now), limit)
			.query(ApprovalRequests::stage)
			.list();
	}

	public void markReminded(long requestId, int position, Instant at) {
		jdbc.sql("update approval_request_stage set reminded_at = ? where request_id = ? and position = ?")
			.params(Timestamp.from(at), requestId, position)
			.update();
	}

	public void markEscalated(long requestId, int position, Instant at) {
		jdbc.sql("update approval_request_stage set escalated_at = ? where request_id = ? and position = ?")
			.params(Timestamp.from(at), requestId, position)
			.update();
	}

	private static ApprovalRequest request(ResultSet rs, int n) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new ApprovalRequest(rs.getLong("id"),
				new ApprovalSubject(rs.getString("subject_type"), rs.getLong("subject_id"),
						rs.getString("version_hash")),
				rs.getLong("policy_version_id"), rs.getLong("requester_id"), rs.getLong("requester_party_id"),
				rs.getLong("requester_unit_id"), rs.getString("summary"), rs.getString("link"),
				JSON.readValue(rs.getString("facts"), new TypeReference<Map<String, Object>>() {
				}), ApprovalOutcome.valueOf(rs.getString("outcome")), rs.getString("reason"),
				(Integer) rs.getObject("stage_position"), rs.getTimestamp("requested_at").toInstant(),
				decided == null ? null : decided.toInstant());
	}

	private static RequestStage stage(ResultSet rs, int n) throws SQLException {
		return new RequestStage(rs.getLong("request_id"), rs.getInt("position"), rs.getString("name"),
				StageRule.valueOf(rs.getString("rule")), rs.getInt("required_count"),
				StageState.valueOf(rs.getString("state")), instant(rs, "started_at"), instant(rs, "due_at"),
				instant(rs, "reminded_at"), instant(rs, "escalated_at"), instant(rs, "ended_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
