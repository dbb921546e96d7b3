package org.yunwei.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.inspection.InspectionTaskOverdue;
import org.yunwei.inspection.InspectionTaskSubmitted;
import org.yunwei.support.HeldClusterLock;
import org.yunwei.support.IntegrationTestSupport;

import net.javacrumbs.shedlock.core.LockProvider;

/**
 * The module's events, as other modules would hear them: an overdue task once escalated, a task submitted with the
 * number of anomalies it found. Scenario comes from the shared context.
 */
@EnableScenarios
class InspectionEventIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	TaskGeneration generation;

	@Autowired
	OverdueEscalation escalation;

	@Autowired
	LockProvider locks;

	InspectionWorld world;
	HeldClusterLock escalating;
	long plan;
	long task;

	@BeforeEach
	void task() {
		world = new InspectionWorld(jdbc, api());
		escalating = HeldClusterLock.hold(locks, "inspection-overdue");
		Map<String, Object> body = world.serverPlan("2026-08-03", "2026-08-31");
		body.put("assigneeIds", List.of(world.userId(world.inspector)));
		plan = world.plan(body);
		generation.generate(plan, LocalDate.parse("2026-08-03"));
		task = jdbc.sql("select id from inspection_task where plan_id = ?").param(plan).query(Long.class).single();
	}

	@AfterEach
	void release() {
		escalating.close();
	}

	@Test
	void anOverdueTaskIsPublishedWithItsPlanAndAssignee(Scenario scenario) {
		scenario.stimulate(() -> {
			escalation.escalate(LocalDateTime.parse("2026-08-03T18:00:00").atZone(SHANGHAI).toInstant());
		})
			.andWaitForEventOfType(InspectionTaskOverdue.class)
			.matching(overdue -> overdue.taskId() == task)
			.toArriveAndVerify(overdue -> {
				assertThat(overdue.planId()).isEqualTo(plan);
				assertThat(overdue.assigneeId()).isEqualTo(world.userId(world.inspector));
			});
	}

	@Test
	void aSubmittedTaskIsPublishedWithItsItemAndAnomalies(Scenario scenario) {
		scenario.stimulate(() -> {
			var answer = api().post("/api/v1/inspection-tasks/" + task + "/submit", world.token(world.inspector),
					Map.of("signature", "李巡检", "results", Map.of("lights", Map.of("value", "PASS"), "cpu",
							Map.of("value", "20"), "memory", Map.of("value", "30"), "disk", Map.of("value", "40"),
							"logs", Map.of("value", "PASS"))));
			assertThat(answer.status()).isEqualTo(200);
		})
			.andWaitForEventOfType(InspectionTaskSubmitted.class)
			.matching(submitted -> submitted.taskId() == task)
			.toArriveAndVerify(submitted -> {
				assertThat(submitted.ciId()).isEqualTo(world.server);
				assertThat(submitted.anomalies()).isZero();
			});
	}
}
