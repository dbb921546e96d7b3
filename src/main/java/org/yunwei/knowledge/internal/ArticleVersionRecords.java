package org.yunwei.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code knowledge_article_version}: every submitted revision, kept. */
@Repository
public class ArticleVersionRecords {

	private final JdbcClient jdbc;

	ArticleVersionRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A submitted revision and what became of it. */
	public record ArticleVersion(long id, long articleId, int number, String title, String body, String category,
			List<String> tags, String visibility, String contentHash, String status, Long approvalRequestId,
			long submittedBy, Instant submittedAt, Instant decidedAt, String decisionReason) {
	}

	/** Records the working copy as the article's next version, in review. */
	ArticleVersion insert(long articleId, ArticleContent content, long submittedBy) {
		int number = jdbc.sql("select coalesce(max(number), 0) + 1 from knowledge_article_version where article_id = ?")
			.param(articleId).query(Integer.class).single();
		long id = jdbc.sql("""
				insert into knowledge_article_version (article_id, number, title, body, category, tags, visibility,
				    content_hash, status, submitted_by, service_ids, item_ids)
				values (?, ?, ?, ?, ?, cast(? as text[]), ?, ?, 'IN_REVIEW', ?, cast(? as bigint[]), cast(? as bigint[]))
				returning id""")
			.params(articleId, number, content.title(), content.body(), content.category(),
					ArticleRecords.textArray(content.tags()), content.visibility().name(), content.hash(), submittedBy,
					ArticleRecords.bigintArray(content.serviceIds()), ArticleRecords.bigintArray(content.itemIds()))
			.query(Long.class).single();
		return find(id).orElseThrow();
	}

	void requested(long versionId, long approvalRequestId) {
		jdbc.sql("update knowledge_article_version set approval_request_id = ? where id = ?")
			.params(approvalRequestId, versionId).update();
	}

	void decided(long versionId, String status, Instant at, String reason) {
		jdbc.sql("update knowledge_article_version set status = ?, decided_at = ?, decision_reason = ? where id = ?")
			.params(status, Timestamp.from(at), reason, versionId).update();
	}

	void superseded(long versionId) {
		jdbc.sql("update knowledge_article_version set status = 'SUPERSEDED' where id = ?").param(versionId).update();
	}

	public Optional<ArticleVersion> find(long id) {
		return jdbc.sql("select * from knowledge_article_version where id = ?").param(id)
			.query((rs, n) -> version(rs)).optional();
	}

	/** An article's versions, newest first. */
	public List<ArticleVersion> of(long articleId) {
		return jdbc.sql("select * from knowledge_article_version where article_id = ? order by number desc")
			.param(articleId).query((rs, n) -> version(rs)).list();
	}

	private static ArticleVersion version(ResultSet rs) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new ArticleVersion(rs.getLong("id"), rs.getLong("article_id"), rs.getInt("number"),
				rs.getString("title"), rs.getString("body"), rs.getString("category"),
				ArticleRecords.strings(rs.getArray("tags")), rs.getString("visibility"), rs.getString("content_hash"),
				rs.getString("status"), rs.getObject("approval_request_id", Long.class), rs.getLong("submitted_by"),
				rs.getTimestamp("submitted_at").toInstant(), decided == null ? null : decided.toInstant(),
				rs.getString("decision_reason"));
	}
}
