package org.yunwei.change.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

import tools.jackson.databind.JsonNode;

/**
 * SLA clocks of changes (docs/decisions/0005): the service manager keeps the rules (bad input refused naming the
 * field, nothing saved; every write audited; others may not write); a normal change under a rule runs its approval
 * clock from submission to the approval decision and its implementation clock from the start to the planned end;
 * a change started after its planned end breaches at once, which its requester and step owners are told of once, and
 * its page shows the clocks.
 */
@EnableScenarios
class ChangeSlaIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ChangeSlaAlerts alerts;

	private ChangeWorld world;
	private final List<Long> rules = new ArrayList<>();

	@BeforeEach
	void world() {
		world = new ChangeWorld(jdbc, api());
		// a rule another test left would answer before ours: these tests own the NORMAL rules while they run
		jdbc.sql("update change_sla_rule set retired_at = now() where category = 'NORMAL' and retired_at is null")
			.update();
	}

	@AfterEach
	void retire() {
		rules.forEach(id -> jdbc.sql("update change_sla_rule set retired_at = now() where id = ? and retired_at is null")
			.param(id).update());
	}

	@Test
	void theServiceManagerKeepsTheRulesAndBadInputChangesNothing() {
		String keeper = world.token(world.serviceManager);
		int before = rows();
		var empty = api().post("/api/v1/change-sla-rules", keeper, Map.of());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("errors").propertyNames()).contains("category", "riskLevel", "approvalMinutes");
		var standard = api().post("/api/v1/change-sla-rules", keeper,
				Map.of("category", "STANDARD", "riskLevel", "ANY", "approvalMinutes", 60));
		assertThat(standard.status()).isEqualTo(400);
		assertThat(standard.json().get("errors").has("approvalMinutes")).isTrue();
		var ranges = api().post("/api/v1/change-sla-rules", keeper, Map.of("category", "NORMAL", "riskLevel",
				"SEVERE", "approvalMinutes", 0, "approvalBasis", "LUNAR", "warningPercent", 100));
		assertThat(ranges.status()).isEqualTo(400);
		assertThat(ranges.json().get("errors").propertyNames()).contains("riskLevel", "approvalMinutes",
				"approvalBasis", "warningPercent");
		assertThat(rows()).isEqualTo(before);

		var created = api().post("/api/v1/change-sla-rules", keeper,
				Map.of("category", "NORMAL", "riskLevel", "HIGH", "approvalMinutes", 240, "windowDeadline", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long rule = created.json().get("id").asLong();
		rules.add(rule);
		assertThat(created.json().get("approvalBasis").asString()).isEqualTo("BUSINESS");
		assertThat(created.json().get("warningPercent").asInt()).isEqualTo(75);
		var duplicate = api().post("/api/v1/change-sla-rules", keeper,
				Map.of("category", "NORMAL", "riskLevel", "HIGH", "windowDeadline", true));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.body()).contains("riskLevel");
		int version = created.json().get("version").asInt();
		var edited = api().put("/api/v1/change-sla-rules/" + rule, keeper, Map.of("category", "NORMAL", "riskLevel",
				"HIGH", "approvalMinutes", 120, "approvalBasis", "CALENDAR", "version", version));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().get("approvalMinutes").asInt()).isEqualTo(120);
		assertThat(edited.json().get("windowDeadline").asBoolean()).isFalse();
		assertThat(api().put("/api/v1/change-sla-rules/" + rule, keeper, Map.of("category", "NORMAL", "riskLevel",
				"HIGH", "approvalMinutes", 60, "version", version)).status()).as("stale version").isEqualTo(409);
		assertThat(api().post("/api/v1/change-sla-rules/" + rule + "/retire", keeper, null).status()).isEqualTo(204);
		assertThat(api().get("/api/v1/change-sla-rules", keeper).body()).doesNotContain("\"id\":" + rule + ",");
		assertThat(api().get("/api/v1/change-sla-rules?retired=true", keeper).body()).contains("\"id\":" + rule + ",");
		for (String action : List.of("CHANGE_SLA_RULE_CREATED", "CHANGE_SLA_RULE_EDITED", "CHANGE_SLA_RULE_RETIRED")) {
			assertThat(jdbc.sql("""
					select count(*) from audit_record where action = ? and object_type = 'change_sla_rule'
					  and object_id = ?""").params(action, String.valueOf(rule)).query(Integer.class).single())
				.as(action).isEqualTo(1);
		}
		// a provider's desk manager neither reads nor writes them; supervision reads only
		assertThat(api().get("/api/v1/change-sla-rules", world.token(world.manager)).status()).isEqualTo(403);
		assertThat(api().post("/api/v1/change-sla-rules", world.token(world.manager),
				Map.of("category", "EMERGENCY", "riskLevel", "ANY", "windowDeadline", true)).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/change-sla-rules", world.token(world.supervisor)).status()).isEqualTo(200);
		assertThat(api().post("/api/v1/change-sla-rules", world.token(world.supervisor),
				Map.of("category", "EMERGENCY", "riskLevel", "ANY", "windowDeadline", true)).status()).isEqualTo(403);
	}

	@Test
	void theApprovalClockRunsUntilTheDecisionAndTheWindowUntilTheOutcome(Scenario scenario) {
		rule(Map.of("category", "NORMAL", "riskLevel", "ANY", "approvalMinutes", 600, "approvalBasis", "CALENDAR",
				"windowDeadline", true));
		String manager = world.token(world.manager);
		long server = world.item("PHYSICAL_SERVER", TestDirectory.unique("时限服务器"), Map.of());
		long id = world.create(world.change("数据库参数调整", List.of(server))).get("id").asLong();
		assertThat(api().get("/api/v1/changes/" + id, manager).json().get("slaClocks")).isEmpty();

		JsonNode submitted = api().post("/api/v1/changes/" + id + "/submit", manager, null).json();
		JsonNode approval = submitted.get("slaClocks").get(0);
		assertThat(approval.get("clock").asString()).isEqualTo("APPROVAL");
		assertThat(approval.get("status").asString()).isEqualTo("RUNNING");
		Instant submittedAt = Instant.parse(submitted.get("submittedAt").asString());
		assertThat(Instant.parse(approval.get("dueAt").asString()))
			.isCloseTo(submittedAt.plus(Duration.ofMinutes(600)), within());
		assertThat(approval.get("breached").asBoolean()).isFalse();

		long request = submitted.get("approvalRequestId").asLong();
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + request + "/decisions", world.token(world.approver),
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> world.status(id), "APPROVED"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("APPROVED"));
		JsonNode approved = api().get("/api/v1/changes/" + id, manager).json().get("slaClocks");
		assertThat(approved).hasSize(1);
		assertThat(approved.get(0).get("status").asString()).isEqualTo("STOPPED");
		assertThat(approved.get(0).get("breached").asBoolean()).isFalse();

		JsonNode started = api().post("/api/v1/changes/" + id + "/start", manager, null).json().get("slaClocks");
		assertThat(started).hasSize(2);
		JsonNode window = started.get(1);
		assertThat(window.get("clock").asString()).isEqualTo("IMPLEMENTATION");
		assertThat(window.get("status").asString()).isEqualTo("RUNNING");
		assertThat(Instant.parse(window.get("dueAt").asString()))
			.isCloseTo(Instant.parse("2099-03-01T16:00:00Z"), within());

		JsonNode done = api().post("/api/v1/changes/" + id + "/complete", manager, Map.of("outcome", "SUCCESSFUL"))
			.json().get("slaClocks");
		assertThat(done.get(1).get("status").asString()).isEqualTo("STOPPED");
		assertThat(done.get(1).get("breached").asBoolean()).isFalse();
	}

	@Test
	void aChangeStartedAfterItsPlannedEndBreachesAndItsPeopleAreToldOnce(Scenario scenario) {
		rule(Map.of("category", "NORMAL", "riskLevel", "ANY", "windowDeadline", true, "warningPercent", 50));
		String manager = world.token(world.manager);
		long server = world.item("PHYSICAL_SERVER", TestDirectory.unique("超时服务器"), Map.of());
		Map<String, Object> body = world.change("补丁升级（延误）", List.of(server));
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		body.put("plannedStart", now.minus(Duration.ofHours(3)).toString());
		body.put("plannedEnd", now.minus(Duration.ofHours(1)).toString());
		long id = world.create(body).get("id").asLong();
		JsonNode submitted = api().post("/api/v1/changes/" + id + "/submit", manager, null).json();
		assertThat(submitted.get("slaClocks")).as("this rule sets no approval time").isEmpty();
		long request = submitted.get("approvalRequestId").asLong();
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + request + "/decisions", world.token(world.approver),
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> world.status(id), "APPROVED"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("APPROVED"));

		scenario.stimulate(() -> api().post("/api/v1/changes/" + id + "/start", manager, null))
			.andWaitForStateChange(() -> world.audits("CHANGE_SLA_BREACHED", id), count -> count > 0)
			.andVerify(count -> assertThat(count).isEqualTo(1));
		assertThat(world.audits("CHANGE_SLA_WARNING", id)).isEqualTo(1);
		JsonNode clock = api().get("/api/v1/changes/" + id, manager).json().get("slaClocks").get(0);
		assertThat(clock.get("clock").asString()).isEqualTo("IMPLEMENTATION");
		assertThat(clock.get("breached").asBoolean()).isTrue();
		// the requester and the step owner were told of the breach, in the application
		long agent = world.directory.userId(world.agent);
		long requester = world.directory.userId(world.manager);
		assertThat(jdbc.sql("""
				select count(distinct user_id) from notification where topic = 'change.sla-breached'
				  and link = ? and user_id in (?, ?)""").params("/changes/" + id, agent, requester)
			.query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select subject from notification where topic = 'change.sla-breached' and link = ? limit 1")
			.param("/changes/" + id).query(String.class).single()).contains("实施窗口").doesNotContain("IMPLEMENTATION");

		// told once: a second delivery of the breach (as after a crash) tells nobody again
		alerts.handle(String.valueOf(id), org.yunwei.sla.ClockKind.RESOLUTION, 100, now);
		assertThat(world.audits("CHANGE_SLA_BREACHED", id)).isEqualTo(1);

		// the page shows the clock, breached, in words
		WebSession browser = new WebSession(port);
		browser.signIn(world.manager, TestDirectory.PASSWORD, null);
		String page = browser.get("/changes/" + id).body();
		assertThat(page).contains("id=\"change-sla-IMPLEMENTATION\"", "实施窗口", "已超时")
			.doesNotContain(">IMPLEMENTATION<", "RESOLUTION");
		// the SLA clocks page finds the change's clock by its number, for the service level manager
		String number = api().get("/api/v1/changes/" + id, manager).json().get("number").asString();
		WebSession slaManager = new WebSession(port);
		slaManager.signIn(world.serviceManager, TestDirectory.PASSWORD, null);
		String clocks = slaManager.get("/sla/clocks?number=" + number).body();
		assertThat(clocks).contains("id=\"clock-RESOLUTION\"").doesNotContain("没有这个编号");
	}

	private void rule(Map<String, Object> body) {
		var created = api().post("/api/v1/change-sla-rules", world.token(world.serviceManager), body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		rules.add(created.json().get("id").asLong());
	}

	private static org.assertj.core.data.TemporalUnitOffset within() {
		return org.assertj.core.api.Assertions.within(2, ChronoUnit.SECONDS);
	}

	private int rows() {
		return jdbc.sql("select count(*) from change_sla_rule").query(Integer.class).single();
	}
}
