package org.yunwei.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.support.IntegrationTestSupport;

/**
 * 入库审批 through the API: a version is published only when the approval module grants it, for the hash submitted;
 * who approved which version is on record; a refusal makes the article a draft again with the reason.
 */
@EnableScenarios
class KnowledgePublicationIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ArticlePublication publication;

	KnowledgeWorld world;
	String author;

	@BeforeEach
	void world() {
		world = new KnowledgeWorld(jdbc, port);
		author = world.token(world.author);
	}

	@Test
	void anArticleIsPublishedOnlyOnceApprovedAndTheApproverOfThatVersionIsOnRecord(Scenario scenario) {
		long id = world.create(author, "邮件客户端配置说明", "## 步骤\n\n1. 打开设置", "CUSTOMER");
		assertThat(world.status(id)).isEqualTo("DRAFT");
		String customer = world.token(world.customer);
		assertThat(world.api.get("/api/v1/knowledge/articles/" + id, customer).status()).isEqualTo(404);

		long request = world.submit(author, id);
		assertThat(world.status(id)).isEqualTo("IN_REVIEW");
		// not yet published: the customer still cannot read it, and the draft cannot be changed meanwhile
		assertThat(world.api.get("/api/v1/knowledge/articles/" + id, customer).status()).isEqualTo(404);
		assertThat(world.api.put("/api/v1/knowledge/articles/" + id, author,
				world.form("改", "改", "CUSTOMER")).status()).isEqualTo(409);

		String lead = world.token(world.lead);
		scenario.stimulate(() -> world.api.post("/api/v1/approvals/" + request + "/decisions", lead,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> world.status(id), "PUBLISHED"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("PUBLISHED"));

		var read = world.api.get("/api/v1/knowledge/articles/" + id, customer);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("bodyHtml").asString()).contains("<h2>步骤</h2>");
		assertThat(read.json().get("workingCopy").asBoolean()).isFalse();
		var versions = world.api.get("/api/v1/knowledge/articles/" + id + "/versions", author).json();
		assertThat(versions.size()).isEqualTo(1);
		assertThat(versions.get(0).get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(versions.get(0).get("approvalRequestId").asLong()).isEqualTo(request);
		var approval = world.api.get("/api/v1/approvals/" + request, author).json();
		assertThat(approval.get("subjectType").asString()).isEqualTo(ArticlePublication.SUBJECT_TYPE);
		assertThat(approval.get("subjectId").asLong()).isEqualTo(versions.get(0).get("id").asLong());
		assertThat(approval.toString()).contains("\"deciderId\":" + world.directory.userId(world.lead));
		assertThat(world.audits("KNOWLEDGE_ARTICLE_CREATED", id)).isEqualTo(1);
		assertThat(world.audits("KNOWLEDGE_ARTICLE_SUBMITTED", id)).isEqualTo(1);
		assertThat(world.audits("KNOWLEDGE_ARTICLE_PUBLISHED", id)).isEqualTo(1);

		// a revision: readers keep version 1 until version 2 is approved; the diff shows what changed
		assertThat(world.api.put("/api/v1/knowledge/articles/" + id, author,
				world.form("邮件客户端配置说明", "## 步骤\n\n1. 打开设置\n2. 填写服务器", "CUSTOMER")).status())
			.isEqualTo(200);
		assertThat(world.api.get("/api/v1/knowledge/articles/" + id, customer).json().get("body").asString())
			.doesNotContain("填写服务器");
		long second = world.submit(author, id);
		scenario.stimulate(() -> world.api.post("/api/v1/approvals/" + second + "/decisions", lead,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> world.status(id), "PUBLISHED"::equals)
			.andVerify(status -> assertThat(world.api.get("/api/v1/knowledge/articles/" + id, customer).json()
				.get("body").asString()).contains("填写服务器"));
		var both = world.api.get("/api/v1/knowledge/articles/" + id + "/versions", author).json();
		assertThat(both.get(0).get("number").asInt()).isEqualTo(2);
		assertThat(both.get(1).get("status").asString()).isEqualTo("SUPERSEDED");
		var diff = world.api.get("/api/v1/knowledge/articles/" + id + "/diff?from=" + both.get(1).get("id").asLong()
				+ "&to=" + both.get(0).get("id").asLong(), author).json();
		assertThat(diff.toString()).contains("{\"change\":\"ADDED\",\"text\":\"2. 填写服务器\"}");
		// the customer reads, never writes nor sees the versions
		assertThat(world.api.get("/api/v1/knowledge/articles/" + id + "/versions", customer).status()).isEqualTo(403);
	}

	@Test
	void publishingWithoutApprovalIsRefusedAndARejectionMakesADraftWithTheReason(Scenario scenario) {
		long id = world.create(author, "内部值班交接说明", "交接内容", "INTERNAL");
		var version = world.pendingOrNull(id);
		assertThat(version).isNull();
		long request = world.submit(author, id);
		var pending = world.pending(id);
		// a grant for another hash (the content as it was not submitted) publishes nothing
		publication.granted(pending.id(), "0".repeat(64), Instant.now());
		assertThat(world.status(id)).isEqualTo("IN_REVIEW");
		assertThat(world.audits("KNOWLEDGE_ARTICLE_PUBLISHED", id)).isZero();

		String lead = world.token(world.lead);
		scenario.stimulate(() -> world.api.post("/api/v1/approvals/" + request + "/decisions", lead,
				Map.of("decision", "REJECT", "reason", "缺少回退步骤")))
			.andWaitForStateChange(() -> world.status(id), "DRAFT"::equals)
			.andVerify(status -> assertThat(world.api.get("/api/v1/knowledge/articles/" + id, author).json()
				.get("returnReason").asString()).isEqualTo("缺少回退步骤"));
		assertThat(world.audits("KNOWLEDGE_ARTICLE_NOT_APPROVED", id)).isEqualTo(1);

		// the grant of the rejected version, delivered late or twice, publishes nothing either
		publication.granted(pending.id(), pending.contentHash(), Instant.now());
		assertThat(world.status(id)).isEqualTo("DRAFT");
		assertThat(world.jdbc.sql("select count(*) from knowledge_article where id = ? and published_version_id "
				+ "is not null").param(id).query(Long.class).single()).isZero();
		assertThat(world.audits("KNOWLEDGE_ARTICLE_PUBLISHED", id)).isZero();
		// a draft cannot be retired, and nobody without KNOWLEDGE_MANAGE writes
		assertThat(world.api.post("/api/v1/knowledge/articles/" + id + "/retire", author, null).status())
			.isEqualTo(409);
		assertThat(world.api.post("/api/v1/knowledge/articles", world.token(world.customer),
				world.form("客户写的", "正文", "CUSTOMER")).status()).isEqualTo(403);
	}

	@Test
	void badInputIsRefusedWithTheFieldsAndChangesNothing() {
		long before = world.jdbc.sql("select count(*) from knowledge_article").query(Long.class).single();
		var refused = world.api.post("/api/v1/knowledge/articles", author,
				Map.of("title", " ", "body", "x", "category", "网络", "visibility", "PUBLIC"));
		assertThat(refused.status()).isIn(400, 422);
		assertThat(refused.body()).contains("title", "visibility");
		assertThat(world.jdbc.sql("select count(*) from knowledge_article").query(Long.class).single())
			.isEqualTo(before);
		assertThat(world.api.get("/api/v1/knowledge/search?q=", author).status()).isEqualTo(400);
		assertThat(world.api.get("/api/v1/knowledge/search?q=a&limit=0", author).status()).isEqualTo(400);
	}
}
