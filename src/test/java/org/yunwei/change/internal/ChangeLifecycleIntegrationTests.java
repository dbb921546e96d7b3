package org.yunwei.change.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.change.ChangeApproved;
import org.yunwei.change.ChangeClosed;
import org.yunwei.change.ChangeImplemented;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * A change's life through the API: raised with its risk assessed from the CMDB's impact analysis, refused for
 * approval without a rollback plan, approved through the approval module for the content submitted, implemented
 * step by step, its outcome recorded and reviewed; every decision audited and the events published.
 */
@EnableScenarios
class ChangeLifecycleIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ChangeRegister register;

	private ChangeWorld world;

	@BeforeEach
	void world() {
		world = new ChangeWorld(jdbc, api());
	}

	@Test
	void aChangeGoesFromRequestThroughApprovalAndImplementationToReview(Scenario scenario) {
		long vm = world.item("VIRTUAL_MACHINE", "政务云主机-A", Map.of());
		long app = world.item("APPLICATION_SYSTEM", "不动产登记系统", Map.of("dengbao_level", "L3"));
		long service = world.item("BUSINESS_SERVICE", "不动产登记服务", Map.of());
		world.relate(app, vm, "RUNS_ON");
		world.relate(service, app, "DEPENDS_ON");
		String manager = world.token(world.manager);

		Map<String, Object> body = world.change("不动产登记系统升级", List.of(vm));
		body.remove("rollbackPlan");
		JsonNode created = world.create(body);
		long id = created.get("id").asLong();
		assertThat(created.get("number").asString()).matches("CHG-\\d{8}-\\d{4,}");
		assertThat(created.get("status").asString()).isEqualTo("DRAFT");
		// the VM's failure reaches the application (等保 L3) and the service: the assessment names them
		JsonNode assessment = created.get("assessment");
		assertThat(assessment.get("reached").asInt()).isEqualTo(2);
		assertThat(assessment.get("applicationSystems").get(0).asString()).isEqualTo("不动产登记系统");
		assertThat(assessment.get("services").get(0).asString()).isEqualTo("不动产登记服务");
		assertThat(created.get("riskLevel").asString()).isEqualTo("MEDIUM");

		// no rollback plan: the submission is refused and changes nothing
		var refused = api().post("/api/v1/changes/" + id + "/submit", manager, null);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("errors").has("rollbackPlan")).isTrue();
		assertThat(world.status(id)).isEqualTo("DRAFT");
		assertThat(world.audits("CHANGE_SUBMITTED", id)).isZero();

		body.put("rollbackPlan", "恢复虚拟机快照");
		assertThat(api().put("/api/v1/changes/" + id, manager, body).status()).isEqualTo(200);
		JsonNode submitted = api().post("/api/v1/changes/" + id + "/submit", manager, null).json();
		assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
		long request = submitted.get("approvalRequestId").asLong();
		// not approved yet: implementation is refused
		assertThat(api().post("/api/v1/changes/" + id + "/start", manager, null).status()).isEqualTo(409);

		String approver = world.token(world.approver);
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + request + "/decisions", approver,
				Map.of("decision", "APPROVE")))
			.andWaitForEventOfType(ChangeApproved.class)
			.matching(event -> event.changeId() == id)
			.toArriveAndVerify(event -> assertThat(event.ciIds()).containsExactly(vm));
		assertThat(world.status(id)).isEqualTo("APPROVED");

		JsonNode started = api().post("/api/v1/changes/" + id + "/start", manager, null).json();
		assertThat(started.get("status").asString()).isEqualTo("IMPLEMENTING");
		assertThat(started.get("actualStart").isNull()).isFalse();
		assertThat(api().post("/api/v1/changes/" + id + "/steps/1/result", manager,
				Map.of("succeeded", false)).status()).as("a failed step needs its result").isEqualTo(400);
		JsonNode stepped = api().post("/api/v1/changes/" + id + "/steps/1/result", manager,
				Map.of("succeeded", true, "result", "已备份")).json();
		assertThat(stepped.get("steps").get(0).get("succeeded").asBoolean()).isTrue();
		assertThat(api().post("/api/v1/changes/" + id + "/complete", manager, Map.of("outcome", "ROLLED_BACK"))
			.status()).as("a failed change needs its note").isEqualTo(400);

		scenario.stimulate(() -> api().post("/api/v1/changes/" + id + "/complete", manager,
				Map.of("outcome", "SUCCESSFUL")))
			.andWaitForEventOfType(ChangeImplemented.class)
			.matching(event -> event.changeId() == id)
			.toArriveAndVerify(event -> assertThat(event.outcome()).isEqualTo("SUCCESSFUL"));
		assertThat(api().post("/api/v1/changes/" + id + "/review", manager, Map.of()).status()).isEqualTo(400);
		scenario.stimulate(() -> api().post("/api/v1/changes/" + id + "/review", manager,
				Map.of("review", "升级顺利，无业务中断")))
			.andWaitForEventOfType(ChangeClosed.class)
			.matching(event -> event.changeId() == id)
			.toArrive();
		JsonNode closed = api().get("/api/v1/changes/" + id, manager).json();
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("review").asString()).isEqualTo("升级顺利，无业务中断");
		assertThat(closed.get("actualEnd").isNull()).isFalse();
		for (String action : List.of("CHANGE_CREATED", "CHANGE_EDITED", "CHANGE_SUBMITTED", "CHANGE_APPROVED",
				"CHANGE_STARTED", "CHANGE_STEP_RECORDED", "CHANGE_IMPLEMENTED", "CHANGE_REVIEWED")) {
			assertThat(world.audits(action, id)).as(action).isEqualTo(1);
		}
		// closed: nothing more may be edited
		assertThat(api().put("/api/v1/changes/" + id, manager, body).status()).isEqualTo(409);
	}

	@Test
	void anApprovalOfAChangeEditedSinceItsSubmissionCountsForNothing(Scenario scenario) {
		long server = world.item("PHYSICAL_SERVER", "物理机-01", Map.of());
		String manager = world.token(world.manager);
		Map<String, Object> body = world.change("物理机内存扩容", List.of(server));
		long id = world.create(body).get("id").asLong();
		long first = api().post("/api/v1/changes/" + id + "/submit", manager, null).json().get("approvalRequestId")
			.asLong();
		String hashBefore = jdbc.sql("select submitted_hash from change_request where id = ?").param(id)
			.query(String.class).single();

		body.put("plannedEnd", "2099-03-01T18:00:00Z");
		JsonNode edited = api().put("/api/v1/changes/" + id, manager, body).json();
		assertThat(edited.get("status").asString()).isEqualTo("SUBMITTED");
		long second = edited.get("approvalRequestId").asLong();
		assertThat(second).isNotEqualTo(first);

		// the approver of the old request is refused: that request was superseded by the edit
		String approver = world.token(world.approver);
		var stale = api().post("/api/v1/approvals/" + first + "/decisions", approver, Map.of("decision", "APPROVE"));
		assertThat(stale.status()).as(stale.body()).isEqualTo(409);
		assertThat(world.status(id)).isEqualTo("SUBMITTED");
		// and a grant for the old hash, delivered late (as the listener would pass it on), changes nothing
		register.granted(id, hashBefore, Instant.now(), false);
		assertThat(world.status(id)).isEqualTo("SUBMITTED");
		assertThat(world.audits("CHANGE_APPROVED", id)).isZero();

		scenario.stimulate(() -> api().post("/api/v1/approvals/" + second + "/decisions", approver,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> world.status(id), "APPROVED"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("APPROVED"));
	}

	@Test
	void aRejectionMakesADraftAgainWithTheReason(Scenario scenario) {
		long server = world.item("PHYSICAL_SERVER", "物理机-02", Map.of());
		String manager = world.token(world.manager);
		long id = world.create(world.change("更换硬盘", List.of(server))).get("id").asLong();
		long request = api().post("/api/v1/changes/" + id + "/submit", manager, null).json()
			.get("approvalRequestId").asLong();
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + request + "/decisions",
				world.token(world.approver), Map.of("decision", "REJECT", "reason", "请避开月末结算")))
			.andWaitForStateChange(() -> world.status(id), "DRAFT"::equals)
			.andVerify(status -> assertThat(api().get("/api/v1/changes/" + id, manager).json().get("decisionNote")
				.asString()).isEqualTo("请避开月末结算"));
		assertThat(world.audits("CHANGE_NOT_APPROVED", id)).isEqualTo(1);
	}
}
