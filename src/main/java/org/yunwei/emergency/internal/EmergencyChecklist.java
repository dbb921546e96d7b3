package org.yunwei.emergency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code emergency_event_step}, an event's checklist: the only class that writes it. */
@Repository
public class EmergencyChecklist {

	private static final String COLUMNS = "id, event_id, position, phase, title, owner_role, limit_minutes, done_by, "
			+ "done_at, note";

	private final JdbcClient jdbc;

	EmergencyChecklist(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A checklist item; {@code doneAt} is null until it is done. */
	public record EventStep(long id, long eventId, int position, ResponsePhase phase, String title, String ownerRole,
			Integer limitMinutes, Long doneBy, Instant doneAt, String note) {

		public boolean done() {
			return doneAt != null;
		}
	}

	void insertAll(long eventId, List<EmergencyPlanContent.ProcedureStep> steps) {
		for (int i = 0; i < steps.size(); i++) {
			EmergencyPlanContent.ProcedureStep step = steps.get(i);
			jdbc.sql("""
					insert into emergency_event_step (event_id, position, phase, title, owner_role, limit_minutes)
					values (?, ?, ?, ?, ?, ?)""")
				.params(eventId, i + 1, step.phase().name(), step.title(), step.ownerRole(), step.limitMinutes())
				.update();
		}
	}

	void done(long stepId, long by, Instant at, String note) {
		jdbc.sql("update emergency_event_step set done_by = ?, done_at = ?, note = ? where id = ?")
			.params(by, Timestamp.from(at), note, stepId).update();
	}

	Optional<EventStep> find(long eventId, long stepId) {
		return jdbc.sql("select " + COLUMNS + " from emergency_event_step where event_id = ? and id = ?")
			.params(eventId, stepId).query((rs, n) -> step(rs)).optional();
	}

	List<EventStep> ofEvent(long eventId) {
		return jdbc.sql("select " + COLUMNS + " from emergency_event_step where event_id = ? order by position")
			.param(eventId).query((rs, n) -> step(rs)).list();
	}

	long open(long eventId) {
		return jdbc.sql("select count(*) from emergency_event_step where event_id = ? and done_at is null")
			.param(eventId).query(Long.class).single();
	}

	private static EventStep step(ResultSet rs) throws SQLException {
		Timestamp done = rs.getTimestamp("done_at");
		return new EventStep(rs.getLong("id"), rs.getLong("event_id"), rs.getInt("position"),
				ResponsePhase.valueOf(rs.getString("phase")), rs.getString("title"), rs.getString("owner_role"),
				rs.getObject("limit_minutes", Integer.class), rs.getObject("done_by", Long.class),
				done == null ? null : done.toInstant(), rs.getString("note"));
	}
}
