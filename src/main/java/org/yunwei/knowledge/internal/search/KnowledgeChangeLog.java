package org.yunwei.knowledge.internal.search;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code knowledge_change} and its counter: what the articles' search index must follow. A change is
 * written in the transaction that published, retired or otherwise changed an article for readers.
 */
@Repository
public class KnowledgeChangeLog extends IndexChangeLog {

	private final JdbcClient jdbc;

	KnowledgeChangeLog(JdbcClient jdbc) {
		super(jdbc, "knowledge_change", "article_id");
		this.jdbc = jdbc;
	}

	/** How many articles readers may find now: what a rebuild will put. */
	long publishedCount() {
		return jdbc.sql("select count(*) from knowledge_article where published_version_id is not null"
				+ " and status <> 'RETIRED'").query(Long.class).single();
	}
}
