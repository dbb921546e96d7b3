package org.yunwei.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.HeldClusterLock;
import org.yunwei.support.IntegrationTestSupport;

import net.javacrumbs.shedlock.core.LockProvider;

/**
 * Templates and plans through the API, and the two jobs run with a given "now": task generation across the 2026
 * Spring Festival (holidays and 调休 Saturdays), once however often and however concurrently it runs, and the
 * escalation of overdue tasks to the plan's owner. The test holds both jobs' cluster locks, as another node would,
 * so that their scheduled runs cannot act on its plans.
 */
class InspectionPlanIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	TaskGeneration generation;

	@Autowired
	OverdueEscalation escalation;

	@Autowired
	LockProvider locks;

	@Autowired
	InspectionEvidence evidence;

	InspectionWorld world;
	HeldClusterLock generating;
	HeldClusterLock escalating;

	@BeforeEach
	void world() {
		world = new InspectionWorld(jdbc, api());
		generating = HeldClusterLock.hold(locks, "inspection-tasks");
		escalating = HeldClusterLock.hold(locks, "inspection-overdue");
	}

	@AfterEach
	void release() {
		generating.close();
		escalating.close();
	}

	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}

	private List<LocalDate> taskDays(long plan) {
		return jdbc.sql("select scheduled_on from inspection_task where plan_id = ? order by scheduled_on")
			.param(plan).query(LocalDate.class).list();
	}

	@Test
	void shipsTheFiveTemplatesAndRefusesBadItemsNamingEachRow() {
		var list = api().get("/api/v1/inspection-templates", world.token(world.agent));
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().findValuesAsString("name")).contains("机房日常巡检", "服务器巡检", "网络设备巡检",
				"办公区域巡检", "应用系统健康检查");

		var refused = api().post("/api/v1/inspection-templates", world.token(world.lead), Map.of("name", "UPS巡检",
				"targetKind", "CI_CLASS", "ciClassCode", "UPS", "items", List.of(
						Map.of("label", "", "kind", "PASS_FAIL"),
						Map.of("label", "电池电压", "kind", "NUMBER", "min", 220, "max", 200),
						Map.of("label", "外观", "kind", "PASS_FAIL", "unit", "V"))));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").get("items[0].label").asText()).isNotBlank();
		assertThat(refused.json().get("errors").get("items[1].max").asText()).isNotBlank();
		assertThat(refused.json().get("errors").get("items[2].unit").asText()).isNotBlank();
		assertThat(jdbc.sql("select count(*) from inspection_template where name = 'UPS巡检'").query(Integer.class)
			.single()).isZero();

		// the agent may read but not keep templates; a shipped one is copied, never changed
		assertThat(api().post("/api/v1/inspection-templates", world.token(world.agent), Map.of()).status())
			.isEqualTo(403);
		long shipped = world.serverTemplate();
		assertThat(api().put("/api/v1/inspection-templates/" + shipped, world.token(world.lead), Map.of("name", "x",
				"targetKind", "CI_CLASS", "ciClassCode", "SERVER", "items", List.of(Map.of("label", "a", "kind",
						"TEXT")))).status()).isEqualTo(409);
		var copy = api().post("/api/v1/inspection-templates/" + shipped + "/copy", world.token(world.lead), null);
		assertThat(copy.status()).isEqualTo(201);
		long copied = copy.json().get("id").asLong();
		assertThat(copy.json().get("shipped").asBoolean()).isFalse();
		// the other provider does not see the copy
		assertThat(api().get("/api/v1/inspection-templates/" + copied, world.token(world.otherLead)).status())
			.isEqualTo(404);
	}

	@Test
	void revisingTheItemsMakesANewVersionAndEarlierTasksKeepTheirs() {
		var created = api().post("/api/v1/inspection-templates", world.token(world.lead), Map.of("name", "UPS巡检",
				"targetKind", "CI_CLASS", "ciClassCode", "SERVER", "items", List.of(
						Map.of("label", "电池电压", "kind", "NUMBER", "unit", "V", "min", 200, "max", 240))));
		assertThat(created.status()).isEqualTo(201);
		long template = created.json().get("id").asLong();
		Map<String, Object> body = world.serverPlan("2026-03-02", "2026-03-31");
		body.put("templateId", template);
		long plan = world.plan(body);
		generation.generate(plan, LocalDate.parse("2026-03-02"));

		var revised = api().put("/api/v1/inspection-templates/" + template, world.token(world.lead), Map.of("name",
				"UPS巡检", "targetKind", "CI_CLASS", "ciClassCode", "SERVER", "items", List.of(
						Map.of("label", "电池电压", "kind", "NUMBER", "unit", "V", "min", 200, "max", 240),
						Map.of("label", "告警灯", "kind", "PASS_FAIL"))));
		assertThat(revised.status()).isEqualTo(200);
		assertThat(revised.json().get("version").asInt()).isEqualTo(2);
		generation.generate(plan, LocalDate.parse("2026-03-03"));

		List<Integer> versions = jdbc.sql("""
				select v.number from inspection_task t join inspection_template_version v on v.id = t.template_version_id
				where t.plan_id = ? order by t.scheduled_on""").param(plan).query(Integer.class).list();
		assertThat(versions).containsExactly(1, 2);
		// a rename without item changes keeps the version
		var renamed = api().put("/api/v1/inspection-templates/" + template, world.token(world.lead),
				Map.of("name", "UPS 巡检", "targetKind", "CI_CLASS", "ciClassCode", "SERVER", "items", List.of(
						Map.of("label", "电池电压", "kind", "NUMBER", "unit", "V", "min", 200, "max", 240),
						Map.of("label", "告警灯", "kind", "PASS_FAIL"))));
		assertThat(renamed.json().get("version").asInt()).isEqualTo(2);
	}

	@Test
	void refusesAPlanWithItemsOfAnotherClassPeopleOfAnotherPartyOrNoTargetsAndWritesNothing() {
		Map<String, Object> body = world.serverPlan("2026-03-02", null);
		body.put("ciIds", List.of(world.printer));
		body.put("assigneeIds", List.of(world.userId(world.otherLead)));
		body.put("frequency", "WEEKLY");
		var refused = api().post("/api/v1/inspection-plans", world.token(world.lead), body);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").propertyNames())
			.contains("ciIds", "assigneeIds", "dayOfWeek");
		assertThat(jdbc.sql("select count(*) from inspection_plan where name = ?").param(body.get("name"))
			.query(Integer.class).single()).isZero();
		// supervision reads plans, never makes them
		assertThat(api().post("/api/v1/inspection-plans", world.token(world.supervisor), body).status())
			.isEqualTo(403);
	}

	@Test
	void generatesOnWorkingDaysAcrossTheSpringFestivalIncludingTheMakeUpSaturdays() {
		long plan = world.plan(world.serverPlan("2026-02-12", "2026-03-01"));

		// Thursday 12th, Friday 13th and the 调休 Saturday 14th
		assertThat(generation.generateUpTo(at("2026-02-14T08:00:00"))).isEqualTo(3);
		// 15th to 23rd: the holiday
		generation.generateUpTo(at("2026-02-22T08:00:00"));
		generation.generateUpTo(at("2026-02-23T08:00:00"));
		assertThat(taskDays(plan)).hasSize(3);
		// back to work on Tuesday 24th; Saturday 28th is a 调休 workday again, Sunday 1st is not
		generation.generateUpTo(at("2026-03-01T08:00:00"));
		assertThat(taskDays(plan)).containsExactly(LocalDate.parse("2026-02-12"), LocalDate.parse("2026-02-13"),
				LocalDate.parse("2026-02-14"), LocalDate.parse("2026-02-24"), LocalDate.parse("2026-02-25"),
				LocalDate.parse("2026-02-26"), LocalDate.parse("2026-02-27"), LocalDate.parse("2026-02-28"));

		// due at 17:30 Beijing time of the day, the rota turning by day
		var task = jdbc.sql("select due_at, assignee_id from inspection_task where plan_id = ? and scheduled_on = ?")
			.params(plan, LocalDate.parse("2026-02-13")).query((rs, n) -> List.of(rs.getTimestamp(1).toInstant(),
					rs.getLong(2))).single();
		assertThat(task.get(0)).isEqualTo(at("2026-02-13T17:30:00"));
		List<Long> assignees = jdbc.sql("select distinct assignee_id from inspection_task where plan_id = ?")
			.param(plan).query(Long.class).list();
		assertThat(assignees).containsExactlyInAnyOrder(world.userId(world.inspector), world.userId(world.agent));
	}

	@Test
	void makesEachTaskOnceHoweverManyRunsAtOnce() throws Exception {
		Map<String, Object> body = world.serverPlan("2026-04-01", "2026-04-30");
		long plan = world.plan(body);
		LocalDate day = LocalDate.parse("2026-04-01");
		int runs = 4;
		CyclicBarrier start = new CyclicBarrier(runs);
		List<CompletableFuture<Integer>> made = java.util.stream.IntStream.range(0, runs)
			.mapToObj(i -> CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
				return generation.generate(plan, day);
			}))
			.toList();
		int total = 0;
		for (CompletableFuture<Integer> run : made) {
			total += run.get();
		}
		assertThat(total).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from inspection_task where plan_id = ? and scheduled_on = ?")
			.params(plan, day).query(Integer.class).single()).isEqualTo(1);
		assertThat(generation.generate(plan, day)).isZero();
	}

	@Test
	void pausedPlansMakeNothingAndOverdueTasksAreEscalatedToTheOwnerOnce() {
		long plan = world.plan(world.serverPlan("2026-05-06", "2026-05-31"));
		generation.generateUpTo(at("2026-05-06T08:00:00"));
		long task = jdbc.sql("select id from inspection_task where plan_id = ?").param(plan).query(Long.class)
			.single();

		escalation.escalate(at("2026-05-06T17:00:00"));
		assertThat(jdbc.sql("select escalated_at is null from inspection_task where id = ?").param(task)
			.query(Boolean.class).single()).isTrue();
		escalation.escalate(at("2026-05-06T17:31:00"));
		assertThat(jdbc.sql("select escalated_at is not null from inspection_task where id = ?").param(task)
			.query(Boolean.class).single()).isTrue();
		long owner = world.userId(world.lead);
		assertThat(jdbc.sql("select count(*) from notification where user_id = ? and topic = 'inspection.overdue'")
			.param(owner).query(Integer.class).single()).isEqualTo(1);
		escalation.escalate(at("2026-05-07T09:00:00"));
		assertThat(jdbc.sql("select count(*) from notification where user_id = ? and topic = 'inspection.overdue'")
			.param(owner).query(Integer.class).single()).isEqualTo(1);

		var paused = api().post("/api/v1/inspection-plans/" + plan + "/pause", world.token(world.lead), null);
		assertThat(paused.status()).isEqualTo(200);
		assertThat(api().post("/api/v1/inspection-plans/" + plan + "/pause", world.token(world.lead), null)
			.status()).isEqualTo(409);
		generation.generateUpTo(at("2026-05-08T08:00:00"));
		assertThat(taskDays(plan)).containsExactly(LocalDate.parse("2026-05-06"));
		// the other provider does not see the plan
		assertThat(api().get("/api/v1/inspection-plans/" + plan, world.token(world.otherLead)).status())
			.isEqualTo(404);
		assertThat(api().get("/api/v1/inspection-plans/" + plan, world.token(world.supervisor)).status())
			.isEqualTo(200);
	}

	@Test
	void reportsAndEvidencesTheMonthsInspectionsWithTheOverdueOnesAsGaps() {
		long plan = world.plan(world.serverPlan("2026-07-01", "2026-07-31"));
		generation.generate(plan, LocalDate.parse("2026-07-01"));
		generation.generate(plan, LocalDate.parse("2026-07-02"));

		var report = api().get("/api/v1/inspection-reports?month=2026-07", world.token(world.lead)).json();
		var line = report.get("plans").valueStream().filter(l -> l.get("planId").asLong() == plan).findFirst()
			.orElseThrow();
		assertThat(line.get("planned").asLong()).isEqualTo(2);
		assertThat(line.get("overdue").asLong()).isEqualTo(2);
		assertThat(line.get("done").asLong()).isZero();
		assertThat(api().get("/api/v1/inspection-reports?month=July", world.token(world.lead)).status())
			.isEqualTo(400);
		var workbook = api().getAccepting("/api/v1/inspection-reports/export?month=2026-07", world.token(world.lead),
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(workbook.status()).isEqualTo(200);

		var found = evidence.evidence(new org.yunwei.compliance.EvidenceRequest(LocalDate.parse("2026-07-01"),
				LocalDate.parse("2026-07-31"), SHANGHAI, world.providerParty, at("2026-07-03T09:00:00")));
		assertThat(found).extracting(org.yunwei.compliance.Evidence::itemId).containsExactlyInAnyOrder("5.6.2a.1",
				"9.2.2a");
		assertThat(found).allSatisfy(e -> {
			assertThat(e.state()).isEqualTo(org.yunwei.compliance.EvidenceState.EVIDENCED);
			assertThat(e.figures()).anySatisfy(f -> {
				assertThat(f.label()).isEqualTo("evidence.inspection.planned");
				assertThat(f.value()).isEqualTo(2);
			});
			assertThat(e.gaps()).extracting(org.yunwei.compliance.Evidence.Note::key)
				.contains("evidence.inspection.gap.overdue");
		});
	}
}
