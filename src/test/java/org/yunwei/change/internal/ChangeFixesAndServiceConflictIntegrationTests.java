package org.yunwei.change.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * Two changes on different items that reach a same business service at overlapping times conflict; a change is
 * linked to the incidents and problems it fixes, which then show it on their pages; bad links are refused naming the
 * field and change nothing; every change of the links is audited.
 */
class ChangeFixesAndServiceConflictIntegrationTests extends IntegrationTestSupport {

	@Test
	void changesOnItemsThatReachASameServiceAtOverlappingTimesConflict() {
		ChangeWorld world = new ChangeWorld(jdbc, api());
		long vmA = world.item("VIRTUAL_MACHINE", "社保主机-A", Map.of());
		long vmB = world.item("VIRTUAL_MACHINE", "社保主机-B", Map.of());
		long app = world.item("APPLICATION_SYSTEM", "社保核心系统", Map.of("dengbao_level", "L2"));
		long lone = world.item("VIRTUAL_MACHINE", "无关主机", Map.of());
		world.relate(app, vmA, "RUNS_ON");
		world.relate(app, vmB, "RUNS_ON");
		Map<String, Object> first = world.change("社保主机A扩容", List.of(vmA));
		first.put("plannedStart", "2097-05-10T02:00:00Z");
		first.put("plannedEnd", "2097-05-10T06:00:00Z");
		Map<String, Object> second = world.change("社保主机B补丁", List.of(vmB));
		second.put("plannedStart", "2097-05-10T04:00:00Z");
		second.put("plannedEnd", "2097-05-10T08:00:00Z");
		Map<String, Object> apart = world.change("无关主机补丁", List.of(lone));
		apart.put("plannedStart", "2097-05-10T04:00:00Z");
		apart.put("plannedEnd", "2097-05-10T08:00:00Z");
		long a = world.create(first).get("id").asLong();
		long b = world.create(second).get("id").asLong();
		long c = world.create(apart).get("id").asLong();
		String manager = world.token(world.manager);

		JsonNode month = api().get("/api/v1/change-calendar?month=2097-05", manager).json();
		assertThat(month.get("conflicts")).hasSize(1);
		JsonNode conflict = month.get("conflicts").get(0);
		assertThat(List.of(conflict.get("firstId").asLong(), conflict.get("secondId").asLong())).containsExactly(a, b);
		assertThat(conflict.get("sharedItemIds")).isEmpty();
		assertThat(conflict.get("sharedServiceIds").get(0).asLong()).isEqualTo(app);
		JsonNode ofB = api().get("/api/v1/changes/" + b + "/conflicts", manager).json();
		assertThat(ofB).hasSize(1);
		assertThat(ofB.get(0).get("secondId").asLong()).isEqualTo(a);
		assertThat(api().get("/api/v1/changes/" + c + "/conflicts", manager).json()).isEmpty();
		// the calendar's page says what the two share
		WebSession page = signedIn(world.manager);
		assertThat(page.get("/changes/calendar?month=2097-05").body()).contains("共同涉及 1 个业务服务或应用系统");
	}

	@Test
	void aChangeIsLinkedToTheIncidentsAndProblemsItFixesAndTheyShowIt() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		String lead = world.token(world.lead);
		long incident = world.submitted("门户网站访问缓慢").get("ticket").get("id").asLong();
		var problem = api().post("/api/v1/problems", lead, Map.of("source", "INCIDENT", "subject", "门户网站反复变慢",
				"description", "高峰时段门户网站响应超过十秒", "impact", "群众无法办事", "priority", "P2", "incidentIds",
				List.of(incident)));
		assertThat(problem.status()).as(problem.body()).isEqualTo(201);
		long problemId = problem.json().get("id").asLong();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", "门户网站扩容");
		body.put("necessity", "高峰时段响应缓慢");
		body.put("reason", "问题分析确认资源不足");
		body.put("category", "NORMAL");
		body.put("type", "APPLICATION");
		body.put("ciIds", List.of());
		body.put("steps", List.of(Map.of("description", "增加应用节点", "ownerId", world.userId(world.agent))));
		body.put("rollbackPlan", "下线新增节点");
		body.put("plannedStart", "2097-06-01T14:00:00Z");
		body.put("plannedEnd", "2097-06-01T16:00:00Z");
		var created = api().post("/api/v1/changes", lead, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long change = created.json().get("id").asLong();

		// refusals name the field and change nothing
		var unknown = api().put("/api/v1/changes/" + change + "/fixes", lead,
				Map.of("ticketIds", List.of(987654321L), "problemIds", List.of()));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("ticketIds");
		var badProblem = api().put("/api/v1/changes/" + change + "/fixes", lead,
				Map.of("ticketIds", List.of(incident), "problemIds", List.of(987654321L)));
		assertThat(badProblem.status()).isEqualTo(400);
		assertThat(badProblem.body()).contains("problemIds");
		List<Long> tooMany = new ArrayList<>();
		for (long i = 0; i < 51; i++) {
			tooMany.add(incident + i);
		}
		assertThat(api().put("/api/v1/changes/" + change + "/fixes", lead, Map.of("ticketIds", tooMany)).status())
			.isEqualTo(400);
		assertThat(api().get("/api/v1/changes/" + change + "/fixes", lead).json().get("incidents")).isEmpty();

		var linked = api().put("/api/v1/changes/" + change + "/fixes", lead,
				Map.of("ticketIds", List.of(incident), "problemIds", List.of(problemId)));
		assertThat(linked.status()).as(linked.body()).isEqualTo(200);
		assertThat(linked.json().get("incidents").get(0).get("id").asLong()).isEqualTo(incident);
		assertThat(linked.json().get("problems").get(0).get("id").asLong()).isEqualTo(problemId);
		assertThat(jdbc.sql("""
				select count(*) from audit_record where action = 'CHANGE_FIXES_SET' and object_type = 'change'
				  and object_id = ?""").param(String.valueOf(change)).query(Integer.class).single()).isEqualTo(1);

		// both sides show the change: the ticket's links tab and the problem's page
		WebSession session = signedIn(world.lead);
		String number = created.json().get("number").asString();
		assertThat(session.get("/tickets/" + incident + "?tab=links").body()).contains("fixing-change-" + change,
				number);
		assertThat(session.get("/problems/" + problemId).body()).contains("problem-change-" + change, number);
		assertThat(session.get("/changes/" + change).body()).contains("change-fix-ticket-" + incident,
				"change-fix-problem-" + problemId);
		// the picker finds the incident by its subject
		assertThat(session.get("/changes/fix-choices?q=" + java.net.URLEncoder.encode("门户网站",
				java.nio.charset.StandardCharsets.UTF_8)).body()).contains("fix-ticket-" + incident);

		// unlinking through the page's form empties both sides
		assertThat(api().put("/api/v1/changes/" + change + "/fixes", lead, Map.of()).status()).isEqualTo(200);
		assertThat(session.get("/problems/" + problemId).body()).contains("problem-changes-none")
			.doesNotContain("problem-change-" + change);
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		WebSession.Page answer = session.signIn(username, TestDirectory.PASSWORD, null);
		assertThat(answer.location()).as("sign-in of " + username).doesNotContain("error");
		return session;
	}
}
