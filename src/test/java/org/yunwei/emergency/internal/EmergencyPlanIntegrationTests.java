package org.yunwei.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * Emergency plans through the API: a plan takes effect only once the approval module grants its version, events
 * follow only a plan in force, bad plans are refused field by field and change nothing, and another provider's plans
 * are not seen.
 */
@EnableScenarios
class EmergencyPlanIntegrationTests extends IntegrationTestSupport {

	EmergencyWorld world;

	@BeforeEach
	void world() {
		world = new EmergencyWorld(jdbc, api());
	}

	@Test
	void aPlanTakesEffectOnlyOnceApprovedAndOnlyThenMayAnEventFollowIt(Scenario scenario) {
		long id = world.createPlan("核心网络中断应急预案");
		String manager = world.token(world.manager);
		var read = world.api.get("/api/v1/emergency-plans/" + id, manager).json();
		assertThat(read.get("status").asString()).isEqualTo("DRAFT");
		assertThat(read.get("roles").get(0).get("personName").asString()).isNotBlank();
		// the post's holder is absent: its backup acts for the role's backup post
		assertThat(read.get("roles").get(0).get("backupName").asString())
			.isEqualTo(world.jdbc.sql("select display_name from app_user where username = ?").param(world.backup)
				.query(String.class).single());
		assertThat(declare(manager, id).status()).isEqualTo(400);

		long request = world.submit(id);
		assertThat(world.planStatus(id)).isEqualTo("IN_REVIEW");
		assertThat(world.api.put("/api/v1/emergency-plans/" + id, manager, world.plan("改")).status()).isEqualTo(409);
		String approver = world.token(world.approver);
		scenario.stimulate(() -> world.api.post("/api/v1/approvals/" + request + "/decisions", approver,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> world.planStatus(id), "APPROVED"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("APPROVED"));

		var versions = world.api.get("/api/v1/emergency-plans/" + id + "/versions", manager).json();
		assertThat(versions.size()).isEqualTo(1);
		assertThat(versions.get(0).get("status").asString()).isEqualTo("APPROVED");
		assertThat(versions.get(0).get("approvalRequestId").asLong()).isEqualTo(request);
		assertThat(world.audits("EMERGENCY_PLAN_CREATED", id)).isEqualTo(1);
		assertThat(world.audits("EMERGENCY_PLAN_SUBMITTED", id)).isEqualTo(1);
		assertThat(world.audits("EMERGENCY_PLAN_APPROVED", id)).isEqualTo(1);

		var event = declare(manager, id);
		assertThat(event.status()).isEqualTo(201);
		assertThat(event.json().get("steps").size()).isEqualTo(3);
		assertThat(event.json().get("planVersionNumber").asInt()).isEqualTo(1);

		// a revision leaves version 1 in force: a new event still follows it
		Map<String, Object> revised = world.plan("核心网络中断应急预案");
		revised.put("steps", List.of(Map.of("phase", "DISPATCH", "title", "只有一步")));
		assertThat(world.api.put("/api/v1/emergency-plans/" + id, manager, revised).status()).isEqualTo(200);
		assertThat(world.planStatus(id)).isEqualTo("DRAFT");
		assertThat(declare(manager, id).json().get("steps").size()).isEqualTo(3);
	}

	@Test
	void aBadPlanIsRefusedFieldByFieldAndNothingIsWritten() {
		String manager = world.token(world.manager);
		long outsider = world.directory.userId(world.directory.user(world.directory.orgUnit(
				world.directory.party("PROVIDER", TestDirectory.unique("别家公司")), null, "一部")));
		long before = plans();
		Map<String, Object> bad = new LinkedHashMap<>(world.plan(" "));
		bad.put("reviewDate", null);
		bad.put("levels", List.of(Map.of("level", "MAJOR", "criteria", "甲"), Map.of("level", "MAJOR", "criteria", "乙"),
				Map.of("level", "HUGE", "criteria", "丙")));
		bad.put("roles", List.of(Map.of("role", "指挥长", "personId", outsider)));
		bad.put("steps", List.of(Map.of("phase", "DISPATCH", "title", "", "limitMinutes", 0)));
		var refused = world.api.post("/api/v1/emergency-plans", manager, bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").propertyNames()).contains("title", "reviewDate", "levels[1].level",
				"levels[2].level", "roles[0].personId", "steps[0].title", "steps[0].limitMinutes");
		var empty = world.api.post("/api/v1/emergency-plans", manager, Map.of());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("errors").propertyNames()).contains("title", "scenario", "levels", "roles",
				"steps");
		assertThat(world.api.postRaw("/api/v1/emergency-plans", manager, "{\"title\": [", "application/json")
			.status()).isEqualTo(400);
		assertThat(plans()).isEqualTo(before);
		// reading needs the right: a customer is refused before any plan is looked for
		assertThat(world.api.get("/api/v1/emergency-plans", world.token(world.fixtures.bureauUser)).status())
			.isEqualTo(403);
	}

