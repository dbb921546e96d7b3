package org.yunwei.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.HeldClusterLock;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import net.javacrumbs.shedlock.core.LockProvider;

/**
 * Plans on a cron schedule, and plans changed in place: the tasks already generated stay with their targets and
 * assignees, a target taken out makes no more tasks, a new one does, the template cannot change, and the change is
 * audited. The test holds the generation's cluster lock so that scheduled runs cannot act on its plans.
 */
class PlanChangeIntegrationTests extends IntegrationTestSupport {

	@Autowired
	TaskGeneration generation;

	@Autowired
	LockProvider locks;

	InspectionWorld world;
	HeldClusterLock generating;

	@BeforeEach
	void world() {
		world = new InspectionWorld(jdbc, api());
		generating = HeldClusterLock.hold(locks, "inspection-tasks");
	}

	@AfterEach
	void release() {
		generating.close();
	}

	private List<String> tasks(long plan) {
		return jdbc.sql("""
				select t.scheduled_on || ' ' || g.label from inspection_task t join inspection_plan_target g on g.id = t.target_id
				where t.plan_id = ? order by t.scheduled_on, g.label""").param(plan).query(String.class).list();
	}

	private void generate(long plan, String from, String to) {
		for (LocalDate day = LocalDate.parse(from); !day.isAfter(LocalDate.parse(to)); day = day.plusDays(1)) {
			generation.generate(plan, day);
		}
	}

	@Test
	void aCronPlanRunsOnTheDaysItsExpressionFiresOn() {
		Map<String, Object> body = world.serverPlan("2026-03-02", "2026-03-08");
		body.put("frequency", "CRON");
		body.put("cron", "0 9 * * 1,3,5");
		body.put("workingDaysOnly", false);
		long plan = world.plan(body);
		generate(plan, "2026-03-02", "2026-03-08");
		assertThat(tasks(plan)).extracting(t -> t.substring(0, 10)).containsExactly("2026-03-02", "2026-03-04",
				"2026-03-06");
		assertThat(api().get("/api/v1/inspection-plans/" + plan, world.token(world.agent)).json().get("cron")
			.asString()).isEqualTo("0 9 * * 1,3,5");

		Map<String, Object> wrong = world.serverPlan("2026-03-02", null);
		wrong.put("frequency", "CRON");
		wrong.put("cron", "every monday");
		var refused = api().post("/api/v1/inspection-plans", world.token(world.lead), wrong);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("\"cron\"");
		wrong.remove("cron");
		assertThat(api().post("/api/v1/inspection-plans", world.token(world.lead), wrong).body()).contains("\"cron\"");
	}

	@Test
	void aChangedPlanKeepsTheTasksItMadeAndAuditsTheChange() {
		Map<String, Object> body = new HashMap<>();
		body.put("name", TestDirectory.unique("机房巡检"));
		body.put("templateId", world.shippedTemplate("LOCATION"));
		body.put("frequency", "DAILY");
		body.put("workingDaysOnly", false);
		body.put("startsOn", "2026-04-01");
		body.put("locations", List.of("一号机房", "二号机房"));
		body.put("assigneeIds", List.of(world.userId(world.agent)));
		long plan = world.plan(body);
		generate(plan, "2026-04-01", "2026-04-01");

		body.put("locations", List.of("二号机房", "三号机房"));
		body.put("assigneeIds", List.of(world.userId(world.inspector)));
		body.put("name", body.get("name") + "（调整）");
		var changed = api().put("/api/v1/inspection-plans/" + plan, world.token(world.lead), body);
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("targets").findValuesAsString("label")).containsExactly("二号机房", "三号机房");
		generate(plan, "2026-04-02", "2026-04-02");

		assertThat(tasks(plan)).containsExactlyInAnyOrder("2026-04-01 一号机房", "2026-04-01 二号机房", "2026-04-02 三号机房",
				"2026-04-02 二号机房");
		// the first day's tasks keep their assignee; the next day's go to the new rota
		assertThat(jdbc.sql("select distinct assignee_id from inspection_task where plan_id = ? and scheduled_on = ?")
			.params(plan, java.sql.Date.valueOf("2026-04-01")).query(Long.class).list())
			.containsExactly(world.userId(world.agent));
		assertThat(jdbc.sql("select distinct assignee_id from inspection_task where plan_id = ? and scheduled_on = ?")
			.params(plan, java.sql.Date.valueOf("2026-04-02")).query(Long.class).list())
			.containsExactly(world.userId(world.inspector));
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'INSPECTION_PLAN_UPDATED' and object_id = ?")
			.param(String.valueOf(plan)).query(Long.class).single()).isEqualTo(1);

		body.put("templateId", world.serverTemplate());
		var otherTemplate = api().put("/api/v1/inspection-plans/" + plan, world.token(world.lead), body);
		assertThat(otherTemplate.status()).isEqualTo(400);
		assertThat(otherTemplate.body()).contains("\"templateId\"");
		assertThat(api().put("/api/v1/inspection-plans/" + plan, world.token(world.otherLead), body).status())
			.isEqualTo(404);
		assertThat(api().put("/api/v1/inspection-plans/" + plan, world.token(world.agent), body).status())
			.isEqualTo(403);
	}
}
