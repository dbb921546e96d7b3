package org.yunwei.emergency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code emergency_drill_step} and {@code emergency_drill_screenshot}: the only class that writes them. */
@Repository
public class EmergencyDrillSteps {

	private static final String COLUMNS = "id, drill_id, position, phase, title, contact_id, started_at, started_by, "
			+ "finished_at, finished_by, note";

	private final JdbcClient jdbc;

	EmergencyDrillSteps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A step of a drill: started and finished at their instants, by whom; the contact of its stage. */
	public record DrillStep(long id, long drillId, int position, ResponsePhase phase, String title, Long contactId,
			Instant startedAt, Long startedBy, Instant finishedAt, Long finishedBy, String note) {

		boolean started() {
			return startedAt != null;
		}

		boolean finished() {
			return finishedAt != null;
		}
	}

	/** A screenshot's record without its bytes. */
	public record Screenshot(long id, long stepId, String storedName, String extension, long size, String sha256,
			long uploadedBy, Instant uploadedAt) {
	}

	void insertAll(long drillId, List<EmergencyPlanContent.ProcedureStep> steps, List<Long> contacts) {
		for (int i = 0; i < steps.size(); i++) {
			EmergencyPlanContent.ProcedureStep step = steps.get(i);
			jdbc.sql("""
					insert into emergency_drill_step (drill_id, position, phase, title, contact_id)
					values (?, ?, ?, ?, ?)""")
				.params(drillId, i + 1, step.phase().name(), step.title(), i < contacts.size() ? contacts.get(i) : null)
				.update();
		}
	}

	void started(long stepId, long by, Instant at) {
		jdbc.sql("update emergency_drill_step set started_at = ?, started_by = ? where id = ?")
			.params(Timestamp.from(at), by, stepId).update();
	}

	void finished(long stepId, long by, Instant at, String note) {
		jdbc.sql("update emergency_drill_step set finished_at = ?, finished_by = ?, note = ? where id = ?")
			.params(Timestamp.from(at), by, note, stepId).update();
	}

	Optional<DrillStep> find(long drillId, long stepId) {
		return jdbc.sql("select " + COLUMNS + " from emergency_drill_step where drill_id = ? and id = ?")
			.params(drillId, stepId).query((rs, n) -> step(rs)).optional();
	}

	List<DrillStep> ofDrill(long drillId) {
		return jdbc.sql("select " + COLUMNS + " from emergency_drill_step where drill_id = ? order by position")
			.param(drillId).query((rs, n) -> step(rs)).list();
	}

	long unfinished(long drillId) {
		return jdbc.sql("select count(*) from emergency_drill_step where drill_id = ? and finished_at is null")
			.param(drillId).query(Long.class).single();
	}

	long attach(long stepId, String storedName, String extension, byte[] content, String sha256, long by) {
		return jdbc.sql("""
				insert into emergency_drill_screenshot (step_id, stored_name, extension, size, sha256, content,
				    uploaded_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(stepId, storedName, extension, content.length, sha256, content, by)
			.query(Long.class).single();
	}

	List<Screenshot> screenshots(long drillId) {
		return jdbc.sql("""
				select s.id, s.step_id, s.stored_name, s.extension, s.size, s.sha256, s.uploaded_by, s.uploaded_at
				from emergency_drill_screenshot s join emergency_drill_step t on t.id = s.step_id
				where t.drill_id = ? order by s.id""")
			.param(drillId)
			.query((rs, n) -> new Screenshot(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getString(6), rs.getLong(7), rs.getTimestamp(8).toInstant()))
			.list();
	}

	/** A screenshot with its bytes. */
	public record StoredScreenshot(String storedName, String extension, String sha256, byte[] content) {
	}

	/** A screenshot of the drill with its bytes, or empty. */
	Optional<StoredScreenshot> content(long drillId, long screenshotId) {
		return jdbc.sql("""
				select s.stored_name, s.extension, s.sha256, s.content from emergency_drill_screenshot s
				join emergency_drill_step t on t.id = s.step_id where t.drill_id = ? and s.id = ?""")
			.params(drillId, screenshotId)
			.query((rs, n) -> new StoredScreenshot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
			.optional();
	}

	private static DrillStep step(ResultSet rs) throws SQLException {
		Timestamp started = rs.getTimestamp("started_at");
		Timestamp finished = rs.getTimestamp("finished_at");
		return new DrillStep(rs.getLong("id"), rs.getLong("drill_id"), rs.getInt("position"),
				ResponsePhase.valueOf(rs.getString("phase")), rs.getString("title"),
				rs.getObject("contact_id", Long.class), started == null ? null : started.toInstant(),
				rs.getObject("started_by", Long.class), finished == null ? null : finished.toInstant(),
				rs.getObject("finished_by", Long.class), rs.getString("note"));
	}
}
