package org.yunwei.knowledge.internal.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.knowledge.internal.MarkdownBody;

/** Reads what readers may find of articles now: the published version of each article that is not retired. */
@Repository
class PublishedArticles {

	private static final String SELECT = """
			select a.id, a.party_id, v.title, v.body, v.category, array_to_string(v.tags, ' ') as tags, v.visibility
			from knowledge_article a join knowledge_article_version v on v.id = a.published_version_id
			where a.status <> 'RETIRED'""";

	private final JdbcClient jdbc;

	PublishedArticles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<IndexedArticle> find(long id) {
		return jdbc.sql(SELECT + " and a.id = ?").param(id).query(PublishedArticles::indexed).optional();
	}

	/** Of these ids, the articles readers may find now, whole, by id: what a catch-up applies, in one read. */
	Map<Long, IndexedArticle> find(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql(SELECT + " and a.id = any(cast(? as bigint[]))").param(array(ids))
			.query(PublishedArticles::indexed).list().stream()
			.collect(Collectors.toMap(IndexedArticle::id, Function.identity()));
	}

	/** The next page of articles readers may find, by id, whole: what a rebuild reads, a page per query. */
	List<IndexedArticle> after(long afterId, int limit) {
		return jdbc.sql(SELECT + " and a.published_version_id is not null and a.id > ? order by a.id limit ?")
			.params(afterId, limit).query(PublishedArticles::indexed).list();
	}

	private static IndexedArticle indexed(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new IndexedArticle(rs.getLong("id"), rs.getLong("party_id"), rs.getString("title"),
				MarkdownBody.text(rs.getString("body")), rs.getString("category"),
				List.of(rs.getString("tags").split(" ")), rs.getString("visibility"));
	}

	private static String array(Collection<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	/** Of these ids, the articles still published now, by id: what a search checks its hits against. */
	Map<Long, IndexedArticle> live(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql(SELECT + " and a.id = any(cast(? as bigint[]))").param(array(ids))
			.query((rs, n) -> new IndexedArticle(rs.getLong("id"), rs.getLong("party_id"), rs.getString("title"),
					"", rs.getString("category"), List.of(), rs.getString("visibility")))
			.list().stream().collect(Collectors.toMap(IndexedArticle::id, Function.identity()));
	}
}
