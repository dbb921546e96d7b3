package org.yunwei.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.notification.internal.NotificationTesting.unique;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/** Keepers of notifications configure group robots; the address and the secret never come back out. */
class RobotApiIntegrationTests extends IntegrationTestSupport {

	private static final String ROBOTS = "/api/v1/notification-robots";
	private static final String SECRET = "SECd0ntL3akM3";
	private static final String TOKEN_IN_URL = "access_token=0123456789abcdef";

	@Autowired
	private ApplicationEventPublisher events;
	@Autowired
	private PlatformTransactionManager transactionManager;

	private NotificationTesting testing;
	private String keeper;

	@BeforeEach
	void setUp() {
		testing = new NotificationTesting(jdbc, api(), events, transactionManager);
		keeper = testing.tokenWith(testing.managementUnit, "NOTIFICATION_MANAGE");
	}

	private Map<String, Object> robot(Long partyId) {
		// nothing listens there, and the topics are this test's own: no other test's notice reaches the robot
		String topic = unique("t");
		return map("name", unique("值班群"), "kind", "DINGTALK",
				"url", "https://127.0.0.1:9/robot/send?" + TOKEN_IN_URL, "secret", SECRET,
				"topics", List.of(topic + ".sla-breached", topic + "."), "partyId", partyId);
	}

	private long robotCount() {
		return jdbc.sql("select count(*) from notification_robot").query(Long.class).single();
	}

	@Test
	void createsChangesAndDeletesARobotOnTheAuditTrailWithoutEverShowingItsCredentials() {
		var created = api().post(ROBOTS, keeper, robot(testing.providerParty));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("kind").asString()).isEqualTo("DINGTALK");
		assertThat(created.json().get("secretSet").asBoolean()).isTrue();
		assertThat(created.json().get("maskedUrl").asString()).isEqualTo("https://127.0.0.1:9/…cdef");
		assertThat(created.json().get("partyName").asString()).contains("运维服务公司");
		assertThat(created.body()).doesNotContain(SECRET).doesNotContain(TOKEN_IN_URL).doesNotContain("\"secret\"");
		assertThat(api().get(ROBOTS, keeper).body()).doesNotContain(SECRET).doesNotContain(TOKEN_IN_URL);

