package org.yunwei.ticket.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * Scope isolation on every ticket endpoint: a person of another customer or another provider neither reads nor
 * changes a ticket (404, as if it did not exist, and nothing changes); supervision reads everything and changes
 * nothing (403).
 */
class TicketScopeIntegrationTests extends IntegrationTestSupport {

	/** Every endpoint that names one ticket, with a body that would be valid for it. */
	private static final List<Endpoint> ONE_TICKET = List.of(
			new Endpoint("GET", "", null),
			new Endpoint("PATCH", "", Map.of("subject", "改")),
			new Endpoint("POST", "/assign", Map.of("groupId", 0)),
			new Endpoint("POST", "/start", Map.of()),
			new Endpoint("POST", "/pend", Map.of("reason", "CUSTOMER", "comment", "等")),
			new Endpoint("POST", "/resume", Map.of()),
			new Endpoint("POST", "/resolve", Map.of("resolutionCode", "SOLVED", "resolutionText", "好了")),
			new Endpoint("POST", "/close", Map.of()),
			new Endpoint("POST", "/confirm", Map.of()),
			new Endpoint("POST", "/reopen", Map.of("comment", "没好")),
			new Endpoint("POST", "/replies", Map.of("body", "你好")),
			new Endpoint("POST", "/notes", Map.of("body", "备注")),
			new Endpoint("POST", "/work-log", Map.of("minutes", 5, "body", "查看")),
			new Endpoint("POST", "/major", Map.of("major", true, "coordinatorUserId", 1)),
			new Endpoint("POST", "/major-updates", Map.of("body", "通报")));

	ApiClient api;
	TicketFixtures world;
	long ticket;
	String number;

	@BeforeEach
	void aTicketOfOneCustomer() {
		api = new ApiClient(port);
		world = new TicketFixtures(jdbc, api);
		JsonNode created = world.submitted("范围测试").get("ticket");
		ticket = created.get("id").asLong();
		number = created.get("number").asString();
	}

	@Test
	void anotherCustomerAndAnotherProviderFindNothingAndChangeNothing() {
		String otherCustomer = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("CUSTOMER", "另一委办局"), null, "办公室"), "SERVICE_DESK_AGENT"));
		String otherProvider = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("PROVIDER", "另一服务商"), null, "一部"), "SERVICE_DESK_MANAGER"));
		String department = world.token(world.departmentUser);
		int version = version();
		for (String token : List.of(otherCustomer, otherProvider, department)) {
			for (Endpoint endpoint : ONE_TICKET) {
				var response = api.send(endpoint.method(), "/api/v1/tickets/" + ticket + endpoint.path(), token,
						endpoint.body());
				assertThat(response.status()).as(endpoint + " " + response).isIn(403, 404);
			}
			assertThat(api.get("/api/v1/tickets/by-number/" + number, token).status()).isEqualTo(404);
			assertThat(api.get("/api/v1/tickets?q=" + number, token).json().get("items").size()).isZero();
			var bulk = api.post("/api/v1/tickets/bulk", token, Map.of("ids", List.of(ticket), "action", "CLOSE"));
			assertThat(bulk.status()).isIn(403, 422);
		}
		assertThat(version()).isEqualTo(version);
		assertThat(jdbc.sql("select count(*) from ticket_entry where ticket_id = ?").param(ticket).query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void supervisionReadsEveryTicketButChangesNone() {
		String supervisor = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("SUPERVISION", "监理单位"), null, "监理部"), "SUPERVISOR"));
		assertThat(api.get("/api/v1/tickets/" + ticket, supervisor).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/tickets?q=" + number, supervisor).json().get("items").size()).isEqualTo(1);
		int version = version();
		for (Endpoint endpoint : ONE_TICKET.subList(1, ONE_TICKET.size())) {
			var response = api.send(endpoint.method(), "/api/v1/tickets/" + ticket + endpoint.path(), supervisor,
					endpoint.body());
			assertThat(response.status()).as(endpoint + " " + response).isEqualTo(403);
		}
		assertThat(api.post("/api/v1/tickets", supervisor, world.ticket("监理不能建单")).status()).isEqualTo(403);
		assertThat(version()).isEqualTo(version);
	}

	@Test
	void theCustomerSeesPublicEntriesOnly() {
		api.post("/api/v1/tickets/" + ticket + "/notes", world.token(world.agent), Map.of("body", "内部备注：客户很急"));
		JsonNode agentView = api.get("/api/v1/tickets/" + ticket, world.token(world.agent)).json();
		JsonNode customerView = api.get("/api/v1/tickets/" + ticket, world.token(world.bureauUser)).json();
		assertThat(agentView.get("timeline").valueStream().map(e -> e.get("kind").asString())).contains("NOTE");
		assertThat(customerView.get("timeline").valueStream().map(e -> e.get("kind").asString()))
			.doesNotContain("NOTE");
		assertThat(customerView.get("actions").valueStream().map(JsonNode::asString)).doesNotContain("NOTE",
				"RESOLVE");
	}

	private int version() {
		return jdbc.sql("select version from ticket where id = ?").param(ticket).query(Integer.class).single();
	}

	private record Endpoint(String method, String path, Object body) {
	}
}
