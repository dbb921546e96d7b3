package org.yunwei.knowledge.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code knowledge_article}: the only class that writes it. */
@Repository
public class ArticleRecords {

	private static final String COLUMNS = "id, party_id, org_unit_id, owner_id, title, body, category, tags, "
			+ "service_ids, visibility, review_date, status, published_version_id, pending_version_id, return_reason, "
			+ "updated_at, item_ids";

	private final JdbcClient jdbc;

	ArticleRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An article as a list shows it. */
	public record Row(KnowledgeArticle article, Instant updatedAt) {
	}

	long insert(KnowledgeArticle article) {
		ArticleContent c = article.content();
		return jdbc.sql("""
				insert into knowledge_article (party_id, org_unit_id, owner_id, title, body, category, tags,
				    service_ids, visibility, review_date, status, item_ids)
				values (?, ?, ?, ?, ?, ?, cast(? as text[]), cast(? as bigint[]), ?, ?, ?, cast(? as bigint[]))
				returning id""")
			.params(article.partyId(), article.orgUnitId(), article.ownerId(), c.title(), c.body(), c.category(),
					ArticleRecords.textArray(c.tags()), ArticleRecords.bigintArray(c.serviceIds()), c.visibility().name(),
					c.reviewDate() == null ? null : Date.valueOf(c.reviewDate()), article.status().name(),
					ArticleRecords.bigintArray(c.itemIds()))
			.query(Long.class).single();
	}

	void update(KnowledgeArticle article) {
		ArticleContent c = article.content();
		jdbc.sql("""
				update knowledge_article set title = ?, body = ?, category = ?, tags = cast(? as text[]),
				    service_ids = cast(? as bigint[]),
				    visibility = ?, review_date = ?, status = ?, published_version_id = ?, pending_version_id = ?,
				    return_reason = ?, item_ids = cast(? as bigint[]), updated_at = now()
				where id = ?""")
			.params(c.title(), c.body(), c.category(), ArticleRecords.textArray(c.tags()),
					ArticleRecords.bigintArray(c.serviceIds()), c.visibility().name(),
					c.reviewDate() == null ? null : Date.valueOf(c.reviewDate()), article.status().name(),
					article.publishedVersionId(), article.pendingVersionId(), article.returnReason(),
					ArticleRecords.bigintArray(c.itemIds()), article.id())
			.update();
	}

	Optional<KnowledgeArticle> findForUpdate(long id) {
		return jdbc.sql("select " + COLUMNS + " from knowledge_article where id = ? for update").param(id)
			.query((rs, n) -> article(rs)).optional();
	}

	public Optional<Row> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from knowledge_article where id = ?").param(id)
			.query((rs, n) -> new Row(article(rs), rs.getTimestamp("updated_at").toInstant())).optional();
	}

	/**
	 * One page of the articles of a party, newest change first, after the given position (keyset); {@code limit}
	 * rows at most.
	 */
	public List<Row> page(long partyId, ArticleStatus status, Instant beforeTime, Long beforeId, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from knowledge_article where party_id = ?");
		List<Object> params = new java.util.ArrayList<>(List.of(partyId));
		if (status != null) {
			sql.append(" and status = ?");
			params.add(status.name());
		}
		if (beforeTime != null && beforeId != null) {
			sql.append(" and (updated_at, id) < (?, ?)");
			params.add(java.sql.Timestamp.from(beforeTime));
			params.add(beforeId);
		}
		sql.append(" order by updated_at desc, id desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params)
			.query((rs, n) -> new Row(article(rs), rs.getTimestamp("updated_at").toInstant())).list();
	}

	/** A published article whose review comes due, and its owner. */
	record ReviewDue(long id, long ownerId, String title, LocalDate reviewDate) {
	}

	/**
	 * Published articles (a revision in draft included) whose review date is at the latest {@code until} and whose
	 * owner has not yet been reminded of that date; at most {@code limit}, earliest first.
	 */
	List<ReviewDue> reviewDue(LocalDate until, int limit) {
		return jdbc.sql("""
				select id, owner_id, title, review_date from knowledge_article
				where published_version_id is not null and status <> 'RETIRED' and review_date <= ?
				    and review_reminded_for is distinct from review_date
				order by review_date, id limit ?""")
			.params(Date.valueOf(until), limit)
			.query((rs, n) -> new ReviewDue(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getDate(4).toLocalDate()))
			.list();
	}

	/** The owner was reminded of this review date; touches nothing else (no change readers or authors see). */
	void reminded(long id, LocalDate reviewDate) {
		jdbc.sql("update knowledge_article set review_reminded_for = ? where id = ?")
			.params(Date.valueOf(reviewDate), id).update();
	}

	static KnowledgeArticle article(ResultSet rs) throws SQLException {
		Date review = rs.getDate("review_date");
		ArticleContent content = new ArticleContent(rs.getString("title"), rs.getString("body"),
				rs.getString("category"), strings(rs.getArray("tags")), longs(rs.getArray("service_ids")),
				Visibility.valueOf(rs.getString("visibility")), review == null ? null : review.toLocalDate(),
				longs(rs.getArray("item_ids")));
		return new KnowledgeArticle(rs.getLong("id"), rs.getLong("party_id"), rs.getLong("org_unit_id"),
				rs.getLong("owner_id"), content, ArticleStatus.valueOf(rs.getString("status")),
				rs.getObject("published_version_id", Long.class), rs.getObject("pending_version_id", Long.class),
				rs.getString("return_reason"));
	}

	/**
	 * A PostgreSQL array literal of the texts, each quoted: JdbcClient would spread a Java array over several
	 * placeholders, so arrays travel as one literal and a cast.
	 */
	static String textArray(List<String> values) {
		return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	static String bigintArray(List<Long> values) {
		return values.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	static List<Long> longs(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
	}
}
