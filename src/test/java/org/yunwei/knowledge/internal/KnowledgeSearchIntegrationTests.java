package org.yunwei.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.knowledge.internal.search.IndexFollower;
import org.yunwei.knowledge.internal.search.KnowledgeChangeLog;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

import tools.jackson.databind.JsonNode;

/**
 * The Chinese corpus through {@code GET /api/v1/knowledge/search}: each article written, submitted and
 * granted (the approval module's decision delivered to the publication as its listener does).
 */
class KnowledgeSearchIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ArticlePublication publication;

	@Autowired
	IndexFollower follower;

	@Autowired
	KnowledgeChangeLog changes;

	KnowledgeWorld world;
	String author;

	@BeforeEach
	void world() {
		world = new KnowledgeWorld(jdbc, port);
		author = world.token(world.author);
		// the start's build of a new index runs in the background: a publication during it is applied as it ends,
		// after these tests would search; wait for it
		follower.catchUp();
	}

	private long published(String title, String body, String visibility) {
		long id = world.create(author, title, body, visibility);
		world.submit(author, id);
		var pending = world.pending(id);
		publication.granted(pending.id(), pending.contentHash(), Instant.now());
		assertThat(world.status(id)).isEqualTo("PUBLISHED");
		return id;
	}

	private List<Long> found(String token, String q) {
		var response = world.api.get("/api/v1/knowledge/search?q=" + java.net.URLEncoder.encode(q,
				java.nio.charset.StandardCharsets.UTF_8) + "&limit=50", token);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		for (JsonNode hit : response.json()) {
			ids.add(hit.get("articleId").asLong());
		}
		return ids;
	}

	@Test
	void theChineseCorpusIsFoundAsReadersAskForIt() {
		long printer = published("打印机连接失败的处理方法", "检查打印机电源和网线，重新添加打印机。", "INTERNAL");
		long vpn = published("VPN 连接超时的排查", "客户端提示 timeout 时，先确认账号是否过期，再检查防火墙。", "INTERNAL");
		long networkTitle = published("网络故障报修指南", "先记录故障现象再报修。", "INTERNAL");
		long networkBody = published("办公电脑常见问题", "无法上网时检查网络连接和网线。", "INTERNAL");
		long slow = published("系统访问很慢怎么办", "清理浏览器缓存后重试。", "INTERNAL");
		long mail = published("邮箱容量已满的清理", "删除大附件即可。", "INTERNAL");

		List<Long> printing = found(author, "打印机无法连接");
		assertThat(printing).isNotEmpty();
		assertThat(printing.get(0)).isEqualTo(printer);
		assertThat(found(author, "VPN 连接超时").get(0)).isEqualTo(vpn);
		assertThat(found(author, "vpn timeout")).contains(vpn);

		List<Long> network = found(author, "网络");
		assertThat(network).contains(networkTitle, networkBody).doesNotContain(mail);
		// the title match ranks before the body match
		assertThat(network.indexOf(networkTitle)).isLessThan(network.indexOf(networkBody));
		assertThat(found(author, "慢")).contains(slow).doesNotContain(mail, printer);

		var hit = world.api.get("/api/v1/knowledge/search?q=" + java.net.URLEncoder.encode("网线",
				java.nio.charset.StandardCharsets.UTF_8), author).json().get(0);
		assertThat(hit.get("snippet").asString()).contains("<mark>");
	}

	@Test
	void customersFindOnlyWhatIsPublishedForThemAndARetiredArticleDisappearsAtOnce() {
		long open = published("无线网络密码修改说明", "在门户修改无线密码。", "CUSTOMER");
		long internal = published("无线网络控制器重启步骤", "登录控制器执行重启。<script>alert(1)</script>",
				"INTERNAL");
		String customer = world.token(world.customer);
		assertThat(found(customer, "无线网络")).contains(open).doesNotContain(internal);
		assertThat(found(author, "无线网络")).contains(open, internal);
		String other = new KnowledgeWorld(jdbc, port).author;
		assertThat(found(world.token(other), "无线网络")).contains(open).doesNotContain(internal);
		assertThat(world.api.get("/api/v1/knowledge/articles/" + internal, customer).status()).isEqualTo(404);
		assertThat(world.api.get("/api/v1/knowledge/search?q=" + java.net.URLEncoder.encode("控制器",
				java.nio.charset.StandardCharsets.UTF_8), author).body()).doesNotContain("<script>");

		// global search and the pages answer the same
		String global = world.api.get("/api/v1/search?kind=article&q=" + java.net.URLEncoder.encode("无线网络",
				java.nio.charset.StandardCharsets.UTF_8), customer).body();
		assertThat(global).contains("\"link\":\"/knowledge/" + open + "\"")
			.doesNotContain("\"link\":\"/knowledge/" + internal + "\"");
		WebSession reader = new WebSession(port);
		reader.signIn(world.customer, TestDirectory.PASSWORD, null);
		assertThat(reader.get("/knowledge/" + open).body()).contains("无线网络密码修改说明", "在门户修改无线密码");
		assertThat(reader.get("/knowledge/" + internal).status()).isEqualTo(404);
		String page = reader.get("/knowledge?q=" + java.net.URLEncoder.encode("无线网络",
				java.nio.charset.StandardCharsets.UTF_8)).body();
		assertThat(page).contains("knowledge-hit-" + open, "<mark>").doesNotContain("knowledge-hit-" + internal);

		assertThat(world.api.post("/api/v1/knowledge/articles/" + open + "/retire", author, null).status())
			.isEqualTo(200);
		assertThat(found(customer, "无线网络")).doesNotContain(open);
		assertThat(found(author, "无线网络")).doesNotContain(open).contains(internal);
		assertThat(world.api.get("/api/v1/knowledge/articles/" + open, customer).status()).isEqualTo(404);
		assertThat(world.audits("KNOWLEDGE_ARTICLE_RETIRED", open)).isEqualTo(1);
	}

	@Test
	void aChangeCommittedButNotYetIndexedIsAppliedByTheNextCatchUpAndARebuildKeepsWhatReadersFind() {
		long id = published("磁盘空间不足告警处理", "清理日志目录。", "INTERNAL");
		assertThat(found(author, "磁盘空间")).contains(id);
		// as if the application stopped between the commit and the index: the change is in the log only
		jdbc.sql("update knowledge_article set status = 'RETIRED' where id = ?").param(id).update();
		long change = changes.record(id);
		// the next catch-up applies it (this one, or the periodic one of this node if it came first)
		follower.catchUp();
		assertThat(follower.applied()).isGreaterThanOrEqualTo(change);
		assertThat(follower.catchUp()).isZero();
		assertThat(found(author, "磁盘空间")).doesNotContain(id);

		long kept = published("磁盘阵列巡检步骤", "查看阵列状态灯。", "INTERNAL");
		assertThat(follower.rebuild()).isPositive();
		assertThat(found(author, "磁盘")).contains(kept).doesNotContain(id);
		assertThat(follower.catchUp()).isZero();
	}
}
