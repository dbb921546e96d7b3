package org.yunwei.release.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.release.ReleaseApproved;
import org.yunwei.release.ReleaseCompleted;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * A release's life through the API: planned with its scope, an approved change, its plan and known errors; approved
 * through the approval module for the content submitted; its deployment recorded; completed, upon which the CMDB
 * records the release version on the application system in scope. Every write audited, the events published, and
 * every refusal changing nothing.
 */
@EnableScenarios
class ReleaseLifecycleIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ReleaseRegister register;

	private ReleaseWorld world;

	@BeforeEach
	void world() {
		world = new ReleaseWorld(jdbc, api());
	}

	@Test
	void aReleaseGoesFromPlanThroughApprovalAndDeploymentToCompletionAndTheCmdbRecordsItsVersion(Scenario scenario) {
		long app = world.item("APPLICATION_SYSTEM", "不动产登记系统", Map.of("dengbao_level", "L3"));
		long vm = world.item("VIRTUAL_MACHINE", "不动产应用主机", Map.of());
		long change = world.approvedChange("不动产登记系统升级", List.of(app));
		String manager = world.token(world.manager);

		JsonNode created = world.createRelease(world.release("不动产登记系统 V2.4 发布", List.of(app, vm),
				List.of(change)));
		long id = created.get("id").asLong();
		assertThat(created.get("number").asString()).matches("REL-\\d{8}-\\d{4,}");
		assertThat(created.get("status").asString()).isEqualTo("DRAFT");
		assertThat(created.get("changes").get(0).get("title").asString()).isEqualTo("不动产登记系统升级");
		assertThat(created.get("knownErrors").asString()).isEqualTo("IE11 下打印预览错位");

		// not approved: no deployment may be recorded
		assertThat(api().post("/api/v1/releases/" + id + "/deployment", manager, deployment(0)).status())
			.isEqualTo(409);
		JsonNode submitted = api().post("/api/v1/releases/" + id + "/submit", manager, null).json();
		assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
		long request = submitted.get("approvalRequestId").asLong();
		scenario.stimulate(() -> world.decide(request))
			.andWaitForEventOfType(ReleaseApproved.class)
			.matching(event -> event.releaseId() == id)
			.toArriveAndVerify(event -> assertThat(event.changeIds()).containsExactly(change));
		assertThat(world.releaseStatus(id)).isEqualTo("APPROVED");

		// completion before the deployment is refused and the CMDB is left alone
		var early = api().post("/api/v1/releases/" + id + "/complete", manager, Map.of("note", "已完成"));
		assertThat(early.status()).as(early.body()).isEqualTo(409);
		assertThat(version(app)).isNull();

		// a deployment ending before it started, or without a failed step's result, is refused
		Map<String, Object> backwards = deployment(0);
		backwards.put("endedAt", Instant.now().minus(3, ChronoUnit.HOURS).toString());
		var refused = api().post("/api/v1/releases/" + id + "/deployment", manager, backwards);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().get("errors").has("endedAt")).isTrue();
		var failedStep = api().post("/api/v1/releases/" + id + "/deployment", manager, Map.of("startedAt",
				Instant.now().minus(2, ChronoUnit.HOURS).toString(), "endedAt", Instant.now().toString(), "steps",
				List.of(Map.of("description", "部署应用包", "succeeded", false))));
		assertThat(failedStep.status()).isEqualTo(400);
		assertThat(failedStep.json().get("errors").has("steps[0].result")).isTrue();
		assertThat(world.releaseStatus(id)).isEqualTo("APPROVED");

		JsonNode deployed = api().post("/api/v1/releases/" + id + "/deployment", manager, deployment(0)).json();
		assertThat(deployed.get("status").asString()).isEqualTo("DEPLOYED");
		assertThat(deployed.get("deployment").get("steps").size()).isEqualTo(2);
		assertThat(deployed.get("deployment").get("deployerName").asString()).isNotBlank();

		assertThat(api().post("/api/v1/releases/" + id + "/complete", manager, Map.of()).status())
			.as("the completion record is required").isEqualTo(400);
		scenario.stimulate(() -> api().post("/api/v1/releases/" + id + "/complete", manager,
				Map.of("note", "发布完成，业务验证通过，用户已通知")))
			.andWaitForEventOfType(ReleaseCompleted.class)
			.matching(event -> event.releaseId() == id)
			.toArriveAndVerify(event -> assertThat(event.releaseVersion()).isEqualTo("V2.4.0"));
		JsonNode completed = api().get("/api/v1/releases/" + id, manager).json();
		assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(completed.get("cmdbUpdates").get(0).asString()).isEqualTo("不动产登记系统 → V2.4.0");
		// the CMDB: the application system runs the release's version, recorded in its history; the VM is untouched
		assertThat(version(app)).isEqualTo("V2.4.0");
		JsonNode item = api().get("/api/v1/cis/" + app, manager).json();
		assertThat(item.get("attributes").get("app_version").asString()).isEqualTo("V2.4.0");
		assertThat(jdbc.sql("select count(*) from ci_change where item_id = ? and reason like ?")
			.params(app, created.get("number").asString() + "%").query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from ci_change where item_id = ?").param(vm).query(Integer.class)
			.single()).isEqualTo(1);
		for (String action : List.of("RELEASE_CREATED", "RELEASE_SUBMITTED", "RELEASE_APPROVED", "RELEASE_DEPLOYED",
				"RELEASE_COMPLETED")) {
			assertThat(world.releaseAudits(action, id)).as(action).isEqualTo(1);
		}
		// completed: nothing more may be edited or cancelled
		assertThat(api().put("/api/v1/releases/" + id, manager, world.release("改", List.of(app), List.of()))
			.status()).isEqualTo(409);
		assertThat(api().post("/api/v1/releases/" + id + "/cancel", manager, Map.of("reason", "不要了")).status())
			.isEqualTo(409);
	}

	@Test
	void anApprovalOfAReleaseEditedSinceItsSubmissionCountsForNothing(Scenario scenario) {
		long app = world.item("APPLICATION_SYSTEM", "网上办事大厅", Map.of("dengbao_level", "L2"));
		String manager = world.token(world.manager);
		Map<String, Object> body = world.release("网上办事大厅 V5 发布", List.of(app), List.of());
		long id = world.createRelease(body).get("id").asLong();
		long first = api().post("/api/v1/releases/" + id + "/submit", manager, null).json()
			.get("approvalRequestId").asLong();
		String hashBefore = jdbc.sql("select submitted_hash from release_record where id = ?").param(id)
			.query(String.class).single();

		body.put("knownErrors", "移动端首页加载慢");
		JsonNode edited = api().put("/api/v1/releases/" + id, manager, body).json();
		assertThat(edited.get("status").asString()).isEqualTo("SUBMITTED");
		long second = edited.get("approvalRequestId").asLong();
		assertThat(second).isNotEqualTo(first);

		// the old request was superseded: its approver is refused
		var stale = api().post("/api/v1/approvals/" + first + "/decisions", world.token(world.approver),
				Map.of("decision", "APPROVE"));
		assertThat(stale.status()).as(stale.body()).isEqualTo(409);
		// and a grant for the old hash delivered late changes nothing
		register.granted(id, hashBefore, Instant.now());
		assertThat(world.releaseStatus(id)).isEqualTo("SUBMITTED");
		assertThat(world.releaseAudits("RELEASE_APPROVED", id)).isZero();

		scenario.stimulate(() -> world.decide(second))
			.andWaitForStateChange(() -> world.releaseStatus(id), "APPROVED"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("APPROVED"));
	}

	@Test
	void aRejectionMakesADraftAgainWithTheReason(Scenario scenario) {
		long app = world.item("APPLICATION_SYSTEM", "公积金系统", Map.of("dengbao_level", "L3"));
		String manager = world.token(world.manager);
		long id = world.createRelease(world.release("公积金系统发布", List.of(app), List.of())).get("id").asLong();
		long request = api().post("/api/v1/releases/" + id + "/submit", manager, null).json()
			.get("approvalRequestId").asLong();
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + request + "/decisions",
				world.token(world.approver), Map.of("decision", "REJECT", "reason", "请避开月末结算")))
			.andWaitForStateChange(() -> world.releaseStatus(id), "DRAFT"::equals)
			.andVerify(status -> assertThat(api().get("/api/v1/releases/" + id, manager).json().get("decisionNote")
				.asString()).isEqualTo("请避开月末结算"));
		assertThat(world.releaseAudits("RELEASE_NOT_APPROVED", id)).isEqualTo(1);
	}

	private String version(long itemId) {
		return jdbc.sql("select attributes ->> 'app_version' from configuration_item where id = ?").param(itemId)
			.query(String.class).optional().orElse(null);
	}

	private static Map<String, Object> deployment(int failed) {
		Instant now = Instant.now();
		return new java.util.LinkedHashMap<>(Map.of("startedAt", now.minus(2, ChronoUnit.HOURS).toString(),
				"endedAt", now.minus(1, ChronoUnit.MINUTES).toString(), "steps",
				List.of(Map.of("description", "停止应用并备份数据库", "succeeded", true, "result", "备份 12GB"),
						Map.of("description", "部署 V2.4.0 应用包并验证", "succeeded", failed == 0, "result", "验证通过"))));
	}
}
