package org.yunwei.inspection.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;

/** Writes and reads {@code inspection_task}. */
@Repository
public class InspectionTasks {

	private static final TypeReference<Map<String, ItemResult>> RESULTS = new TypeReference<>() {
	};

	/** A task joined with what its pages show of its plan and target. */
	public record TaskRow(long id, long planId, String planName, long targetId, String targetLabel, Long ciId,
			long partyId, long templateVersionId, LocalDate scheduledOn, Instant dueAt, long assigneeId,
			TaskStatus status, Map<String, ItemResult> results, int draftRevision, String signature, int anomalies,
			Instant submittedAt, Instant escalatedAt, long ownerId, Long incidentTicketId) {

		boolean overdue(Instant now) {
			return status != TaskStatus.DONE && !dueAt.isAfter(now);
		}
	}

	private static final String SELECT = """
			select t.*, p.name as plan_name, p.owner_id, g.label as target_label, g.ci_id
			from inspection_task t join inspection_plan p on p.id = t.plan_id
			join inspection_plan_target g on g.id = t.target_id
			""";

	private static final RowMapper<TaskRow> TASK = (rs, n) -> {
		Timestamp submitted = rs.getTimestamp("submitted_at");
		Timestamp escalated = rs.getTimestamp("escalated_at");
		return new TaskRow(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("plan_name"),
				rs.getLong("target_id"), rs.getString("target_label"), rs.getObject("ci_id", Long.class),
				rs.getLong("party_id"), rs.getLong("template_version_id"), rs.getDate("scheduled_on").toLocalDate(),
				rs.getTimestamp("due_at").toInstant(), rs.getLong("assignee_id"),
				TaskStatus.valueOf(rs.getString("status")),
				InspectionTemplates.JSON.readValue(rs.getString("results"), RESULTS), rs.getInt("draft_revision"),
				rs.getString("signature"), rs.getInt("anomalies"), submitted == null ? null : submitted.toInstant(),
				escalated == null ? null : escalated.toInstant(), rs.getLong("owner_id"),
				rs.getObject("incident_ticket_id", Long.class));
	};

	private final JdbcClient jdbc;

	InspectionTasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The tasks of one plan for one day, one per target with its assignee, in one statement (a plan of 500 places
	 * makes 500 tasks a day); those that exist already are left. How many were made.
	 */
	int insertDay(long planId, long partyId, long templateVersionId, LocalDate day, Instant dueAt, List<Long> targetIds,
			List<Long> assigneeIds) {
		if (targetIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				insert into inspection_task (plan_id, target_id, party_id, template_version_id, scheduled_on, due_at,
				  assignee_id)
				select ?, t.target_id, ?, ?, ?, ?, t.assignee_id from unnest(?, ?) as t(target_id, assignee_id)
				on conflict (plan_id, target_id, scheduled_on) do nothing""")
			.params(planId, partyId, templateVersionId, Date.valueOf(day), Timestamp.from(dueAt),
					new org.springframework.jdbc.support.SqlArrayValue("bigint", targetIds.toArray()),
					new org.springframework.jdbc.support.SqlArrayValue("bigint", assigneeIds.toArray()))
			.update();
	}

	public Optional<TaskRow> find(long id) {
		return jdbc.sql(SELECT + " where t.id = ?").param(id).query(TASK).optional();
	}

	Optional<TaskRow> findForUpdate(long id) {
		return jdbc.sql(SELECT + " where t.id = ? for update of t").param(id).query(TASK).optional();
	}

	/** The tasks not done by their due time whose owner has not been told yet, locked for this node. */
	List<TaskRow> overdueUntold(Instant now, int limit) {
		return jdbc.sql(SELECT + """
				 where t.status <> 'DONE' and t.escalated_at is null and t.due_at <= ?
				order by t.due_at, t.id limit ? for update of t skip locked""")
			.params(Timestamp.from(now), limit).query(TASK).list();
	}

	void markEscalated(long id, Instant at) {
		jdbc.sql("update inspection_task set escalated_at = ? where id = ?").params(Timestamp.from(at), id).update();
	}

	/** Tasks of a party (or every party's for {@code null}), optionally only one person's, between two days. */
	List<TaskRow> list(Long partyId, Long assigneeId, Long planId, LocalDate from, LocalDate to, int limit) {
		return jdbc.sql(SELECT + """
				 where (cast(? as bigint) is null or t.party_id = ?) and (cast(? as bigint) is null or t.assignee_id = ?)
				   and (cast(? as bigint) is null or t.plan_id = ?) and t.scheduled_on between ? and ?
				order by t.scheduled_on desc, t.due_at, t.id limit ?""")
			.params(partyId, partyId, assigneeId, assigneeId, planId, planId, Date.valueOf(from), Date.valueOf(to),
					limit)
			.query(TASK).list();
	}

	void saveDraft(long id, Map<String, ItemResult> results, int revision, Instant at) {
		jdbc.sql("""
				update inspection_task set results = cast(? as jsonb), draft_revision = ?, status = 'IN_PROGRESS',
				  started_at = coalesce(started_at, ?) where id = ?""")
			.params(InspectionTemplates.JSON.writeValueAsString(results), revision, Timestamp.from(at), id).update();
	}

	void submit(long id, Map<String, ItemResult> results, String signature, int anomalies, Instant at) {
		jdbc.sql("""
				update inspection_task set results = cast(? as jsonb), status = 'DONE', signature = ?, anomalies = ?,
				  started_at = coalesce(started_at, ?), submitted_at = ? where id = ?""")
			.params(InspectionTemplates.JSON.writeValueAsString(results), signature, anomalies, Timestamp.from(at),
					Timestamp.from(at), id)
			.update();
	}

	void linkIncident(long id, long ticketId) {
		jdbc.sql("update inspection_task set incident_ticket_id = ? where id = ?").params(ticketId, id).update();
	}
}
