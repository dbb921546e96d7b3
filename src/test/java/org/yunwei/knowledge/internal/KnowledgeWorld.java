package org.yunwei.knowledge.internal;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient;
import org.yunwei.support.TestDirectory;

/**
 * A provider whose service desk writes articles (an agent, KNOWLEDGE_MANAGE), the unit's lead who approves them (the
 * default policy's one stage), a customer department, and the calls the knowledge tests make.
 */
final class KnowledgeWorld {

	final JdbcClient jdbc;
	final ApiClient api;
	final TestDirectory directory;
	final long provider;
	final long desk;
	final String author;
	final String lead;
	final String customer;

	KnowledgeWorld(JdbcClient jdbc, int port) {
		this.jdbc = jdbc;
		this.api = new ApiClient(port);
		this.directory = new TestDirectory(jdbc);
		provider = directory.party("PROVIDER", TestDirectory.unique("运维公司"));
		desk = directory.orgUnit(provider, null, "服务台");
		author = directory.user(desk, "SERVICE_DESK_AGENT");
		lead = directory.user(desk);
		jdbc.sql("update org_unit set lead_id = ? where id = ?").params(directory.userId(lead), desk).update();
		long customerParty = directory.party("CUSTOMER", TestDirectory.unique("委办局"));
		customer = directory.user(directory.orgUnit(customerParty, null, "办公室"));
	}

	String token(String username) {
		return Accounts.tokenFor(api, username, TestDirectory.PASSWORD, null);
	}

	Map<String, Object> form(String title, String body, String visibility) {
		return Map.of("title", title, "body", body, "category", "网络", "tags", List.of("运维"), "visibility",
				visibility, "reviewDate", "2099-01-01");
	}

	long create(String token, String title, String body, String visibility) {
		var created = api.post("/api/v1/knowledge/articles", token, form(title, body, visibility));
		if (created.status() != 201) {
			throw new IllegalStateException(created.toString());
		}
		return created.json().get("id").asLong();
	}

	/** Submits the draft; the approval request's id. */
	long submit(String token, long id) {
		var submitted = api.post("/api/v1/knowledge/articles/" + id + "/submit", token, null);
		if (submitted.status() != 200) {
			throw new IllegalStateException(submitted.toString());
		}
		return submitted.json().get("requestId").asLong();
	}

	String status(long id) {
		return jdbc.sql("select status from knowledge_article where id = ?").param(id).query(String.class).single();
	}

	ArticleVersionRecords.ArticleVersion pending(long id) {
		return jdbc.sql("""
				select v.id, v.content_hash from knowledge_article a join knowledge_article_version v
				    on v.id = a.pending_version_id where a.id = ?""").param(id)
			.query((rs, n) -> new ArticleVersionRecords.ArticleVersion(rs.getLong(1), id, 0, null, null, null, List.of(),
					null, rs.getString(2), null, null, 0, null, null, null))
			.single();
	}

	ArticleVersionRecords.ArticleVersion pendingOrNull(long id) {
		Long pending = jdbc.sql("select pending_version_id from knowledge_article where id = ?").param(id)
			.query(Long.class).optional().orElse(null);
		return pending == null ? null : pending(id);
	}

	long audits(String action, long id) {
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(id)).query(Long.class).single();
	}
}
