package org.yunwei.change.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

import tools.jackson.databind.JsonNode;

/**
 * Freeze windows (重要保障期) and the change calendar (变更日历): a normal change planned into a freeze window is refused,
 * an emergency one needs the override approval beside its own, and changes planned at overlapping times on the same
 * item are reported as conflicts in the month and on the change.
 */
@EnableScenarios
class ChangeCalendarIntegrationTests extends IntegrationTestSupport {

	private ChangeWorld world;

	@BeforeEach
	void world() {
		world = new ChangeWorld(jdbc, api());
	}

	/** A freeze window over the National Day holiday of 2098, declared by management once for all tests. */
	private long nationalDay() {
		JsonNode windows = api().get("/api/v1/freeze-windows?from=2098-10-01T00:00:00Z&to=2098-10-02T00:00:00Z",
				world.token(world.serviceManager)).json();
		for (JsonNode window : windows) {
			if (window.get("name").asString().equals("2098年国庆保障")) {
				return window.get("id").asLong();
			}
		}
		var declared = api().post("/api/v1/freeze-windows", world.token(world.serviceManager),
				Map.of("name", "2098年国庆保障", "reason", "重大节日", "startsAt", "2098-09-30T16:00:00Z", "endsAt",
						"2098-10-07T16:00:00Z"));
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		return declared.json().get("id").asLong();
	}

	private Map<String, Object> duringTheHoliday(String title, String category, long item) {
		Map<String, Object> body = world.change(title, List.of(item));
		body.put("category", category);
		body.put("plannedStart", "2098-10-03T02:00:00Z");
		body.put("plannedEnd", "2098-10-03T04:00:00Z");
		return body;
	}

	@Test
	void onlyManagementDeclaresFreezeWindowsAndBadPeriodsAreRefused() {
		nationalDay();
		var byProvider = api().post("/api/v1/freeze-windows", world.token(world.manager),
				Map.of("name", "服务商自设", "startsAt", "2098-01-01T00:00:00Z", "endsAt", "2098-01-02T00:00:00Z"));
		assertThat(byProvider.status()).isEqualTo(403);
		var backwards = api().post("/api/v1/freeze-windows", world.token(world.serviceManager),
				Map.of("name", "倒置", "startsAt", "2098-01-02T00:00:00Z", "endsAt", "2098-01-01T00:00:00Z"));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.json().get("errors").has("endsAt")).isTrue();
		assertThat(jdbc.sql("select count(*) from change_freeze_window where name in ('服务商自设', '倒置')")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aNormalChangeInAFreezeWindowIsRefusedAndAnEmergencyOneNeedsTheOverrideApproval(Scenario scenario) {
		nationalDay();
		long server = world.item("PHYSICAL_SERVER", "节日物理机", Map.of());
		String manager = world.token(world.manager);

		long normal = world.create(duringTheHoliday("节日期间扩容", "NORMAL", server)).get("id").asLong();
		var refused = api().post("/api/v1/changes/" + normal + "/submit", manager, null);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.json().get("errors").has("plannedStart")).isTrue();
		assertThat(world.status(normal)).isEqualTo("DRAFT");

		long emergency = world.create(duringTheHoliday("节日期间紧急修复漏洞", "EMERGENCY", server)).get("id").asLong();
		JsonNode submitted = api().post("/api/v1/changes/" + emergency + "/submit", manager, null).json();
		assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.get("freezeOverride").asBoolean()).isTrue();
		long own = submitted.get("approvalRequestId").asLong();
		long override = submitted.get("overrideRequestId").asLong();
		assertThat(override).isNotEqualTo(own);

