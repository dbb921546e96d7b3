package org.yunwei.cmdb.internal;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actor;

/**
 * Writes and reads {@code ci_import_job}. The progress is written in transactions of its own, so that it is seen
 * while the import's own transaction is still open.
 */
@Repository
class ImportJobRecords {

	private static final RowMapper<ImportJob> JOB = (rs, n) -> {
		String report = rs.getString("report");
		Timestamp finished = rs.getTimestamp("finished_at");
		return new ImportJob(rs.getLong("id"), rs.getLong("class_id"), rs.getObject("requested_by_id", Long.class),
				rs.getString("requested_by_name"), rs.getBoolean("valid_rows_only"), rs.getString("state"),
				rs.getObject("rows_total", Integer.class), rs.getInt("rows_checked"),
				report == null ? null : ConfigurationItemRecords.JSON.readValue(report, ImportReport.class),
				rs.getString("problem"), rs.getTimestamp("started_at").toInstant(),
				finished == null ? null : finished.toInstant());
	};

	private final JdbcClient jdbc;

	ImportJobRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public long start(long classId, boolean validRowsOnly, Actor requester) {
		return jdbc.sql("""
				insert into ci_import_job (class_id, requested_by_id, requested_by_name, valid_rows_only)
				values (?, ?, ?, ?) returning id""")
			.params(classId, requester.userId(), requester.displayName(), validRowsOnly).query(Long.class).single();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void progress(long id, Integer total, int checked) {
		jdbc.sql("update ci_import_job set rows_total = coalesce(?, rows_total), rows_checked = ? where id = ?")
			.params(total, checked, id).update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void done(long id, ImportReport report) {
		jdbc.sql("""
				update ci_import_job set state = 'DONE', report = cast(? as jsonb), rows_checked = ?, finished_at = now()
				where id = ?""")
			.params(ConfigurationItemRecords.JSON.writeValueAsString(report), report.rows(), id).update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(long id, String problem) {
		jdbc.sql("update ci_import_job set state = 'FAILED', problem = ?, finished_at = now() where id = ?")
			.params(problem, id).update();
	}

	@Transactional(readOnly = true)
	public Optional<ImportJob> find(long id) {
		return jdbc.sql("select * from ci_import_job where id = ?").param(id).query(JOB).optional();
	}
}
