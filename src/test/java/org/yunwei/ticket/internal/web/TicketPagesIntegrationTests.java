package org.yunwei.ticket.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * The service desk's pages over HTTP with a signed-in session: forms that keep what was typed and put each mistake
 * beside its field, the workspace list with its countdowns, queues and bulk refusals, the fragments htmx asks for.
 */
class TicketPagesIntegrationTests extends IntegrationTestSupport {

	ApiClient api;
	TicketFixtures world;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		world = new TicketFixtures(jdbc, api);
	}

	@Test
	void thePortalFormKeepsWhatTheCustomerTypedAndSubmitsOnceItIsComplete() {
		WebSession customer = signedIn(world.bureauUser);
		assertThat(customer.get("/portal").body()).contains("id=\"request-" + world.service + "\"");
		assertThat(customer.get("/portal/tickets/new?serviceId=" + world.service).status()).isEqualTo(200);
		long before = ticketsReportedBy(world.bureauUser);

		Map<String, String> form = portalForm("", "打印机冒烟，有焦味");
		var refused = customer.post("/portal/tickets", form);

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"subject-error\"", "打印机冒烟，有焦味", "id=\"problem\"")
			.containsPattern("value=\"" + world.service + "\"\\s+selected");
		assertThat(ticketsReportedBy(world.bureauUser)).isEqualTo(before);

		var submitted = customer.post("/portal/tickets", portalForm("打印机冒烟", "打印机冒烟，有焦味"));
		assertThat(submitted.status()).isEqualTo(302);
		assertThat(submitted.location()).matches(".*/portal/tickets/\\d+");
		var detail = customer.follow(submitted);
		assertThat(detail.body()).contains("id=\"notice\"", "INC-", "打印机冒烟", "id=\"reply-form\"")
			.doesNotContain("id=\"rate\"");
		assertThat(customer.get("/portal/tickets").body()).contains("打印机冒烟");
		assertThat(customer.get("/tickets").location()).endsWith("/portal/tickets");
	}

	@Test
	void thePhoneFormShowsEveryMistakeBesideItsFieldAndOffersTheUnitsPeople() {
		WebSession agent = signedIn(world.agent);
		assertThat(agent.get("/tickets/new").status()).isEqualTo(200);
		long before = tickets();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("type", "INCIDENT");
		form.put("subject", "电话报修：会议室投影仪");
		form.put("description", "");
		form.put("customerOrgUnitId", "");
		form.put("reporterName", "");
		form.put("channel", "PHONE");
		form.put("impact", "1");
		form.put("urgency", "1");

		var refused = agent.post("/tickets", form);

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"description-error\"", "id=\"customerOrgUnitId-error\"",
				"id=\"reporterName-error\"", "value=\"电话报修：会议室投影仪\"");
		assertThat(tickets()).isEqualTo(before);

		assertThat(agent.htmx("/tickets/new/reporters?customerOrgUnitId=" + world.bureau).body())
			.contains("测试用户 " + world.bureauUser).doesNotContain("<html");
		assertThat(agent.htmx("/tickets/new/priority?impact=1&urgency=1").body()).contains("P1");

		form.put("description", "投影仪无信号");
		form.put("customerOrgUnitId", String.valueOf(world.bureau));
		form.put("reporterName", "李四");
		form.put("reporterContact", "13900000000");
		form.put("serviceId", String.valueOf(world.service));
		form.put("groupId", String.valueOf(world.firstLine));
		var created = agent.post("/tickets", form);
		assertThat(created.status()).isEqualTo(302);
		assertThat(agent.follow(created).body()).contains("电话报修：会议室投影仪", "countdown-resolution");
	}

	@Test
	void aRefusedActionIsDrawnOpenWithItsTextAndTheTicketStaysAsItWas() {
		long id = world.submitted("网络中断").get("ticket").get("id").asLong();
		WebSession agent = signedIn(world.agent);
		assertThat(agent.get("/tickets/" + id).body()).contains("id=\"ticket-countdowns\"", "every 60s");

		var refused = agent.post("/tickets/" + id + "/resolve", Map.of("resolutionCode", "SOLVED",
				"resolutionText", " "));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"resolve-text-error\"")
			.containsPattern("<details[^>]*id=\"resolve-box\"[^>]*open")
			.containsPattern("value=\"SOLVED\"\\s+selected");
		assertThat(status(id)).isEqualTo("NEW");

		var replied = agent.post("/tickets/" + id + "/reply", Map.of("body", "您好，已收到，马上处理。"));
		assertThat(replied.status()).isEqualTo(302);
		assertThat(agent.follow(replied).body()).contains("您好，已收到，马上处理。", "id=\"notice\"");
		var note = agent.post("/tickets/" + id + "/note", Map.of("body", "疑似交换机故障"));
		assertThat(note.status()).isEqualTo(302);

		var tab = agent.htmx("/tickets/" + id + "?tab=links");
		assertThat(tab.body()).contains("id=\"link-form\"").doesNotContain("<html");

		WebSession customer = signedIn(world.bureauUser);
		assertThat(customer.get("/tickets/" + id).location()).endsWith("/portal/tickets/" + id);
		assertThat(customer.get("/portal/tickets/" + id).body()).contains("您好，已收到，马上处理。")
			.doesNotContain("疑似交换机故障");
	}

	@Test
	void theWorkspaceListsQueuesWithCountdownsAndABulkRefusalNamesTheTicket() {
		long id = world.submitted("门禁失灵").get("ticket").get("id").asLong();
		String number = api.get("/api/v1/tickets/" + id, world.token(world.agent)).json().get("ticket").get("number")
			.asString();
		WebSession agent = signedIn(world.agent);

		var list = agent.get("/tickets?q=" + number + "&status=open&sort=due");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(number, "id=\"countdown-" + id + "\"", "hx-trigger=\"every 60s\"");
		assertThat(agent.htmx("/tickets/countdowns?ids=" + id).body()).contains("id=\"clock-" + id + "\"",
				"hx-swap-oob=\"true\"");

		var saved = agent.post("/tickets/filters", Map.of("name", "门禁队列", "query", "q=" + number + "&status=open"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(agent.follow(saved).body()).contains("门禁队列", "active fw-semibold");

		var bulk = agent.post("/tickets/bulk", Map.of("ids", String.valueOf(id), "action", "CLOSE", "back",
				"q=" + number));
		assertThat(bulk.status()).isEqualTo(200);
		assertThat(bulk.body()).contains("id=\"bulk-tickets\"", number);
		assertThat(status(id)).isEqualTo("NEW");

		var started = agent.post("/tickets/bulk", Map.of("ids", String.valueOf(id), "action", "START", "back",
				"q=" + number));
		assertThat(started.status()).isEqualTo(302);
		assertThat(status(id)).isEqualTo("IN_PROGRESS");
	}

	@Test
	void theGroupFormKeepsItsInputAndOnlyManagementChangesTheMatrix() {
		WebSession lead = signedIn(world.lead);
		assertThat(lead.get("/tickets/groups").body()).contains("id=\"group-" + world.firstLine + "\"");
		lead.get("/tickets/groups/new");
		long groups = jdbc.sql("select count(*) from ticket_group").query(Long.class).single();
		var refused = lead.post("/tickets/groups", Map.of("code", "bad code!", "name", "夜班组", "partyId",
				String.valueOf(world.providerParty), "memberIds", String.valueOf(world.userId(world.agent))));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"code-error\"", "value=\"夜班组\"")
			.containsPattern("id=\"member-" + world.userId(world.agent) + "\"[^>]*checked");
		assertThat(jdbc.sql("select count(*) from ticket_group").query(Long.class).single()).isEqualTo(groups);

		assertThat(lead.get("/tickets/priority-matrix").body()).contains("id=\"matrix-read-only\"");
		assertThat(lead.post("/tickets/priority-matrix", Map.of("cell-3-3", "P3")).status()).isEqualTo(403);

		WebSession management = signedIn(world.directory.user(world.managementUnit(), "SERVICE_DESK_MANAGER"));
		management.get("/tickets/priority-matrix");
		Map<String, String> cells = new LinkedHashMap<>();
		for (int i = 1; i <= 3; i++) {
			for (int u = 1; u <= 3; u++) {
				cells.put("cell-" + i + "-" + u, priority(i, u));
			}
		}
		cells.put("cell-2-2", "P9");
		var invalid = management.post("/tickets/priority-matrix", cells);
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).containsPattern("id=\"cell-2-2\"[^>]*is-invalid|is-invalid[^>]*id=\"cell-2-2\"");
		assertThat(priority(2, 2)).isEqualTo("P3");
	}

	@Test
	void theShellLeadsCustomersToThePortalAndAgentsToTheWorkspaceInBothLanguages() {
		assertThat(signedIn(world.bureauUser).get("/").body())
			.containsPattern("id=\"nav-servicedesk\"[^>]*href=\"/portal\"|href=\"/portal\"[^>]*id=\"nav-servicedesk\"");
		WebSession agent = signedIn(world.agent);
		assertThat(agent.get("/").body())
			.containsPattern("id=\"nav-servicedesk\"[^>]*href=\"/tickets\"|href=\"/tickets\"[^>]*id=\"nav-servicedesk\"")
			.doesNotContain("id=\"nav-ticket-groups\"");
		assertThat(signedIn(world.lead).get("/").body()).contains("id=\"nav-ticket-groups\"");
		assertThat(agent.get("/tickets?lang=en").body()).contains("Service desk", "Saved filters", "Record a ticket");
		assertThat(agent.get("/portal").location()).endsWith("/tickets");

		String document = api.get("/v3/api-docs", null).body();
		assertThat(document).contains("/api/v1/tickets/{id}/attachments", "/api/v1/tickets/{id}/links",
				"/api/v1/ticket-filters/{id}", "Attach a file", "Link the ticket to another", "Save a filter");
	}

	private String priority(int impact, int urgency) {
		return jdbc.sql("select priority from ticket_priority_matrix where impact = ? and urgency = ?")
			.params(impact, urgency).query(String.class).single();
	}

	private Map<String, String> portalForm(String subject, String description) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("serviceId", String.valueOf(world.service));
		form.put("type", "INCIDENT");
		form.put("subject", subject);
		form.put("description", description);
		form.put("urgency", "1");
		form.put("impact", "2");
		return form;
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		assertThat(session.signIn(username, TestDirectory.PASSWORD, null).status()).isEqualTo(302);
		return session;
	}

	private long ticketsReportedBy(String username) {
		return jdbc.sql("select count(*) from ticket where reporter_user_id = ?").param(world.userId(username))
			.query(Long.class).single();
	}

	private long tickets() {
		return jdbc.sql("select count(*) from ticket").query(Long.class).single();
	}

	private String status(long id) {
		return jdbc.sql("select status from ticket where id = ?").param(id).query(String.class).single();
	}
}
