package org.yunwei.knowledge.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code knowledge_attachment}: the files of articles, with their bytes read only for a download. */
@Repository
class ArticleAttachmentRecords {

	private static final String COLUMNS = "id, article_id, filename, content_type, size_bytes, sha256, internal, "
			+ "uploaded_at";

	private final JdbcClient jdbc;

	ArticleAttachmentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A file as lists and the API show it, without its content. */
	public record ArticleAttachment(long id, long articleId, String filename, String contentType, int sizeBytes,
			String sha256, boolean internal, Instant uploadedAt) {
	}

	/** A file with its bytes, for a download. */
	public record ArticleAttachmentFile(ArticleAttachment attachment, byte[] content) {
	}

	long insert(long articleId, String filename, String contentType, byte[] content, String sha256, boolean internal,
			long uploadedBy) {
		return jdbc.sql("""
				insert into knowledge_attachment (article_id, filename, content_type, size_bytes, sha256, content,
				    internal, uploaded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(articleId, filename, contentType, content.length, sha256, content, internal, uploadedBy)
			.query(Long.class).single();
	}

	/** The files of an article, oldest first; without the internal ones unless asked. */
	List<ArticleAttachment> of(long articleId, boolean withInternal) {
		return jdbc.sql("select " + COLUMNS + " from knowledge_attachment where article_id = ?"
				+ (withInternal ? "" : " and not internal") + " order by id")
			.param(articleId).query((rs, n) -> attachment(rs)).list();
	}

	Optional<ArticleAttachmentFile> file(long articleId, long attachmentId) {
		return jdbc.sql("select " + COLUMNS + ", content from knowledge_attachment where article_id = ? and id = ?")
			.params(articleId, attachmentId)
			.query((rs, n) -> new ArticleAttachmentFile(attachment(rs), rs.getBytes("content"))).optional();
	}

	Optional<ArticleAttachment> find(long articleId, long attachmentId) {
		return jdbc.sql("select " + COLUMNS + " from knowledge_attachment where article_id = ? and id = ?")
			.params(articleId, attachmentId).query((rs, n) -> attachment(rs)).optional();
	}

	void delete(long attachmentId) {
		jdbc.sql("delete from knowledge_attachment where id = ?").param(attachmentId).update();
	}

	private static ArticleAttachment attachment(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ArticleAttachment(rs.getLong("id"), rs.getLong("article_id"), rs.getString("filename"),
				rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("sha256"),
				rs.getBoolean("internal"), rs.getTimestamp("uploaded_at").toInstant());
	}
}
