package org.yunwei.ticket.internal.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.ticket.internal.record.TicketRecords;

/** The {@code ticket_attachment} table: the files of a ticket, content included, in the database with the ticket. */
@Repository
public class AttachmentRecords {

	private static final String COLUMNS = """
			id, ticket_id, filename, content_type, size_bytes, sha256, uploaded_by, created_at, internal""";

	private final JdbcClient jdbc;

	AttachmentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long ticketId, long entryId, String filename, String contentType, byte[] content, String sha256,
			String uploadedBy, boolean internal) {
		return jdbc.sql("""
				insert into ticket_attachment (ticket_id, entry_id, filename, content_type, size_bytes, sha256, content,
				  uploaded_by, internal) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(ticketId, entryId, filename, contentType, content.length, sha256, content, uploadedBy, internal)
			.query(Long.class)
			.single();
	}

	/** The attachments of a ticket, oldest first; the internal ones only if asked for. */
	public List<AttachmentView> of(long ticketId, boolean withInternal) {
		return jdbc.sql("select " + COLUMNS + " from ticket_attachment where ticket_id = ? and (? or not internal)"
				+ " order by id")
			.params(ticketId, withInternal)
			.query((rs, n) -> view(rs))
			.list();
	}

	/** A file with its content; an internal one only if asked for. */
	Optional<AttachmentFile> file(long ticketId, long id, boolean withInternal) {
		return jdbc.sql("select " + COLUMNS + ", content from ticket_attachment where ticket_id = ? and id = ?"
				+ " and (? or not internal)")
			.params(ticketId, id, withInternal)
			.query((rs, n) -> new AttachmentFile(view(rs), rs.getBytes("content")))
			.optional();
	}

	private static AttachmentView view(ResultSet rs) throws SQLException {
		return new AttachmentView(rs.getLong("id"), rs.getLong("ticket_id"), rs.getString("filename"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getString("uploaded_by"), TicketRecords.instant(rs, "created_at"), rs.getBoolean("internal"));
	}
}
