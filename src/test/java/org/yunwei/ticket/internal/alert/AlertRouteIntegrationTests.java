package org.yunwei.ticket.internal.alert;

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

/** Alert routes through the API and the page: checks, one default per account, scope, audit. */
class AlertRouteIntegrationTests extends IntegrationTestSupport {

	private static TicketFixtures world;
	private static AlertFixtures alerts;

	private ApiClient api;

	@BeforeEach
	void world() {
		api = api();
		if (world == null) {
			world = new TicketFixtures(jdbc, api);
			alerts = new AlertFixtures(world);
		}
	}

	@Test
	void aManagerKeepsTheRoutesOfTheirAccountsAndEachChangeIsAudited() {
		var account = alerts.account();
		String lead = world.token(world.lead);
		long id = alerts.route(account.id(), Map.of("team", "dba"), world.service, world.firstLine, true);
		assertThat(audits("ALERT_ROUTE_CREATED", id)).isEqualTo(1);

		var changed = alerts.routeBody(account.id(), Map.of("team", "network"), null, world.secondLine, false);
		changed.put("position", 5);
		var updated = api.put("/api/v1/alert-routes/" + id, lead, changed);
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().get("matchers").get("team").asString()).isEqualTo("network");
		assertThat(updated.json().get("position").asInt()).isEqualTo(5);
		assertThat(updated.json().get("serviceId").isNull()).isTrue();
		assertThat(audits("ALERT_ROUTE_CHANGED", id)).isEqualTo(1);

		var listed = api.get("/api/v1/alert-routes?accountUserId=" + account.id(), lead).json();
		assertThat(listed.size()).isEqualTo(1);
		assertThat(listed.get(0).get("id").asLong()).isEqualTo(id);

		assertThat(api.delete("/api/v1/alert-routes/" + id, lead).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/alert-routes/" + id, lead).status()).isEqualTo(404);
		assertThat(audits("ALERT_ROUTE_DELETED", id)).isEqualTo(1);
	}

	@Test
	void badRoutesAreRefusedFieldByFieldAndChangeNothing() {
		var account = alerts.account();
		String lead = world.token(world.lead);
		long before = routeCount();

		Map<String, Object> body = new LinkedHashMap<>();
		body.put("accountUserId", world.userId(world.agent));
		body.put("name", " ");
		body.put("position", -1);
		body.put("matchers", Map.of("a=b", "x"));
		body.put("customerOrgUnitId", world.providerUnit);
		var refused = api.post("/api/v1/alert-routes", lead, body);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").propertyNames()).contains("accountUserId", "name", "position",
				"matchers", "customerOrgUnitId", "groupId");
		assertThat(refused.json().get("errors").get("accountUserId").asString()).contains("监控集成账号");

		var notOrderable = alerts.routeBody(account.id(), Map.of(), world.service, null, false);
		notOrderable.put("customerOrgUnitId",
				world.directory.orgUnit(world.directory.party("CUSTOMER", "不相干的局"), null, "办公室"));
		assertThat(api.post("/api/v1/alert-routes", lead, notOrderable).json().get("errors").has("serviceId"))
			.isTrue();

		alerts.route(account.id(), Map.of(), world.service, null, false);
		var second = api.post("/api/v1/alert-routes", lead,
				alerts.routeBody(account.id(), Map.of(), world.service, world.firstLine, false));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("errors").has("matchers")).isTrue();
		assertThat(routeCount()).isEqualTo(before + 1);
	}

	@Test
	void anotherProvidersManagerNeitherSeesNorUsesTheRoutesAndAgentsMayNotKeepThem() {
		var account = alerts.account();
		long id = alerts.route(account.id(), Map.of(), world.service, world.firstLine, false);

		long otherParty = world.directory.party("PROVIDER", "另一服务商");
		String otherManager = world.token(world.directory.user(world.directory.orgUnit(otherParty, null, "服务台"),
				"SERVICE_DESK_MANAGER"));
		assertThat(api.get("/api/v1/alert-routes/" + id, otherManager).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/alert-routes", otherManager).json().valueStream()
			.noneMatch(r -> r.get("id").asLong() == id)).isTrue();
		assertThat(api.put("/api/v1/alert-routes/" + id, otherManager,
				alerts.routeBody(account.id(), Map.of(), world.service, null, false)).status()).isEqualTo(404);
		var foreign = api.post("/api/v1/alert-routes", otherManager,
				alerts.routeBody(account.id(), Map.of("x", "y"), null, world.firstLine, false));
		assertThat(foreign.json().get("errors").propertyNames()).contains("accountUserId", "groupId");

		assertThat(api.get("/api/v1/alert-routes", world.token(world.agent)).status()).isEqualTo(403);
		String management = world.token(world.directory.user(world.managementUnit(), "SERVICE_DESK_MANAGER"));
		assertThat(api.get("/api/v1/alert-routes/" + id, management).status()).isEqualTo(200);
	}

	@Test
	void thePageListsTheRoutesAndKeepsWhatWasTypedWhenAFormIsRefused() {
		var account = alerts.account();
		long id = alerts.route(account.id(), Map.of(), world.service, world.firstLine, true);
		WebSession session = new WebSession(port);
		assertThat(session.signIn(world.lead, TestDirectory.PASSWORD, null).status()).isEqualTo(302);

		var page = session.get("/tickets/alert-routes");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("告警路由", "id=\"route-" + id + "\"", "默认路由", "自动解决",
				"id=\"route-new\"");

		Map<String, String> form = new LinkedHashMap<>();
		form.put("accountUserId", String.valueOf(account.id()));
		form.put("name", "数据库告警");
		form.put("position", "10");
		form.put("matchers", "service=mysql\nno equals sign");
		form.put("customerOrgUnitId", String.valueOf(world.bureau));
		form.put("groupId", String.valueOf(world.secondLine));
		var refused = session.post("/tickets/alert-routes", form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"matchers-error\"", "value=\"数据库告警\"", "no equals sign",
				"id=\"problem\"");

		form.put("matchers", "service=mysql");
		var saved = session.post("/tickets/alert-routes", form);
		assertThat(saved.status()).isEqualTo(302);
		var listed = session.follow(saved);
		assertThat(listed.body()).contains("数据库告警", "service=mysql", "id=\"notice\"");
		long created = jdbc.sql("select id from alert_route where account_user_id = ? and name = ?")
			.params(account.id(), "数据库告警").query(Long.class).single();
		assertThat(jdbc.sql("select auto_resolve from alert_route where id = ?").param(created)
			.query(Boolean.class).single()).isFalse();

		var edit = session.get("/tickets/alert-routes/" + created);
		assertThat(edit.status()).isEqualTo(200);
		assertThat(edit.body()).contains("id=\"route-edit\"", "service=mysql");
		assertThat(session.post("/tickets/alert-routes/" + created + "/delete", Map.of()).status()).isEqualTo(302);
		assertThat(routeExists(created)).isFalse();
	}

	private long audits(String action, long id) {
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(id)).query(Long.class).single();
	}

	private long routeCount() {
		return jdbc.sql("select count(*) from alert_route").query(Long.class).single();
	}

	private boolean routeExists(long id) {
		return jdbc.sql("select exists (select 1 from alert_route where id = ?)").param(id).query(Boolean.class)
			.single();
	}
}
