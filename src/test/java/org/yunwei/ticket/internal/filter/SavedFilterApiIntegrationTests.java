package org.yunwei.ticket.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/** Saved filters as queues: private or shared within the party, changed by their owner only, checked like the list. */
class SavedFilterApiIntegrationTests extends IntegrationTestSupport {

	ApiClient api;
	TicketFixtures world;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		world = new TicketFixtures(jdbc, api);
	}

	@Test
	void aSharedFilterIsOfferedToColleaguesOfTheSamePartyOnly() {
		String lead = world.token(world.lead);
		var created = api.post("/api/v1/ticket-filters", lead,
				filter("一线待办", "/tickets?sort=due&assignee=me&status=open&groupId=" + world.firstLine, true));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode saved = created.json();
		assertThat(saved.get("query").asString())
			.isEqualTo("status=open&groupId=" + world.firstLine + "&assignee=me&sort=due");
		assertThat(saved.get("mine").asBoolean()).isTrue();
		long id = saved.get("id").asLong();
		api.post("/api/v1/ticket-filters", lead, filter("我的私有", "status=PENDING", false));

		JsonNode colleagues = api.get("/api/v1/ticket-filters", world.token(world.agent)).json();
		assertThat(colleagues.valueStream().map(f -> f.get("name").asString())).contains("一线待办")
			.doesNotContain("我的私有");
		assertThat(colleagues.valueStream().filter(f -> f.get("id").asLong() == id).findFirst().orElseThrow()
			.get("mine").asBoolean()).isFalse();

		var colleagueChange = api.put("/api/v1/ticket-filters/" + id, world.token(world.agent),
				filter("改名", "status=open", true));
		assertThat(colleagueChange.status()).isEqualTo(403);

		String otherProvider = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("PROVIDER", "别家运维"), null, "一部"), "SERVICE_DESK_AGENT"));
		assertThat(api.get("/api/v1/ticket-filters", otherProvider).json().valueStream()
			.map(f -> f.get("name").asString())).doesNotContain("一线待办");
		assertThat(api.get("/api/v1/ticket-filters/" + id, otherProvider).status()).isEqualTo(404);

		assertThat(api.put("/api/v1/ticket-filters/" + id, lead, filter("一线待办", "status=open&sort=due", false))
			.json().get("shared").asBoolean()).isFalse();
		assertThat(api.delete("/api/v1/ticket-filters/" + id, lead).status()).isEqualTo(204);
		assertThat(audits(id)).containsExactly("TICKET_FILTER_SAVED", "TICKET_FILTER_CHANGED",
				"TICKET_FILTER_DELETED");
	}

	@Test
	void badQueriesTakenNamesAndCustomersAreRefusedAndNothingIsSaved() {
		String agent = world.token(world.agent);
		long before = count();

		var unknown = api.post("/api/v1/ticket-filters", agent, filter("坏参数", "status=open&colour=red", false));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").has("query")).isTrue();

		var badValue = api.post("/api/v1/ticket-filters", agent, filter("坏值", "status=SLEEPING", false));
		assertThat(badValue.status()).isEqualTo(400);
		assertThat(badValue.json().get("errors").has("query")).isTrue();

		var noName = api.post("/api/v1/ticket-filters", agent, filter(" ", "status=open", false));
		assertThat(noName.status()).isEqualTo(400);
		assertThat(noName.json().get("errors").has("name")).isTrue();

		assertThat(api.post("/api/v1/ticket-filters", agent, filter("超时", "overdue=true", false)).status())
			.isEqualTo(201);
		var taken = api.post("/api/v1/ticket-filters", agent, filter("超时", "major=true", false));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("errors").has("name")).isTrue();

		assertThat(api.post("/api/v1/ticket-filters", world.token(world.bureauUser),
				filter("客户", "status=open", false)).status()).isEqualTo(403);
		assertThat(count()).isEqualTo(before + 1);
	}

	@Test
	void supervisionKeepsQueuesOfItsOwnButSharesNone() {
		String supervisor = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("SUPERVISION", "监理单位"), null, "监理部"), "SUPERVISOR"));
		long before = count();
		var shared = api.post("/api/v1/ticket-filters", supervisor, filter("监理共享", "status=open", true));
		assertThat(shared.status()).as(shared.toString()).isEqualTo(403);
		assertThat(count()).isEqualTo(before);

		var own = api.post("/api/v1/ticket-filters", supervisor, filter("监理自用", "status=open", false));
		assertThat(own.status()).as(own.toString()).isEqualTo(201);
		long id = own.json().get("id").asLong();
		assertThat(api.put("/api/v1/ticket-filters/" + id, supervisor, filter("监理自用", "status=open", true))
			.status()).isEqualTo(403);
		assertThat(api.get("/api/v1/ticket-filters/" + id, supervisor).json().get("shared").asBoolean()).isFalse();
	}

	private static Map<String, Object> filter(String name, String query, boolean shared) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("query", query);
		body.put("shared", shared);
		return body;
	}

	private long count() {
		return jdbc.sql("select count(*) from ticket_saved_filter").query(Long.class).single();
	}

	private java.util.List<String> audits(long id) {
		return jdbc.sql("select action from audit_record where object_type = 'ticket_saved_filter' and object_id = ? "
				+ "order by id").param(String.valueOf(id)).query(String.class).list();
	}
}
