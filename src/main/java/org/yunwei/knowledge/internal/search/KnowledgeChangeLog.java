package org.yunwei.knowledge.internal.search;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code knowledge_change} and its counter: what the search index must follow. A change is written in the
 * transaction that changed what readers may find; its number comes from a counter row that transaction keeps locked
 * until it commits, so numbers become visible in order and without gaps, and "everything up to n applied" is exact.
 */
@Repository
public class KnowledgeChangeLog {

	private final JdbcClient jdbc;

	KnowledgeChangeLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A change to apply. */
	public record Change(long seq, long articleId) {
	}

	/** Records that the article changed for readers; call inside the writing transaction. */
	public long record(long articleId) {
		long seq = jdbc.sql("update knowledge_change_counter set last = last + 1 where id = 1 returning last")
			.query(Long.class).single();
		jdbc.sql("insert into knowledge_change (seq, article_id) values (?, ?)").params(seq, articleId).update();
		return seq;
	}

	/** The changes after {@code applied}, oldest first, at most {@code limit}. */
	List<Change> after(long applied, int limit) {
		return jdbc.sql("select seq, article_id from knowledge_change where seq > ? order by seq limit ?")
			.params(applied, limit).query((rs, n) -> new Change(rs.getLong(1), rs.getLong(2))).list();
	}

	/** The name of this database's change log: an index of another epoch is not this database's. */
	String epoch() {
		return jdbc.sql("select epoch from knowledge_change_counter where id = 1").query(String.class).single();
	}

	/** The last change committed. */
	long last() {
		return jdbc.sql("select coalesce(max(seq), 0) from knowledge_change").query(Long.class).single();
	}

	/** How many articles readers may find now: what a rebuild will put. */
	long publishedCount() {
		return jdbc.sql("select count(*) from knowledge_article where published_version_id is not null"
				+ " and status <> 'RETIRED'").query(Long.class).single();
	}
}
