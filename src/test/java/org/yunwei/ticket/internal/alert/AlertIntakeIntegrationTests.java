package org.yunwei.ticket.internal.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * The alert receivers with Alertmanager's documented payload and the Zabbix media type's: one incident per group key
 * or problem, repeats, recoveries, re-fires, concurrent deliveries, refusals that change nothing, and who sees the
 * incident.
 */
class AlertIntakeIntegrationTests extends IntegrationTestSupport {

	private static final String ALERTMANAGER = "/api/v1/alerts/alertmanager";
	private static final String ZABBIX = "/api/v1/alerts/zabbix";

	private static TicketFixtures world;
	private static AlertFixtures alerts;

	private ApiClient api;

	@BeforeEach
	void world() {
		api = api();
		if (world == null) {
			// one world for the class: every test has its own integration account, so their alert keys never meet
			world = new TicketFixtures(jdbc, api);
			alerts = new AlertFixtures(world);
		}
	}

	@Test
	void aFiringGroupOpensOneIncidentWhereTheRouteSaysAndRepeatsAddToIt() {
		var account = alerts.account();
		alerts.route(account.id(), Map.of(), world.service, null, false);
		long routed = alerts.route(account.id(), Map.of("service", "gov-portal"), world.service, world.firstLine,
				false);

		JsonNode first = post(ALERTMANAGER, account.token(), AlertFixtures.ALERTMANAGER_FIRING);
		assertThat(first.get("outcome").asString()).isEqualTo("OPENED");
		long id = first.get("ticketId").asLong();
		JsonNode ticket = api.get("/api/v1/tickets/" + id, world.token(world.agent)).json().get("ticket");
		assertThat(ticket.get("channel").asString()).isEqualTo("MONITORING");
		assertThat(ticket.get("type").asString()).isEqualTo("INCIDENT");
		assertThat(ticket.get("priority").asString()).isEqualTo("P1");
		assertThat(ticket.get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(ticket.get("groupId").asLong()).as("route %d, not the default", routed).isEqualTo(world.firstLine);
		assertThat(ticket.get("customerOrgUnitId").asLong()).isEqualTo(world.bureau);
		assertThat(ticket.get("subject").asString()).isEqualTo("政务门户主机 10.20.0.5 宕机");
		assertThat(ticket.get("configurationItem").asString()).isEqualTo("10.20.0.5:9100");
		assertThat(ticket.get("agreementId").asLong()).isEqualTo(world.agreement);

		// fields a later Alertmanager (or a Grafana contact point) adds are ignored
		var later = AlertFixtures.alertmanager("firing");
		later.put("orgId", 1);
		((tools.jackson.databind.node.ObjectNode) later.get("alerts").get(0)).put("silenceURL", "http://x/silence");
		JsonNode repeat = post(ALERTMANAGER, account.token(), later);
		assertThat(repeat.get("outcome").asString()).isEqualTo("REPEATED");
		assertThat(repeat.get("ticketId").asLong()).isEqualTo(id);
		assertThat(incidentsOf(account)).isEqualTo(1);
		assertThat(entries(id, "ALERT")).isEqualTo(2);
		assertThat(audits("TICKET_ALERT", id)).isEqualTo(2);
		assertThat(audits("TICKET_CREATED", id)).isEqualTo(1);
	}

	@Test
	void aRecoveryIsNotedOrResolvesAndFiringAgainReopens() {
		var noting = alerts.account();
		alerts.route(noting.id(), Map.of(), world.service, world.firstLine, false);
		long noted = post(ALERTMANAGER, noting.token(), AlertFixtures.ALERTMANAGER_FIRING).get("ticketId").asLong();
		JsonNode recovery = post(ALERTMANAGER, noting.token(), AlertFixtures.alertmanager("resolved"));
		assertThat(recovery.get("outcome").asString()).isEqualTo("NOTED");
		assertThat(status(noted)).isEqualTo("ASSIGNED");

		var resolving = alerts.account();
		alerts.route(resolving.id(), Map.of(), world.service, world.firstLine, true);
		long id = post(ALERTMANAGER, resolving.token(), AlertFixtures.ALERTMANAGER_FIRING).get("ticketId").asLong();
		JsonNode resolved = post(ALERTMANAGER, resolving.token(), AlertFixtures.alertmanager("resolved"));
		assertThat(resolved.get("outcome").asString()).isEqualTo("RESOLVED");
		JsonNode view = api.get("/api/v1/tickets/" + id, world.token(world.agent)).json();
		assertThat(view.get("ticket").get("status").asString()).isEqualTo("RESOLVED");
		assertThat(view.get("ticket").get("resolutionCode").asString()).isEqualTo("SOLVED");
		assertThat(view.get("ticket").get("resolutionText").asString()).contains("监控告警已恢复");
		assertThat(view.get("ticket").get("assigneeUserId").isNull()).as("the account takes no work").isTrue();
		assertThat(view.get("resolution").get("status").asString()).isEqualTo("STOPPED");
		assertThat(audits("TICKET_RESOLVE", id)).isEqualTo(1);

		JsonNode again = post(ALERTMANAGER, resolving.token(), AlertFixtures.ALERTMANAGER_FIRING);
		assertThat(again.get("outcome").asString()).isEqualTo("REOPENED");
		assertThat(again.get("ticketId").asLong()).isEqualTo(id);
		view = api.get("/api/v1/tickets/" + id, world.token(world.agent)).json();
		assertThat(view.get("ticket").get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(view.get("ticket").get("resolutionCode").isNull()).isTrue();
		assertThat(view.get("resolution").get("status").asString()).isEqualTo("RUNNING");
		assertThat(incidentsOf(resolving)).isEqualTo(1);
		assertThat(entries(id, "ALERT")).isEqualTo(3);
	}

	@Test
	void firingAfterTheIncidentClosedOpensANewOneThatTakesOverTheKey() {
		var account = alerts.account();
		alerts.route(account.id(), Map.of(), world.service, world.firstLine, true);
		long first = post(ALERTMANAGER, account.token(), AlertFixtures.ALERTMANAGER_FIRING).get("ticketId").asLong();
		post(ALERTMANAGER, account.token(), AlertFixtures.alertmanager("resolved"));
		assertThat(api.post("/api/v1/tickets/" + first + "/close", world.token(world.agent), Map.of()).status())
			.isEqualTo(200);

		JsonNode refired = post(ALERTMANAGER, account.token(), AlertFixtures.ALERTMANAGER_FIRING);
		assertThat(refired.get("outcome").asString()).isEqualTo("OPENED");
		assertThat(refired.get("previousTicketId").asLong()).isEqualTo(first);
		long second = refired.get("ticketId").asLong();
		assertThat(second).isNotEqualTo(first);
		assertThat(status(first)).isEqualTo("CLOSED");
		assertThat(alertKey(first)).isNull();
		assertThat(alertKey(second)).startsWith("alertmanager:" + account.id() + ":");
		assertThat(audits("TICKET_ALERT_KEY_MOVED", first)).isEqualTo(1);

		JsonNode repeat = post(ALERTMANAGER, account.token(), AlertFixtures.ALERTMANAGER_FIRING);
		assertThat(repeat.get("ticketId").asLong()).isEqualTo(second);
	}

	@Test
	void aZabbixProblemIsOneIncidentUntilItsRecovery() {
		var account = alerts.account();
		alerts.route(account.id(), Map.of(), world.service, null, true);
		alerts.route(account.id(), Map.of("service", "mysql", "hostgroup", "Databases"), world.service,
				world.secondLine, true);
		List<Map<String, String>> tags = List.of(Map.of("tag", "service", "value", "mysql"));

		JsonNode problem = post(ZABBIX, account.token(), AlertFixtures.zabbix("8432", "1", "High", tags));
		assertThat(problem.get("outcome").asString()).isEqualTo("OPENED");
		long id = problem.get("ticketId").asLong();
		JsonNode ticket = api.get("/api/v1/tickets/" + id, world.token(world.agent)).json().get("ticket");
		assertThat(ticket.get("priority").asString()).as("High: impact 1, urgency 2").isEqualTo("P2");
		assertThat(ticket.get("groupId").asLong()).isEqualTo(world.secondLine);
		assertThat(ticket.get("configurationItem").asString()).isEqualTo("db01");
		assertThat(alertKey(id)).isEqualTo("zabbix:" + account.id() + ":8432");

		assertThat(post(ZABBIX, account.token(), AlertFixtures.zabbix("8432", "1", "High", tags)).get("outcome")
			.asString()).isEqualTo("REPEATED");
		Map<String, Object> update = AlertFixtures.zabbix("8432", "1", "High", tags);
		update.put("event_update_status", "1");
		update.put("event_update_message", "已通知数据库管理员");
		assertThat(post(ZABBIX, account.token(), update).get("outcome").asString()).isEqualTo("NOTED");

		JsonNode recovery = post(ZABBIX, account.token(), AlertFixtures.zabbix("8432", "0", "High", tags));
		assertThat(recovery.get("outcome").asString()).isEqualTo("RESOLVED");
		assertThat(status(id)).isEqualTo("RESOLVED");
		assertThat(entries(id, "ALERT")).isEqualTo(4);

		JsonNode unknown = post(ZABBIX, account.token(), AlertFixtures.zabbix("8433", "0", "High", tags));
		assertThat(unknown.get("outcome").asString()).isEqualTo("IGNORED");
		assertThat(incidentsOf(account)).isEqualTo(1);

		// a problem without the route's tag takes the default route; severity as a number wins over the name
		Map<String, Object> other = AlertFixtures.zabbix("8500", "1", "Information", List.of());
		other.put("event_nseverity", 5);
		long otherId = post(ZABBIX, account.token(), other).get("ticketId").asLong();
		JsonNode otherTicket = api.get("/api/v1/tickets/" + otherId, world.token(world.agent)).json().get("ticket");
		assertThat(otherTicket.get("priority").asString()).isEqualTo("P1");
		assertThat(otherTicket.get("groupId").isNull()).isTrue();
		assertThat(otherTicket.get("status").asString()).isEqualTo("NEW");
	}

	@Test
	void concurrentIdenticalDeliveriesOpenExactlyOneIncident() throws Exception {
		var account = alerts.account();
		alerts.route(account.id(), Map.of(), world.service, world.firstLine, false);
		int deliveries = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ApiClient.Response>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(deliveries)) {
			for (int i = 0; i < deliveries; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return api.postRaw(ALERTMANAGER, account.token(), AlertFixtures.ALERTMANAGER_FIRING,
							"application/json");
				}));
			}
			start.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<ApiClient.Response> answer : answers) {
				ApiClient.Response response = answer.get();
				assertThat(response.status()).as(response.body()).isEqualTo(200);
				outcomes.add(response.json().get("outcome").asString());
			}
			assertThat(outcomes).containsOnlyOnce("OPENED").containsOnly("OPENED", "REPEATED");
		}
		assertThat(incidentsOf(account)).isEqualTo(1);
		long id = jdbc.sql("select id from ticket where alert_key like ?").param("alertmanager:" + account.id() + ":%")
			.query(Long.class).single();
		assertThat(entries(id, "ALERT")).isEqualTo(deliveries);
	}

	@Test
	void malformedOrUnroutablePayloadsAreRefusedAndChangeNothing() {
		var account = alerts.account();
		long before = auditRecordsBy(account);

		var broken = api.postRaw(ALERTMANAGER, account.token(), "{\"version\": \"4\", \"alerts\": [", "application/json");
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.json().get("type").asString()).isEqualTo("urn:yunwei:problem:malformed-request");

		var payload = AlertFixtures.alertmanager("firing");
		payload.remove("groupKey");
		payload.put("version", "3");
		payload.put("status", "burning");
		var invalid = api.post(ALERTMANAGER, account.token(), payload);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("type").asString()).isEqualTo("urn:yunwei:problem:validation");
		assertThat(invalid.json().get("errors").propertyNames()).contains("groupKey", "version", "status");

		var noAlerts = AlertFixtures.alertmanager("firing");
		noAlerts.putArray("alerts");
		assertThat(api.post(ALERTMANAGER, account.token(), noAlerts).json().get("errors").has("alerts")).isTrue();

		Map<String, Object> zabbix = AlertFixtures.zabbix("x17", "2", "High", List.of());
		var zabbixInvalid = api.post(ZABBIX, account.token(), zabbix);
		assertThat(zabbixInvalid.status()).isEqualTo(400);
		assertThat(zabbixInvalid.json().get("errors").propertyNames()).contains("event_id", "event_value");

		// a well-formed alert no route of the account takes
		var unroutable = api.postRaw(ALERTMANAGER, account.token(), AlertFixtures.ALERTMANAGER_FIRING,
				"application/json");
		assertThat(unroutable.status()).isEqualTo(422);
		assertThat(unroutable.json().get("type").asString()).isEqualTo("urn:yunwei:problem:no-alert-route");
		assertThat(unroutable.json().get("detail").asString()).contains("没有与此告警匹配的告警路由");

		assertThat(incidentsOf(account)).isZero();
		assertThat(auditRecordsBy(account)).isEqualTo(before);
	}

	@Test
	void aTokenWithoutAlertIntakeIsForbiddenAndNoTokenIsUnauthenticated() {
		var account = alerts.account();
		alerts.route(account.id(), Map.of(), world.service, world.firstLine, false);
		var agent = api.postRaw(ALERTMANAGER, world.token(world.agent), AlertFixtures.ALERTMANAGER_FIRING,
				"application/json");
		assertThat(agent.status()).isEqualTo(403);
		assertThat(agent.json().get("type").asString()).isEqualTo("urn:yunwei:problem:forbidden");
		assertThat(api.post(ZABBIX, world.token(world.lead), AlertFixtures.zabbix("1", "1", "High", List.of()))
			.status()).isEqualTo(403);
		assertThat(api.postRaw(ALERTMANAGER, null, AlertFixtures.ALERTMANAGER_FIRING, "application/json").status())
			.isEqualTo(401);
		assertThat(jdbc.sql("select count(*) from ticket where alert_key like ?")
			.param("alertmanager:" + world.userId(world.agent) + ":%").query(Long.class).single()).isZero();
	}

	@Test
	void theIncidentIsVisibleToTheRoutesProviderAndCustomerOnly() {
		var account = alerts.account();
		alerts.route(account.id(), Map.of(), world.service, world.firstLine, false);
		long id = post(ALERTMANAGER, account.token(), AlertFixtures.ALERTMANAGER_FIRING).get("ticketId").asLong();

		assertThat(api.get("/api/v1/tickets/" + id, world.token(world.agent)).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/tickets/" + id, world.token(world.bureauUser)).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/tickets/" + id, world.token(world.departmentUser)).status()).isEqualTo(404);

		long otherProvider = world.directory.party("PROVIDER", "另一服务商");
		String stranger = world.directory.user(world.directory.orgUnit(otherProvider, null, "二部"),
				"SERVICE_DESK_AGENT");
		assertThat(api.get("/api/v1/tickets/" + id, world.token(stranger)).status()).isEqualTo(404);
		String otherCustomer = world.directory.user(
				world.directory.orgUnit(world.directory.party("CUSTOMER", "另一委办局"), null, "办公室"));
		assertThat(api.get("/api/v1/tickets/" + id, world.token(otherCustomer)).status()).isEqualTo(404);
	}

	@Test
	void theReceiversAndRoutesAreInTheOpenApiDocument() {
		String document = api.get("/v3/api-docs", null).body();
		assertThat(document).contains("\"/api/v1/alerts/alertmanager\"", "\"/api/v1/alerts/zabbix\"",
				"\"/api/v1/alert-routes\"", "\"/api/v1/alert-routes/{id}\"", "\"ZabbixEvent\"",
				"\"AlertmanagerNotification\"", "event_nseverity", "监控告警接入");
	}

	private JsonNode post(String path, String token, Object body) {
		ApiClient.Response response = body instanceof String text ? api.postRaw(path, token, text, "application/json")
				: api.post(path, token, body);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private long incidentsOf(AlertFixtures.Account account) {
		return jdbc.sql("select count(*) from ticket where alert_key like ? or alert_key like ?")
			.params("alertmanager:" + account.id() + ":%", "zabbix:" + account.id() + ":%")
			.query(Long.class)
			.single();
	}

	private String status(long id) {
		return jdbc.sql("select status from ticket where id = ?").param(id).query(String.class).single();
	}

	private String alertKey(long id) {
		return jdbc.sql("select alert_key from ticket where id = ?").param(id).query((rs, n) -> rs.getString(1))
			.list().getFirst();
	}

	private long entries(long id, String kind) {
		return jdbc.sql("select count(*) from ticket_entry where ticket_id = ? and kind = ?").params(id, kind)
			.query(Long.class).single();
	}

	private long audits(String action, long id) {
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(id)).query(Long.class).single();
	}

	private long auditRecordsBy(AlertFixtures.Account account) {
		return jdbc.sql("select count(*) from audit_record where actor = ?").param(account.username())
			.query(Long.class).single();
	}
}
