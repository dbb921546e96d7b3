package org.yunwei.document.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.document.internal.DocumentVersion.VersionStatus;

/** The {@code document_version} table: versions with their content (a file's bytes or the sanitised text). */
@Repository
class VersionRecords {

	private static final String COLUMNS = """
			id, document_id, number, status, kind, filename, content_type, size_bytes, sha256, internal, change_note,
			effective_date, reason, declined, approval_request_id, created_by_name, created_at, published_at""";

	private final JdbcClient jdbc;

	VersionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A version's content: the file's bytes, or the text. */
	record Content(DocumentVersion version, byte[] file, String body) {
	}

	long insert(long documentId, VersionContent content, boolean internal, String changeNote, LocalDate effectiveDate,
			long createdBy, String createdByName) {
		int number = jdbc.sql("select coalesce(max(number), 0) + 1 from document_version where document_id = ?")
			.param(documentId)
			.query(Integer.class)
			.single();
		return jdbc.sql("""
				insert into document_version (document_id, number, status, kind, filename, content_type, size_bytes,
				  content, body, sha256, internal, change_note, effective_date, created_by, created_by_name)
				values (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(documentId, number, content.kind(), content.filename(), content.contentType(),
					content.file() == null ? null : (long) content.file().length, content.file(), content.body(),
					content.sha256(), internal, changeNote, DocumentRecords.date(effectiveDate), createdBy,
					createdByName)
			.query(Long.class)
			.single();
	}

	List<DocumentVersion> of(long documentId) {
		return jdbc.sql("select " + COLUMNS + " from document_version where document_id = ? order by number desc")
			.param(documentId)
			.query((rs, n) -> version(rs))
			.list();
	}

	Optional<DocumentVersion> find(long documentId, long id) {
		return jdbc.sql("select " + COLUMNS + " from document_version where document_id = ? and id = ?")
			.params(documentId, id)
			.query((rs, n) -> version(rs))
			.optional();
	}

	Optional<DocumentVersion> findForUpdate(long id) {
		return jdbc.sql("select " + COLUMNS + " from document_version where id = ? for update")
			.param(id)
			.query((rs, n) -> version(rs))
			.optional();
	}

	Optional<Content> content(long documentId, long id) {
		return jdbc.sql("select " + COLUMNS + ", content, body from document_version where document_id = ? and id = ?")
			.params(documentId, id)
			.query((rs, n) -> new Content(version(rs), rs.getBytes("content"), rs.getString("body")))
			.optional();
	}

	/** Whether the document has a version being written or approved. */
	boolean hasOpen(long documentId) {
		return jdbc.sql("select exists (select 1 from document_version where document_id = ?"
				+ " and status in ('DRAFT', 'PENDING'))")
			.param(documentId)
			.query(Boolean.class)
			.single();
	}

	void submitted(long id, long approvalRequestId) {
		jdbc.sql("update document_version set status = 'PENDING', approval_request_id = ?, reason = null,"
				+ " declined = null where id = ?")
			.params(approvalRequestId, id)
			.update();
	}

	void backToDraft(long id, String declined, String reason) {
		jdbc.sql("update document_version set status = 'DRAFT', declined = ?, reason = ? where id = ?")
			.params(declined, reason, id)
			.update();
	}

	void publish(long id, LocalDate effectiveDate, Instant at) {
		jdbc.sql("update document_version set status = 'PUBLISHED', effective_date = ?, published_at = ?, reason = null,"
				+ " declined = null"
				+ " where id = ?")
			.params(DocumentRecords.date(effectiveDate), Timestamp.from(at), id)
			.update();
	}

	void supersede(long id) {
		jdbc.sql("update document_version set status = 'SUPERSEDED' where id = ?").param(id).update();
	}

	private static DocumentVersion version(ResultSet rs) throws SQLException {
		Date effective = rs.getDate("effective_date");
		Timestamp published = rs.getTimestamp("published_at");
		return new DocumentVersion(rs.getLong("id"), rs.getLong("document_id"), rs.getInt("number"),
				VersionStatus.valueOf(rs.getString("status")), rs.getString("kind"), rs.getString("filename"),
				rs.getString("content_type"), rs.getObject("size_bytes", Long.class), rs.getString("sha256"),
				rs.getBoolean("internal"), rs.getString("change_note"),
				effective == null ? null : effective.toLocalDate(), rs.getString("reason"), rs.getString("declined"),
				rs.getObject("approval_request_id", Long.class), rs.getString("created_by_name"),
				rs.getTimestamp("created_at").toInstant(), published == null ? null : published.toInstant());
	}
}
