package org.yunwei.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

/**
 * The authors' pages: a refused form changes nothing and says why beside the field; readers without the right are
 * refused before the article is read; services and configuration items must be known to the author; owners are
 * reminded once per review date.
 */
class KnowledgeAuthoringIntegrationTests extends IntegrationTestSupport {

	@Autowired
	KnowledgeReviewReminders reminders;

	KnowledgeWorld world;

	@BeforeEach
	void world() {
		world = new KnowledgeWorld(jdbc, port);
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		session.signIn(username, TestDirectory.PASSWORD, null);
		return session;
	}

	private long articles(long partyId) {
		return jdbc.sql("select count(*) from knowledge_article where party_id = ?").param(partyId).query(Long.class)
			.single();
	}

	@Test
	void aRefusedFormIsShownAgainAsTypedAndSavesNothing() {
		WebSession author = signedIn(world.author);
		var refused = author.submit("/knowledge/new", "/knowledge/articles", Map.of("title", "", "body", "## 步骤",
				"category", "网络", "tags", "VPN, 远程", "visibility", "CUSTOMER", "reviewDate", "明天"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("title-error").contains("知识未保存").contains("## 步骤")
			.contains("VPN, 远程");
		assertThat(articles(world.provider)).isZero();

		var dated = author.submit("/knowledge/new", "/knowledge/articles", Map.of("title", "VPN 连接超时的处理",
				"body", "## 步骤", "category", "网络", "visibility", "INTERNAL", "reviewDate", "2026-13-40"));
		assertThat(dated.body()).contains("reviewDate-error").contains("请填写有效的日期");
		assertThat(articles(world.provider)).isZero();

		var saved = author.submit("/knowledge/new", "/knowledge/articles", Map.of("title", "VPN 连接超时的处理",
				"body", "## 步骤\n\n1. 检查网络", "category", "网络", "tags", "VPN，远程 办公", "visibility",
				"INTERNAL", "reviewDate", "2099-01-01"));
		assertThat(saved.status()).isEqualTo(302);
		long id = Long.parseLong(saved.location().replaceAll(".*/knowledge/(\\d+)$", "$1"));
		var page = author.follow(saved);
		assertThat(page.body()).contains("知识已保存").contains("article-submit").contains("<h2>步骤</h2>");
		assertThat(jdbc.sql("select array_to_string(tags, '|') from knowledge_article where id = ?").param(id)
			.query(String.class).single()).isEqualTo("VPN|远程|办公");
		assertThat(world.audits("KNOWLEDGE_ARTICLE_CREATED", id)).isEqualTo(1);
	}

	@Test
	void unknownServicesAndItemsAreRefusedAndNothingIsSaved() {
		String token = world.token(world.author);
		Map<String, Object> form = new java.util.HashMap<>(world.form("打印机连接失败的处理方法", "检查网线", "CUSTOMER"));
		form.put("serviceIds", List.of(Long.MAX_VALUE));
		form.put("configurationItemIds", List.of(Long.MAX_VALUE));
		var refused = world.api.post("/api/v1/knowledge/articles", token, form);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.toString()).contains("serviceIds").contains("configurationItemIds");
		assertThat(articles(world.provider)).isZero();
	}

	@Test
	void theAuthorsPagesRefuseReadersWithoutTheRightBeforeReadingTheArticle() {
		long id = world.create(world.token(world.author), "邮件客户端配置说明", "打开设置", "CUSTOMER");
		WebSession customer = signedIn(world.customer);
		for (String path : List.of("/knowledge/new", "/knowledge/articles", "/knowledge/" + id + "/edit",
				"/knowledge/" + id + "/versions", "/knowledge/" + id + "/diff", "/knowledge/999999999/edit")) {
			assertThat(customer.get(path).status()).as(path).isEqualTo(403);
		}
		// another provider's author: the article is not theirs to see
		long other = world.directory.orgUnit(world.directory.party("PROVIDER", TestDirectory.unique("别的公司")), null,
				"服务台");
		WebSession stranger = signedIn(world.directory.user(other, "SERVICE_DESK_AGENT"));
		assertThat(stranger.get("/knowledge/" + id + "/edit").status()).isEqualTo(404);
		assertThat(stranger.submit("/knowledge/articles", "/knowledge/" + id + "/retire", Map.of()).status())
			.isEqualTo(404);
		assertThat(world.status(id)).isEqualTo("DRAFT");
	}

	@Test
	void theAuthorEditsSubmitsAndWithdrawsInTheBrowserPages() {
		long id = world.create(world.token(world.author), "邮件客户端配置说明", "打开设置", "INTERNAL");
		WebSession author = signedIn(world.author);
		var revised = author.submit("/knowledge/" + id + "/edit", "/knowledge/" + id, Map.of("title", "邮件客户端配置",
				"body", "打开设置\n\n填写服务器", "category", "邮件", "visibility", "CUSTOMER"));
		assertThat(revised.status()).isEqualTo(302);
		assertThat(world.audits("KNOWLEDGE_ARTICLE_REVISED", id)).isEqualTo(1);
		var submitted = author.submit("/knowledge/" + id, "/knowledge/" + id + "/submit", Map.of());
		assertThat(author.follow(submitted).body()).contains("已提交入库审批").contains("article-withdraw");
		assertThat(world.status(id)).isEqualTo("IN_REVIEW");
		// in review the article cannot be retired: the page says why and changes nothing
		var refused = author.submit("/knowledge/" + id, "/knowledge/" + id + "/retire", Map.of());
		assertThat(author.follow(refused).body()).contains("只有已发布的知识可以停用");
		assertThat(world.status(id)).isEqualTo("IN_REVIEW");
		var versions = author.get("/knowledge/" + id + "/versions");
		assertThat(versions.body()).contains("version-1-status").contains("审核中");
		var preview = author.post("/knowledge/preview", Map.of("body", "## 标题\n\n<script>alert(1)</script>"));
		assertThat(preview.body()).contains("<h2>标题</h2>").doesNotContain("<script>");
	}

	@Test
	void supervisionReadsAnArticleInReviewItsVersionsAndItsDiffReadOnly() {
		String token = world.token(world.author);
		long id = world.create(token, "问题 PRB-1 的根因：交换机环路", "## 根因\n\n交换机端口环路", "INTERNAL");
		world.submit(token, id);
		String supervisor = world.directory.user(world.directory.orgUnit(
				world.directory.party("SUPERVISION", TestDirectory.unique("监理公司")), null, "监理组"), "SUPERVISOR");
		WebSession supervision = signedIn(supervisor);
		var page = supervision.get("/knowledge/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("交换机环路").contains("article-audited").contains("审核中")
			.doesNotContain("article-withdraw").doesNotContain("article-edit");
		var versions = supervision.get("/knowledge/" + id + "/versions");
		assertThat(versions.status()).isEqualTo(200);
		assertThat(versions.body()).contains("version-1-status").contains("审核中");
		long version = world.pending(id).id();
		assertThat(supervision.get("/knowledge/" + id + "/diff?from=" + version + "&to=" + version).status())
			.isEqualTo(200);
		String supervisionToken = world.token(supervisor);
		var read = world.api.get("/api/v1/knowledge/articles/" + id, supervisionToken);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("audited").asBoolean()).isTrue();
		assertThat(read.json().get("status").asText()).isEqualTo("IN_REVIEW");
		assertThat(world.api.get("/api/v1/knowledge/articles/" + id + "/versions", supervisionToken).status())
			.isEqualTo(200);
		// read-only: the authors' pages and acts stay refused, and nothing changes
		assertThat(supervision.get("/knowledge/" + id + "/edit").status()).isEqualTo(403);
		assertThat(world.api.post("/api/v1/knowledge/articles/" + id + "/withdraw", supervisionToken, null).status())
			.isEqualTo(403);
		assertThat(world.status(id)).isEqualTo("IN_REVIEW");
		// a customer still finds nothing of it
		assertThat(signedIn(world.customer).get("/knowledge/" + id).status()).isEqualTo(404);
	}

	@Test
	void ownersAreRemindedOncePerReviewDate() {
		long id = world.create(world.token(world.author), "打印机驱动更新", "下载驱动", "INTERNAL");
		long version = jdbc.sql("""
				insert into knowledge_article_version (article_id, number, title, body, category, tags, visibility,
				    content_hash, status, submitted_by)
				select id, 1, title, body, category, tags, visibility, repeat('0', 64), 'PUBLISHED', owner_id
				from knowledge_article where id = ? returning id""").param(id).query(Long.class).single();
		LocalDate today = LocalDate.of(2031, 3, 10);
		jdbc.sql("""
				update knowledge_article set status = 'PUBLISHED', published_version_id = ?, review_date = ?
				where id = ?""").params(version, java.sql.Date.valueOf(today.plusDays(3)), id).update();
		long owner = world.directory.userId(world.author);

		assertThat(reminders.remind(today)).isGreaterThanOrEqualTo(1);
		assertThat(world.audits("KNOWLEDGE_REVIEW_REMINDED", id)).isEqualTo(1);
		reminders.remind(today);
		assertThat(world.audits("KNOWLEDGE_REVIEW_REMINDED", id)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notification where user_id = ? and link = ?")
			.params(owner, "/knowledge/" + id).query(Long.class).single()).isEqualTo(1);

		jdbc.sql("update knowledge_article set review_date = ? where id = ?")
			.params(java.sql.Date.valueOf(today.plusDays(200)), id).update();
		reminders.remind(today.plusDays(190));
		assertThat(world.audits("KNOWLEDGE_REVIEW_REMINDED", id)).isEqualTo(2);
	}
}
