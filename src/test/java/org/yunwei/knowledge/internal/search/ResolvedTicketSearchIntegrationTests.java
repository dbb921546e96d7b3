package org.yunwei.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * The 日常问题查询库 through {@code GET /api/v1/knowledge/resolved-tickets} and its page: tickets opened on the portal,
 * resolved by the world's agent through the API, their events delivered to the index's listener as in production.
 */
class ResolvedTicketSearchIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ResolvedTicketFollower follower;

	@Autowired
	ResolvedTicketChangeLog changes;

	TicketFixtures world;
	String agent;

	@BeforeEach
	void world() {
		world = new TicketFixtures(jdbc, api());
		agent = world.token(world.agent);
	}

	/** Opens a ticket as the bureau's user, has the agent resolve it, and waits until the index applied that. */
	private long resolved(String subject, String description, String resolution) {
		return resolved("INCIDENT", subject, description, resolution);
	}

	private long resolved(String type, String subject, String description, String resolution) {
		Map<String, Object> body = world.ticket(subject);
		body.put("type", type);
		body.put("description", description);
		var opened = world.api.post("/api/v1/tickets", world.token(world.bureauUser), body);
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		long id = opened.json().get("ticket").get("id").asLong();
		ok(world.api.post("/api/v1/tickets/" + id + "/assign", agent,
				Map.of("groupId", world.firstLine, "assigneeUserId", world.userId(world.agent))));
		resolve(id, resolution);
		return id;
	}

	private void resolve(long id, String resolution) {
		long mark = changes.last();
		ok(world.api.post("/api/v1/tickets/" + id + "/resolve", agent,
				Map.of("resolutionCode", "SOLVED", "resolutionText", resolution)));
		applied(id, mark);
	}

	/** Waits for the listener to log a change of the ticket after {@code mark} and for the index to apply it. */
	private void applied(long ticketId, long mark) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Long seq = jdbc.sql("select max(seq) from knowledge_ticket_change where ticket_id = ? and seq > ?")
				.params(ticketId, mark).query(Long.class).single();
			return seq != null && follower.applied() >= seq;
		});
	}

	private static void ok(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	private JsonNode page(String token, String q, String more) {
		var response = world.api.get("/api/v1/knowledge/resolved-tickets?q=" + encode(q) + more, token);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private List<Long> found(String token, String q) {
		List<Long> ids = new ArrayList<>();
		for (JsonNode hit : page(token, q, "&limit=50").get("hits")) {
			ids.add(hit.get("ticketId").asLong());
		}
		return ids;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@Test
	void theSuggestionsWhileATicketIsWrittenAreIncidentsMostLikeItsSubjectFirst() {
		String place = TestDirectory.unique("档案馆");
		long request = resolved("SERVICE_REQUEST", place + "会议室投影仪无信号", "申请检查投影仪。", "更换 HDMI 线。");
		long incident = resolved(place + "会议室投影仪无信号", "开会时投影仪突然无信号。", "更换 HDMI 线后恢复。");
		long lessLike = resolved(place + "打印机卡纸", "会议室旁的打印机卡纸。", "取出卡纸。");

		var answer = world.api.get("/api/v1/knowledge/suggestions?subject=" + encode(place + "会议室投影仪无信号"),
				agent);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		List<Long> incidents = new ArrayList<>();
		answer.json().get("incidents").forEach(hit -> incidents.add(hit.get("ticketId").asLong()));
		assertThat(incidents).as("incidents only, the most alike first").startsWith(incident)
			.doesNotContain(request);
		if (incidents.contains(lessLike)) {
			assertThat(incidents.indexOf(lessLike)).isGreaterThan(incidents.indexOf(incident));
		}
		assertThat(found(agent, place + "会议室投影仪无信号")).as("the 日常问题查询库 finds both kinds")
			.contains(request, incident);
	}

	@Test
	void chineseQueriesFindResolvedTicketsAsTheyFindArticles() {
		long printer = resolved("打印机连接失败", "三楼共享打印机提示脱机。", "重新安装驱动后连接恢复。");
		long vpn = resolved("VPN 连接超时", "在家办公时客户端提示 timeout。", "更新客户端证书后恢复。");
		long network = resolved("网络中断报修", "整层办公室断开。", "更换交换机端口。");
		long slow = resolved("系统访问很慢", "审批页面打开要一分钟。", "清理浏览器缓存后恢复。");
		long mail = resolved("邮箱容量已满", "无法收信。", "删除大附件。");
		var open = world.api.post("/api/v1/tickets", world.token(world.bureauUser), world.ticket("打印机连接失败又来了"));
		long stillOpen = open.json().get("ticket").get("id").asLong();

		List<Long> printing = found(agent, "打印机无法连接");
		assertThat(printing).isNotEmpty().doesNotContain(stillOpen);
		assertThat(printing.get(0)).isEqualTo(printer);
		assertThat(found(agent, "VPN 连接超时").get(0)).isEqualTo(vpn);
		assertThat(found(agent, "vpn timeout")).contains(vpn);
		// one and two characters; the resolution is searched too
		assertThat(found(agent, "网络")).contains(network).doesNotContain(mail, slow);
		assertThat(found(agent, "慢")).contains(slow).doesNotContain(mail, printer);
		assertThat(found(agent, "交换机")).containsExactly(network);

		JsonNode hit = page(agent, "证书", "").get("hits").get(0);
		assertThat(hit.get("ticketId").asLong()).isEqualTo(vpn);
		assertThat(hit.get("snippet").asString()).contains("<mark>证书</mark>");
		assertThat(hit.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(hit.get("link").asString()).isEqualTo("/tickets/" + vpn);
		assertThat(hit.get("number").asString()).startsWith("INC-");
	}

	@Test
	void aReaderFindsOnlyTheTicketsTheTicketModuleLetsThemRead() {
		long ticket = resolved("蓝牙键盘失灵", "会议室的蓝牙键盘无法输入。", "更换键盘电池后恢复。");
		String bureau = world.token(world.bureauUser);
		assertThat(found(bureau, "蓝牙键盘")).containsExactly(ticket);
		assertThat(page(bureau, "蓝牙键盘", "").get("hits").get(0).get("link").asString())
			.isEqualTo("/portal/tickets/" + ticket);
		assertThat(found(agent, "蓝牙键盘")).containsExactly(ticket);
		assertThat(found(world.managerToken, "蓝牙键盘")).contains(ticket);
		// a department below the bureau does not see the bureau's tickets, nor another customer, nor another provider
		assertThat(found(world.token(world.departmentUser), "蓝牙键盘")).isEmpty();
		TestDirectory directory = world.directory;
		long otherCustomer = directory.orgUnit(directory.party("CUSTOMER", TestDirectory.unique("别的委办局")), null,
				"办公室");
		assertThat(found(world.token(directory.user(otherCustomer)), "蓝牙键盘")).isEmpty();
		long otherProvider = directory.orgUnit(directory.party("PROVIDER", TestDirectory.unique("别的公司")), null,
				"服务台");
		assertThat(found(world.token(directory.user(otherProvider, "SERVICE_DESK_AGENT")), "蓝牙键盘")).isEmpty();
		// whoever may read no ticket may not search them
		var administrator = world.api.get("/api/v1/knowledge/resolved-tickets?q=" + encode("蓝牙键盘"),
				world.administratorToken("SYSTEM_ADMIN"));
		assertThat(administrator.status()).isEqualTo(403);

		// the pages answer the same
		WebSession customer = new WebSession(port);
		customer.signIn(world.bureauUser, TestDirectory.PASSWORD, null);
		String mine = customer.get("/knowledge/resolved-tickets?q=" + encode("蓝牙键盘")).body();
		assertThat(mine).contains("tickets-hit-" + ticket, "/portal/tickets/" + ticket, "<mark>", "已解决");
		assertThat(customer.get("/knowledge").body()).contains("tab-resolved-tickets");
		WebSession department = new WebSession(port);
		department.signIn(world.departmentUser, TestDirectory.PASSWORD, null);
		assertThat(department.get("/knowledge/resolved-tickets?q=" + encode("蓝牙键盘")).body())
			.contains("tickets-empty").doesNotContain("tickets-hit-" + ticket);
	}

	@Test
	void aReopenedTicketLeavesTheIndexAndComesBackWithItsNewResolution() {
		// no character of the first resolution elsewhere in the ticket: any term of a query may match (as for
		// articles), so 搓纸轮 would still find a ticket whose description says 卡纸
		long ticket = resolved("复印机报错停机", "复印机频繁报错。", "更换搓纸轮。");
		assertThat(found(agent, "搓纸轮")).containsExactly(ticket);

		long mark = changes.last();
		ok(world.api.post("/api/v1/tickets/" + ticket + "/reopen", world.token(world.bureauUser),
				Map.of("comment", "又坏了")));
		applied(ticket, mark);
		assertThat(found(agent, "复印机")).doesNotContain(ticket);
		assertThat(follower.catchUp()).isZero();

		resolve(ticket, "更换定影组件。");
		assertThat(found(agent, "定影组件")).containsExactly(ticket);
		assertThat(found(agent, "搓纸轮")).isEmpty();
		// closed by the customer's confirmation: still found, as closed
		mark = changes.last();
		ok(world.api.post("/api/v1/tickets/" + ticket + "/confirm", world.token(world.bureauUser), Map.of()));
		applied(ticket, mark);
		assertThat(page(agent, "定影组件", "").get("hits").get(0).get("status").asString()).isEqualTo("CLOSED");
	}

	@Test
	void aChangeCommittedButNotYetIndexedIsAppliedByTheNextCatchUpAndARebuildKeepsWhatReadersFind() {
		long ticket = resolved("扫描仪无法识别", "扫描仪连上电脑没有反应。", "更换数据线。");
		assertThat(found(agent, "数据线")).containsExactly(ticket);
		// as if the application stopped between the listener's commit and the index: the change is in the log only
		jdbc.sql("update ticket set resolution_text = '重装扫描仪固件。' where id = ?").param(ticket).update();
		long change = changes.record(ticket);
		// the next catch-up (this one, or the periodic one of this node if it came first) applies it
		follower.catchUp();
		assertThat(follower.applied()).isGreaterThanOrEqualTo(change);
		assertThat(follower.catchUp()).isZero();
		assertThat(found(agent, "固件")).containsExactly(ticket);
		assertThat(found(agent, "数据线")).isEmpty();

		// a ticket reopened a moment ago, before the index applied it, never shows: the hits are checked
		long other = resolved("扫描仪卡纸", "扫描仪进纸卡住。", "清理进纸辊。");
		jdbc.sql("update ticket set status = 'IN_PROGRESS' where id = ?").param(other).update();
		assertThat(found(agent, "进纸辊")).isEmpty();
		jdbc.sql("update ticket set status = 'RESOLVED' where id = ?").param(other).update();

		assertThat(follower.rebuild()).isPositive();
		assertThat(found(agent, "扫描仪")).contains(ticket, other);
		assertThat(follower.catchUp()).isZero();
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndPagesFollowByCursor() {
		long first = resolved("投影仪没有信号", "投影仪显示无信号。", "更换转接头。");
		long second = resolved("投影仪画面发黄", "投影仪偏色。", "更换灯泡。");

		var missing = world.api.get("/api/v1/knowledge/resolved-tickets", agent);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").has("q")).isTrue();
		var limit = world.api.get("/api/v1/knowledge/resolved-tickets?q=x&limit=51", agent);
		assertThat(limit.status()).isEqualTo(400);
		assertThat(limit.json().get("errors").has("limit")).isTrue();
		var cursor = world.api.get("/api/v1/knowledge/resolved-tickets?q=x&cursor=%21%21", agent);
		assertThat(cursor.status()).isEqualTo(400);
		assertThat(cursor.json().get("errors").has("cursor")).isTrue();
		var tooLong = world.api.get("/api/v1/knowledge/resolved-tickets?q=" + "长".repeat(101), agent);
		assertThat(tooLong.status()).isEqualTo(400);

		JsonNode one = page(agent, "投影仪", "&limit=1");
		assertThat(one.get("hits")).hasSize(1);
		String next = one.get("next").asString();
		JsonNode two = page(agent, "投影仪", "&limit=1&cursor=" + next);
		assertThat(two.get("hits")).hasSize(1);
		assertThat(List.of(one.get("hits").get(0).get("ticketId").asLong(),
				two.get("hits").get(0).get("ticketId").asLong())).containsExactlyInAnyOrder(first, second);
		assertThat(two.get("next") == null || two.get("next").isNull()).isTrue();
	}
}