		String approver = world.token(world.approver);
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + own + "/decisions", approver,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> world.audits("CHANGE_APPROVAL_GRANTED", emergency), n -> n == 1)
			.andVerify(n -> assertThat(world.status(emergency)).as("its own approval is not enough")
				.isEqualTo("SUBMITTED"));
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + override + "/decisions", approver,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> world.status(emergency), "APPROVED"::equals)
			.andVerify(status -> assertThat(world.audits("CHANGE_FREEZE_OVERRIDE_GRANTED", emergency))
				.isEqualTo(1));
	}

	@Test
	void changesPlannedAtOverlappingTimesOnTheSameItemConflict() {
		long id = nationalDay();
		long shared = world.item("NETWORK_DEVICE", "核心交换机-冲突", Map.of("device_type", "SWITCH"));
		long other = world.item("PHYSICAL_SERVER", "无关物理机", Map.of());
		Map<String, Object> first = world.change("交换机固件升级", List.of(shared));
		first.put("plannedStart", "2098-11-10T02:00:00Z");
		first.put("plannedEnd", "2098-11-10T06:00:00Z");
		Map<String, Object> second = world.change("交换机端口调整", List.of(shared, other));
		second.put("plannedStart", "2098-11-10T05:00:00Z");
		second.put("plannedEnd", "2098-11-10T07:00:00Z");
		Map<String, Object> apart = world.change("物理机巡检", List.of(other));
		apart.put("plannedStart", "2098-11-10T08:00:00Z");
		apart.put("plannedEnd", "2098-11-10T09:00:00Z");
		long a = world.create(first).get("id").asLong();
		long b = world.create(second).get("id").asLong();
		long c = world.create(apart).get("id").asLong();
		String manager = world.token(world.manager);

		JsonNode month = api().get("/api/v1/change-calendar?month=2098-11", manager).json();
		assertThat(month.get("view").asString()).isEqualTo("month");
		assertThat(ids(month.get("changes"))).containsExactly(a, b, c);
		assertThat(month.get("conflicts")).hasSize(1);
		JsonNode conflict = month.get("conflicts").get(0);
		assertThat(List.of(conflict.get("firstId").asLong(), conflict.get("secondId").asLong()))
			.containsExactly(a, b);
		assertThat(conflict.get("sharedItemIds").get(0).asLong()).isEqualTo(shared);
		JsonNode ofSecond = api().get("/api/v1/changes/" + b + "/conflicts", manager).json();
		assertThat(ofSecond).hasSize(1);
		assertThat(ofSecond.get(0).get("secondId").asLong()).isEqualTo(a);
		assertThat(api().get("/api/v1/changes/" + c + "/conflicts", manager).json()).isEmpty();

		JsonNode week = api().get("/api/v1/change-calendar?view=week&week=2098-10-03", manager).json();
		assertThat(week.get("from").asString()).isEqualTo("2098-09-29");
		assertThat(ids(week.get("freezeWindows"))).contains(id);
		var bad = api().get("/api/v1/change-calendar?month=2098-13", manager);
		assertThat(bad.status()).isEqualTo(400);
		// another provider's people do not see these changes
		assertThat(ids(api().get("/api/v1/change-calendar?month=2098-11", world.token(world.otherManager)).json()
			.get("changes"))).doesNotContain(a, b, c);
	}

	@Test
	void aBusyDayOfTheMonthShowsItsFiveMostRelevantChangesAndTheWeekListsThemAll() {
		long shared = world.item("PHYSICAL_SERVER", "繁忙日物理机", Map.of());
		List<Long> emergencies = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Map<String, Object> body = world.change("繁忙日紧急修复-" + i, List.of(world.item("VIRTUAL_MACHINE",
					"繁忙日云主机-" + i, Map.of())));
			body.put("category", "EMERGENCY");
			body.put("plannedStart", "2098-12-10T1" + i + ":00:00Z");
			body.put("plannedEnd", "2098-12-10T1" + i + ":30:00Z");
			emergencies.add(world.create(body).get("id").asLong());
		}
		long[] normal = new long[2];
		for (int i = 0; i < 2; i++) {
			Map<String, Object> body = world.change("繁忙日物理机扩容-" + i, List.of(shared));
			body.put("plannedStart", "2098-12-10T0" + (1 + i) + ":00:00Z");
			body.put("plannedEnd", "2098-12-10T0" + (3 + i) + ":00:00Z");
			normal[i] = world.create(body).get("id").asLong();
		}
		String manager = world.token(world.manager);

		JsonNode month = api().get("/api/v1/change-calendar?view=month&month=2098-12", manager).json();
		assertThat(month.get("count").asInt()).isEqualTo(7);
		assertThat(month.get("days")).hasSize(31);
		JsonNode tenth = month.get("days").get(9);
		assertThat(tenth.get("date").asString()).isEqualTo("2098-12-10");
		assertThat(tenth.get("count").asInt()).isEqualTo(7);
		assertThat(tenth.get("more").asInt()).isEqualTo(2);
		// the emergencies first; the two normal changes in conflict are not shown, their conflict is
		assertThat(longs(tenth.get("changeIds"))).containsExactlyElementsOf(emergencies);
		assertThat(ids(month.get("changes"))).containsExactlyElementsOf(emergencies);
		assertThat(month.get("conflicts")).hasSize(1);
		assertThat(month.get("conflicts").get(0).get("firstId").asLong()).isEqualTo(normal[0]);
		assertThat(month.get("conflicts").get(0).get("secondId").asLong()).isEqualTo(normal[1]);

		JsonNode week = api().get("/api/v1/change-calendar?view=week&week=2098-12-10", manager).json();
		assertThat(week.get("count").asInt()).isEqualTo(7);
		assertThat(ids(week.get("changes"))).hasSize(7).contains(normal[0], normal[1]);
		JsonNode inWeek = week.get("days").get(2);
		assertThat(inWeek.get("count").asInt()).isEqualTo(7);
		assertThat(inWeek.get("more").asInt()).isZero();
		assertThat(longs(inWeek.get("changeIds"))).startsWith(normal[0], normal[1]).hasSize(7);

		// the page says so: five shown, "还有 2 项" opening the week that lists all seven
		WebSession page = new WebSession(port);
		assertThat(page.signIn(world.manager, TestDirectory.PASSWORD, null).location()).doesNotContain("error");
		String body = page.get("/changes/calendar?month=2098-12").body();
		assertThat(body).contains("还有 2 项").contains("week=2098-12-10").contains("本月共计划 7 项变更")
			.doesNotContain("繁忙日物理机扩容");
		assertThat(page.get("/changes/calendar?view=week&week=2098-12-10").body()).contains("繁忙日物理机扩容-0",
				"繁忙日物理机扩容-1", "繁忙日紧急修复-4");
	}

	private static List<Long> longs(JsonNode array) {
		List<Long> ids = new ArrayList<>();
		array.forEach(i -> ids.add(i.asLong()));
		return ids;
	}

	private static List<Long> ids(JsonNode items) {
		List<Long> ids = new ArrayList<>();
		items.forEach(i -> ids.add(i.get("id").asLong()));
		return ids;
	}
}
