package org.yunwei.ticket.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/** The ticket API through its lifecycle, with the SLA clocks it drives and the refusals that change nothing. */
class TicketApiIntegrationTests extends IntegrationTestSupport {

	ApiClient api;
	TicketFixtures world;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		world = new TicketFixtures(jdbc, api);
	}

	@Test
	void aCustomerSubmitsAndTheTicketGetsANumberAnAgreementAndRunningClocks() {
		JsonNode created = world.submitted("打印机故障");
		JsonNode ticket = created.get("ticket");
		assertThat(ticket.get("number").asString()).matches("INC-\\d{8}-\\d{4,}");
		assertThat(ticket.get("status").asString()).isEqualTo("NEW");
		assertThat(ticket.get("channel").asString()).isEqualTo("API");
		assertThat(ticket.get("priority").asString()).isEqualTo("P1");
		assertThat(ticket.get("providerPartyId").asLong()).isEqualTo(world.providerParty);
		assertThat(ticket.get("agreementId").asLong()).isEqualTo(world.agreement);
		assertThat(created.get("response").get("status").asString()).isEqualTo("RUNNING");
		assertThat(created.get("resolution").get("targetSeconds").asLong()).isEqualTo(4 * 3600);
		assertThat(ticket.get("resolutionDueAt").isNull()).isFalse();
		assertThat(auditCount("TICKET_CREATED", ticket.get("id").asLong())).isEqualTo(1);
	}

	@Test
	void anAgentWorksTheTicketThroughItsLifecycle() {
		long id = world.submitted("网络中断").get("ticket").get("id").asLong();
		String agent = world.token(world.agent);

		JsonNode assigned = api.post("/api/v1/tickets/" + id + "/assign", agent,
				Map.of("groupId", world.firstLine, "assigneeUserId", world.userId(world.agent))).json();
		assertThat(assigned.get("ticket").get("status").asString()).isEqualTo("ASSIGNED");

		JsonNode started = api.post("/api/v1/tickets/" + id + "/start", agent, Map.of()).json();
		assertThat(started.get("ticket").get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(started.get("response").get("status").asString()).isEqualTo("STOPPED");

		JsonNode pending = api.post("/api/v1/tickets/" + id + "/pend", agent,
				Map.of("reason", "CUSTOMER", "comment", "请提供打印机型号")).json();
		assertThat(pending.get("ticket").get("status").asString()).isEqualTo("PENDING");
		assertThat(pending.get("resolution").get("status").asString()).isEqualTo("PAUSED");
		assertThat(pending.get("ticket").get("resolutionDueAt").isNull()).isTrue();

		// the customer's reply resumes a ticket that waited for them
		JsonNode replied = api.post("/api/v1/tickets/" + id + "/replies", world.token(world.bureauUser),
				Map.of("body", "型号是 HP M404")).json();
		assertThat(replied.get("ticket").get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(replied.get("resolution").get("status").asString()).isEqualTo("RUNNING");

		var refused = api.post("/api/v1/tickets/" + id + "/resolve", agent, Map.of("resolutionCode", "SOLVED"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").has("resolutionText")).isTrue();

		JsonNode resolved = api.post("/api/v1/tickets/" + id + "/resolve", agent,
				Map.of("resolutionCode", "SOLVED", "resolutionText", "更换硒鼓后恢复")).json();
		assertThat(resolved.get("ticket").get("status").asString()).isEqualTo("RESOLVED");
		// the resolution is given: its clock stops (decision 0002), and runs again if the customer reopens
		assertThat(resolved.get("resolution").get("status").asString()).isEqualTo("STOPPED");

		JsonNode reopened = api.post("/api/v1/tickets/" + id + "/reopen", world.token(world.bureauUser),
				Map.of("comment", "又坏了")).json();
		assertThat(reopened.get("ticket").get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(reopened.get("resolution").get("status").asString()).isEqualTo("RUNNING");

		api.post("/api/v1/tickets/" + id + "/resolve", agent,
				Map.of("resolutionCode", "SOLVED", "resolutionText", "更换定影器"));
		JsonNode closed = api.post("/api/v1/tickets/" + id + "/confirm", world.token(world.bureauUser), Map.of())
			.json();
		assertThat(closed.get("ticket").get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("resolution").get("status").asString()).isEqualTo("STOPPED");

		List<String> kinds = closed.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList();
		assertThat(kinds).startsWith("CREATED").contains("REPLY", "STATUS_CHANGED").doesNotContain("NOTE");
	}

	@Test
	void invalidTransitionsAndBadInputAreRefusedAndChangeNothing() {
		long id = world.submitted("门禁故障").get("ticket").get("id").asLong();
		String agent = world.token(world.agent);
		var close = api.post("/api/v1/tickets/" + id + "/close", agent, Map.of());
		assertThat(close.status()).isEqualTo(422);
		assertThat(close.json().get("type").asString()).isEqualTo("urn:yunwei:problem:invalid-transition");

		Map<String, Object> unknownService = world.ticket("x");
		unknownService.put("serviceId", 987654321L);
		var refused = api.post("/api/v1/tickets", world.token(world.bureauUser), unknownService);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get("serviceId").asString()).isNotBlank();
		long notForTheBureau = jdbc.sql("""
				insert into catalog_service (category_id, code, name, provider_org_unit_id)
				select category_id, ?, ?, provider_org_unit_id from catalog_service where id = ? returning id""")
			.params(TestDirectory.unique("S"), TestDirectory.unique("机房运维"), world.service)
			.query(Long.class)
			.single();
		Map<String, Object> notOrderable = world.ticket("x");
		notOrderable.put("serviceId", notForTheBureau);
		var notOrdered = api.post("/api/v1/tickets", world.token(world.bureauUser), notOrderable);
		assertThat(notOrdered.status()).isEqualTo(400);
		assertThat(notOrdered.json().get("errors").get("serviceId").asString())
			.isNotEqualTo(refused.json().get("errors").get("serviceId").asString());

		var customerNote = api.post("/api/v1/tickets/" + id + "/notes", world.token(world.bureauUser),
				Map.of("body", "内部"));
		assertThat(customerNote.status()).isEqualTo(403);
		assertThat(api.get("/api/v1/tickets/" + id, agent).json().get("ticket").get("status").asString())
			.isEqualTo("NEW");
	}

	@Test
	void theDepartmentDoesNotSeeItsBureausTicketsButTheBureauSeesTheDepartments() {
		long bureauTicket = world.submitted("办公室工单").get("ticket").get("id").asLong();
		String department = world.token(world.departmentUser);
		assertThat(api.get("/api/v1/tickets/" + bureauTicket, department).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/tickets?q=办公室工单", department).json().get("items").size()).isZero();
		assertThat(api.get("/api/v1/tickets/" + bureauTicket, world.token(world.agent)).status()).isEqualTo(200);
		String otherProvider = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("PROVIDER", "别家运维"), null, "一部"), "SERVICE_DESK_AGENT"));
		assertThat(api.get("/api/v1/tickets/" + bureauTicket, otherProvider).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/tickets/" + bureauTicket + "/start", otherProvider, Map.of()).status())
			.isEqualTo(404);
	}

	@Test
	void theAgentQueueSortsByResolutionDueTime() {
		String agent = world.token(world.agent);
		long p3 = create(agent, 3, 3);
		long p1 = create(agent, 1, 1);
		JsonNode page = api.get("/api/v1/tickets?groupId=" + world.firstLine + "&status=open&sort=due&limit=1", agent)
			.json();
		assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(p1);
		JsonNode next = api.get("/api/v1/tickets?groupId=" + world.firstLine + "&status=open&sort=due&limit=1&cursor="
				+ page.get("next").asString(), agent).json();
		assertThat(next.get("items").get(0).get("id").asLong()).isEqualTo(p3);
	}

	private long create(String token, int impact, int urgency) {
		Map<String, Object> body = world.ticket("电话报障");
		body.put("customerOrgUnitId", world.bureau);
		body.put("reporterName", "张三");
		body.put("reporterContact", "13800138000");
		body.put("impact", impact);
		body.put("urgency", urgency);
		body.put("groupId", world.firstLine);
		var response = api.post("/api/v1/tickets", token, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().get("ticket").get("channel").asString()).isEqualTo("PHONE");
		return response.json().get("ticket").get("id").asLong();
	}

	private long auditCount(String action, long id) {
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(id))
			.query(Long.class)
			.single();
	}
}