	@Test
	void anotherProvidersPlansAreNotSeenNorChanged() {
		long id = world.createPlan("机房断电应急预案");
		long other = world.directory.orgUnit(world.directory.party("PROVIDER", TestDirectory.unique("别家公司")), null,
				"服务台");
		String stranger = world.token(world.directory.user(other, "SERVICE_DESK_MANAGER"));
		assertThat(world.api.get("/api/v1/emergency-plans/" + id, stranger).status()).isEqualTo(404);
		assertThat(world.api.put("/api/v1/emergency-plans/" + id, stranger, world.plan("夺")).status()).isEqualTo(404);
		assertThat(world.api.post("/api/v1/emergency-plans/" + id + "/submit", stranger, null).status())
			.isEqualTo(404);
		assertThat(world.api.get("/api/v1/emergency-plans", stranger).body()).doesNotContain("机房断电应急预案");
		assertThat(world.api.get("/api/v1/emergency-plans?q=机房断电", world.token(world.manager)).body())
			.contains("机房断电应急预案");
		// supervision reads every party's plans and changes none
		String supervisor = world.token(world.directory.user(world.directory.orgUnit(
				world.directory.party("SUPERVISION", TestDirectory.unique("监理")), null, "监理组"), "SUPERVISOR"));
		assertThat(world.api.get("/api/v1/emergency-plans/" + id, supervisor).status()).isEqualTo(200);
		assertThat(world.api.put("/api/v1/emergency-plans/" + id, supervisor, world.plan("改")).status())
			.isEqualTo(403);
	}

	@Test
	void thePlanLibraryEvidencesTheEmergencyResponsePlanItemOnceAPlanIsInForce(Scenario scenario) {
		long id = world.createPlan("核心网络中断应急预案");
		String item = "/api/v1/compliance/items/8.1.2a?provider=" + world.fixtures.providerParty;
		var partial = world.api.get(item, world.fixtures.managerToken).json().get("item");
		assertThat(partial.get("state").asString()).isEqualTo("PARTIAL");
		assertThat(partial.get("missing").toString()).contains("经审批生效的应急预案");

		long request = world.submit(id);
		String approver = world.token(world.approver);
		scenario.stimulate(() -> world.api.post("/api/v1/approvals/" + request + "/decisions", approver,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> world.planStatus(id), "APPROVED"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("APPROVED"));
		jdbc.sql("update emergency_plan set review_date = date '2020-01-01' where id = ?").param(id).update();
		var evidenced = world.api.get(item, world.fixtures.managerToken).json().get("item");
		assertThat(evidenced.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(evidenced.get("figures").get(0).get("value").asLong()).isEqualTo(1);
		assertThat(evidenced.get("gaps").toString()).contains("1 个应急预案已过复审日期");
	}

	private org.yunwei.support.ApiClient.Response declare(String token, long planId) {
		return world.api.post("/api/v1/emergency-events", token, Map.of("title", "政务外网中断", "description",
				"多个委办局无法访问政务外网。", "level", "MAJOR", "planId", planId));
	}

	private long plans() {
		return jdbc.sql("select count(*) from emergency_plan").query(Long.class).single();
	}
}