		// omitted url and secret keep the stored ones
		var change = map("name", created.json().get("name").asString(), "kind", "DINGTALK",
				"topics", List.of(unique("t") + ".escalated"), "partyId", testing.providerParty, "enabled", false);
		var changed = api().put(ROBOTS + "/" + id, keeper, change);
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("topics").get(0).asString()).endsWith(".escalated");
		assertThat(changed.json().get("enabled").asBoolean()).isFalse();
		assertThat(changed.json().get("secretSet").asBoolean()).isTrue();
		var stored = jdbc.sql("select url, secret from notification_robot where id = ?").param(id)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
		assertThat(stored).containsExactly("https://127.0.0.1:9/robot/send?" + TOKEN_IN_URL, SECRET);

		change.put("removeSecret", true);
		assertThat(api().put(ROBOTS + "/" + id, keeper, change).json().get("secretSet").asBoolean()).isFalse();

		assertThat(api().delete(ROBOTS + "/" + id, keeper).status()).isEqualTo(204);
		assertThat(api().get(ROBOTS + "/" + id, keeper).status()).isEqualTo(404);

		for (String action : List.of("NOTIFICATION_ROBOT_CREATE", "NOTIFICATION_ROBOT_UPDATE",
				"NOTIFICATION_ROBOT_DELETE")) {
			assertThat(testing.auditCount(action, id)).as(action).isGreaterThanOrEqualTo(1);
		}
		String audited = jdbc.sql("""
				select string_agg(coalesce(before_value::text, '') || coalesce(after_value::text, ''), ' ')
				from audit_record where object_type = 'notification_robot' and object_id = ?""")
			.param(String.valueOf(id))
			.query(String.class)
			.single();
		assertThat(audited).contains("secretSet").doesNotContain(SECRET).doesNotContain(TOKEN_IN_URL);
	}

	@Test
	void refusesBadInputFieldByFieldAndChangesNothing() {
		long before = robotCount();
		var response = api().post(ROBOTS, keeper, map("name", " ", "kind", "TELEGRAM",
				"url", "http://oapi.dingtalk.com/robot/send", "topics", List.of("Ticket Assigned"),
				"partyId", 999_999_999L));
		assertThat(response.status()).isEqualTo(400);
		JsonNode errors = response.json().get("errors");
		assertThat(errors.has("name")).isTrue();
		assertThat(errors.get("kind").asString()).contains("钉钉");
		assertThat(errors.get("url").asString()).contains("https");
		assertThat(errors.has("topics")).isTrue();
		assertThat(errors.has("partyId")).isTrue();

		var wecomWithSecret = robot(null);
		wecomWithSecret.put("kind", "WECOM");
		wecomWithSecret.put("topics", List.of());
		var refused = api().post(ROBOTS, keeper, wecomWithSecret);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").has("secret")).isTrue();
		assertThat(refused.json().get("errors").get("topics").asString()).contains("主题");

		var noUrl = robot(null);
		noUrl.remove("url");
		assertThat(api().post(ROBOTS, keeper, noUrl).json().get("errors").has("url")).isTrue();
		assertThat(api().postRaw(ROBOTS, keeper, "{\"name\": ", "application/json").status()).isEqualTo(400);
		assertThat(robotCount()).isEqualTo(before);

		var first = robot(null);
		assertThat(api().post(ROBOTS, keeper, first).status()).isEqualTo(201);
		var sameName = robot(null);
		sameName.put("name", first.get("name").toString().toUpperCase());
		var duplicate = api().post(ROBOTS, keeper, sameName);
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("errors").has("name")).isTrue();
		assertThat(robotCount()).isEqualTo(before + 1);
	}

	@Test
	void letsAProviderKeepOnlyItsOwnPartysRobotsAndNobodyElseAtAll() {
		long managementRobot = api().post(ROBOTS, keeper, robot(null)).json().get("id").asLong();
		String providerKeeper = testing.tokenWith(testing.providerUnit, "NOTIFICATION_MANAGE");

		var forEveryParty = api().post(ROBOTS, providerKeeper, robot(null));
		assertThat(forEveryParty.status()).isEqualTo(400);
		assertThat(forEveryParty.json().get("errors").has("partyId")).isTrue();
		long otherParty = testing.directory.party("PROVIDER", "另一服务公司");
		assertThat(api().post(ROBOTS, providerKeeper, robot(otherParty)).json().get("errors").has("partyId")).isTrue();
		var own = api().post(ROBOTS, providerKeeper, robot(testing.providerParty));
		assertThat(own.status()).as(own.toString()).isEqualTo(201);

		assertThat(api().get(ROBOTS + "/" + managementRobot, providerKeeper).status()).isEqualTo(404);
		assertThat(api().delete(ROBOTS + "/" + managementRobot, providerKeeper).status()).isEqualTo(404);
		assertThat(api().get(ROBOTS, providerKeeper).json().findValues("id").stream().map(JsonNode::asLong).toList())
			.contains(own.json().get("id").asLong()).doesNotContain(managementRobot);

		String bystander = testing.tokenOf(testing.person());
		assertThat(api().get(ROBOTS, bystander).status()).isEqualTo(403);
		assertThat(api().post(ROBOTS, bystander, robot(testing.providerParty)).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/notification-outbox", bystander).status()).isEqualTo(403);
	}

	@Test
	void theSystemAdministratorMayKeepRobots() {
		assertThat(jdbc.sql("""
				select count(*) from role_permission rp join role r on r.id = rp.role_id
				where r.code = 'SYSTEM_ADMIN' and rp.permission = 'NOTIFICATION_MANAGE'""")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(api().get(ROBOTS, adminToken()).status()).isEqualTo(200);
	}
}
