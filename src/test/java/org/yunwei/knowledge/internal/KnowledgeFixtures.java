package org.yunwei.knowledge.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Articles written straight into the tables as the knowledge module writes them, for tests of other matters. */
public final class KnowledgeFixtures {

	private KnowledgeFixtures() {
	}

	/** A published article of the party, version 1; the caller tells the index (change log, catch-up). */
	public static long published(JdbcClient jdbc, long partyId, long orgUnitId, long ownerId, String title, String body,
			String visibility) {
		long article = jdbc.sql("""
				insert into knowledge_article (party_id, org_unit_id, owner_id, title, body, category, tags,
				    visibility, status)
				values (?, ?, ?, ?, ?, '办公设备', '{}', ?, 'PUBLISHED') returning id""")
			.params(partyId, orgUnitId, ownerId, title, body, visibility).query(Long.class).single();
		long version = jdbc.sql("""
				insert into knowledge_article_version (article_id, number, title, body, category, tags, visibility,
				    content_hash, status, submitted_by)
				select id, 1, title, body, category, tags, visibility, repeat('0', 64), 'PUBLISHED', owner_id
				from knowledge_article where id = ? returning id""").param(article).query(Long.class).single();
		jdbc.sql("update knowledge_article set published_version_id = ? where id = ?").params(version, article)
			.update();
		return article;
	}

	/** Publishes a draft as it stands as its version 1, straight in the tables (no approval, no index). */
	public static void publish(JdbcClient jdbc, long article) {
		long version = jdbc.sql("""
				insert into knowledge_article_version (article_id, number, title, body, category, tags, visibility,
				    content_hash, status, submitted_by)
				select id, 1, title, body, category, tags, visibility, repeat('0', 64), 'PUBLISHED', owner_id
				from knowledge_article where id = ? returning id""").param(article).query(Long.class).single();
		jdbc.sql("update knowledge_article set published_version_id = ?, status = 'PUBLISHED' where id = ?")
			.params(version, article).update();
	}
}
