package org.yunwei.emergency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored reports and their history (emergency migration V5). */
@Repository
class EmergencyReportRecords {

	private static final String COLUMNS = "id, kind, event_id, drill_id, party_id, org_unit_id, status, sections, "
			+ "revision, approval_request_id, return_reason, approved_by, issued_at";

	private final JdbcClient jdbc;

	EmergencyReportRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One line of a report's history: a version saved (with the sections it changed) or a step of its approval. */
	record HistoryLine(long id, Instant at, Long actorId, String action, int revision, List<String> changed,
			String reason) {
	}

	long insert(EmergencyReport report, long createdBy) {
		EmergencyReportSubject subject = report.subject();
		return jdbc.sql("""
				insert into emergency_report (kind, event_id, drill_id, party_id, org_unit_id, status, sections,
				    content_hash, revision, created_by)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?) returning id""")
			.params(subject.kind().name(), subject.kind().ofDrill() ? null : subject.id(),
					subject.kind().ofDrill() ? subject.id() : null, report.partyId(), report.orgUnitId(),
					report.status().name(), report.sectionsJson(), report.contentHash(), report.revision(), createdBy)
			.query(Long.class).single();
	}

	void update(EmergencyReport report) {
		jdbc.sql("""
				update emergency_report set status = ?, sections = cast(? as jsonb), content_hash = ?, revision = ?,
				    approval_request_id = ?, return_reason = ?, approved_by = cast(? as jsonb), issued_at = ?
				where id = ?""")
			.params(report.status().name(), report.sectionsJson(), report.contentHash(), report.revision(),
					report.approvalRequestId(), report.returnReason(),
					report.approvedBy().isEmpty() ? null : EmergencyReport.json(report.approvedBy()),
					report.issuedAt() == null ? null : Timestamp.from(report.issuedAt()), report.id())
			.update();
	}

	Optional<EmergencyReport> find(EmergencyReportSubject subject) {
		return jdbc.sql("select " + COLUMNS + " from emergency_report where " + where(subject)).params(params(subject))
			.query((rs, n) -> report(rs)).optional();
	}

	Optional<EmergencyReport> findForUpdate(EmergencyReportSubject subject) {
		return jdbc.sql("select " + COLUMNS + " from emergency_report where " + where(subject) + " for update")
			.params(params(subject)).query((rs, n) -> report(rs)).optional();
	}

	Optional<EmergencyReport> findForUpdate(long id) {
		return jdbc.sql("select " + COLUMNS + " from emergency_report where id = ? for update").param(id)
			.query((rs, n) -> report(rs)).optional();
	}

	void history(long reportId, Long actorId, String action, int revision, List<String> changed,
			Map<String, String> sections, String reason) {
		jdbc.sql("""
				insert into emergency_report_history (report_id, actor_id, action, revision, changed, sections, reason)
				values (?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)""")
			.params(reportId, actorId, action, revision, changed == null ? null : EmergencyReport.json(changed),
					sections == null ? null : EmergencyReport.json(sections), reason)
			.update();
	}

	/** The history, latest first. */
	List<HistoryLine> history(long reportId) {
		return jdbc.sql("""
				select id, at, actor_id, action, revision, changed, reason from emergency_report_history
				where report_id = ? order by id desc""").param(reportId)
			.query((rs, n) -> new HistoryLine(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getObject("actor_id", Long.class), rs.getString("action"), rs.getInt("revision"),
					rs.getString("changed") == null ? List.of()
							: List.copyOf(EmergencyReport.sectionsFromJsonList(rs.getString("changed"))),
					rs.getString("reason")))
			.list();
	}

	private static String where(EmergencyReportSubject subject) {
		return subject.kind().ofDrill() ? "drill_id = ?" : "event_id = ? and kind = ?";
	}

	private static Object[] params(EmergencyReportSubject subject) {
		return subject.kind().ofDrill() ? new Object[] { subject.id() }
				: new Object[] { subject.id(), subject.kind().name() };
	}

	private static EmergencyReport report(ResultSet rs) throws SQLException {
		EmergencyReportKind kind = EmergencyReportKind.valueOf(rs.getString("kind"));
		long subjectId = kind.ofDrill() ? rs.getLong("drill_id") : rs.getLong("event_id");
		Timestamp issuedAt = rs.getTimestamp("issued_at");
		return new EmergencyReport(rs.getLong("id"), new EmergencyReportSubject(kind, subjectId),
				rs.getLong("party_id"), rs.getLong("org_unit_id"), EmergencyReportStatus.valueOf(rs.getString("status")),
				EmergencyReport.sectionsFromJson(rs.getString("sections")), rs.getInt("revision"),
				rs.getObject("approval_request_id", Long.class), rs.getString("return_reason"),
				EmergencyReport.idsFromJson(rs.getString("approved_by")),
				issuedAt == null ? null : issuedAt.toInstant());
	}
}
