package org.yunwei.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.emergency.EmergencyDeclared;
import org.yunwei.support.ApiClient.Response;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Emergency events through the API: declared from an incident with the plan's procedure as the checklist; the
 * timeline keeps every step in the order it was done, to the microsecond, with who did it; the rules of the response
 * refuse what does not fit and change nothing; the stakeholders are told by the level.
 */
@EnableScenarios
class EmergencyEventIntegrationTests extends IntegrationTestSupport {

	@Autowired
	EmergencyPlanApproval approval;

	EmergencyWorld world;
	String manager;
	String agent;

	@BeforeEach
	void world() {
		world = new EmergencyWorld(jdbc, api());
		manager = world.token(world.manager);
		agent = world.token(world.agent);
	}

	@Test
	void theTimelineKeepsWhatWasDoneInOrderToTheMicrosecondWithWhoDidIt() {
		long plan = world.approvedPlan(approval, "核心网络中断应急预案");
		long ticket = world.fixtures.submitted("政务外网全部中断").get("ticket").get("id").asLong();
		List<Instant[]> windows = new ArrayList<>();
		JsonNode declared = timed(windows, () -> world.api.post("/api/v1/emergency-events", manager, Map.of("title",
				"政务外网中断", "description", "多个委办局无法访问政务外网。", "level", "SERIOUS", "planId", plan, "ticketId",
				ticket))).json();
		long id = declared.get("id").asLong();
		assertThat(declared.get("number").asString()).matches("EMG-\\d{8}-\\d{4}");
		assertThat(declared.get("ticketId").asLong()).isEqualTo(ticket);
		JsonNode steps = declared.get("steps");
		String base = "/api/v1/emergency-events/" + id;
		timed(windows, () -> world.api.post(base + "/steps/" + steps.get(0).get("id").asLong() + "/done", agent,
				Map.of("note", "网络组 3 人已出发")));
		timed(windows, () -> world.api.post(base + "/actions", manager, Map.of("phase", "DIAGNOSIS", "text",
				"核心交换机主控板故障")));
		timed(windows, () -> world.api.post(base + "/steps/" + steps.get(1).get("id").asLong() + "/done", manager,
				Map.of()));
		timed(windows, () -> world.api.post(base + "/escalate", manager, Map.of("level", "MAJOR", "reason",
				"中断超过 1 小时")));
		timed(windows, () -> world.api.post(base + "/actions", agent, Map.of("phase", "COMMUNICATION", "text",
				"已电话通知各委办局信息科")));
		timed(windows, () -> world.api.post(base + "/steps/" + steps.get(2).get("id").asLong() + "/done", agent, null));
		timed(windows, () -> world.api.post(base + "/close", manager, Map.of("summary", "主控板更换后恢复。")));

		JsonNode timeline = world.api.get(base + "/timeline", agent).json();
		assertThat(timeline.size()).isEqualTo(windows.size());
		List<String> kinds = new ArrayList<>();
		List<Long> actors = new ArrayList<>();
		Instant previous = Instant.MIN;
		for (int i = 0; i < timeline.size(); i++) {
			JsonNode entry = timeline.get(i);
			kinds.add(entry.get("kind").asString());
			actors.add(entry.get("actorId").asLong());
			Instant at = Instant.parse(entry.get("at").asString());
			// each entry carries the instant it was done: within its own call, after the one before
			assertThat(at).isBetween(windows.get(i)[0], windows.get(i)[1]).isAfterOrEqualTo(previous);
			previous = at;
		}
		assertThat(kinds).containsExactly("DECLARED", "STEP_DONE", "ACTION", "STEP_DONE", "ESCALATED", "ACTION",
				"STEP_DONE", "CLOSED");
		long m = world.id(world.manager);
		long a = world.id(world.agent);
		assertThat(actors).containsExactly(m, a, m, m, m, a, a, m);

		JsonNode event = world.api.get(base, manager).json();
		assertThat(event.get("status").asString()).isEqualTo("CLOSED");
		assertThat(event.get("level").asString()).isEqualTo("MAJOR");
		// a step's done time is its timeline entry's, to the microsecond, and who did it is named
		assertThat(event.get("steps").get(0).get("doneAt").asString()).isEqualTo(timeline.get(1).get("at").asString());
		assertThat(event.get("steps").get(0).get("doneById").asLong()).isEqualTo(a);
		assertThat(event.get("steps").get(0).get("note").asString()).isEqualTo("网络组 3 人已出发");
		assertThat(event.get("closedAt").asString()).isEqualTo(timeline.get(7).get("at").asString());
		assertThat(timeline.get(4).get("level").asString()).isEqualTo("MAJOR");
		// only the entries after a given one: what a watching page asks for
		JsonNode after = world.api.get(base + "/timeline?after=" + timeline.get(5).get("id").asLong(), agent).json();
		assertThat(after.size()).isEqualTo(2);
		assertThat(after.get(0).get("kind").asString()).isEqualTo("STEP_DONE");

		// the page shows each entry to the second in Asia/Shanghai, in the same order
		String page = signedIn(world.manager).get("/emergency/events/" + id).body();
		DateTimeFormatter seconds = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(ZoneId.of("Asia/Shanghai"));
		int position = -1;
		for (JsonNode entry : timeline) {
			int found = page.indexOf("id=\"entry-" + entry.get("id").asLong() + "\"");
			assertThat(found).isGreaterThan(position);
			assertThat(page.substring(found)).contains(seconds.format(Instant.parse(entry.get("at").asString())));
			position = found;
		}
		assertThat(world.audits("EMERGENCY_EVENT_DECLARED", id)).isEqualTo(1);
		assertThat(world.audits("EMERGENCY_STEP_DONE", id)).isEqualTo(3);
		assertThat(world.audits("EMERGENCY_EVENT_CLOSED", id)).isEqualTo(1);

		// the ticket's page loads the box that links the event
		assertThat(signedIn(world.agent).get("/emergency/tickets/" + ticket).body())
			.contains("/emergency/events/" + id, declared.get("number").asString());
	}

	@Test
	void whatDoesNotFitTheResponseIsRefusedAndChangesNothing() {
		long plan = world.approvedPlan(approval, "机房断电应急预案");
		var declared = world.api.post("/api/v1/emergency-events", manager, Map.of("title", "机房断电", "description",
				"A 区机柜断电。", "level", "SERIOUS", "planId", plan));
		long id = declared.json().get("id").asLong();
		long step = declared.json().get("steps").get(0).get("id").asLong();
		String base = "/api/v1/emergency-events/" + id;
		assertThat(world.api.post(base + "/steps/" + step + "/done", agent, null).status()).isEqualTo(200);
		long entries = entries(id);

		assertThat(world.api.post(base + "/steps/" + step + "/done", manager, null).status()).isEqualTo(409);
		assertThat(world.api.post(base + "/close", manager, Map.of("summary", "结束")).status()).isEqualTo(422);
		assertThat(world.api.post(base + "/escalate", manager, Map.of("level", "GENERAL", "reason", "降级"))
			.status()).isEqualTo(422);
		Response closure = world.api.post(base + "/actions", manager, Map.of("phase", "CLOSURE", "text", "结束"));
		assertThat(closure.status()).isEqualTo(400);
		assertThat(closure.json().get("errors").has("phase")).isTrue();
		assertThat(world.api.post(base + "/actions", manager, Map.of("phase", "DIAGNOSIS")).status()).isEqualTo(400);
		assertThat(world.api.post(base + "/steps/999999999/done", manager, null).status()).isEqualTo(404);
		Response bad = world.api.post("/api/v1/emergency-events", manager, Map.of("level", "HUGE", "ticketId",
				999999999L, "planId", 999999999L));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").propertyNames()).contains("title", "description", "level", "ticketId",
				"planId");
		// a supervisor reads the event and may not respond
		String supervisor = world.token(world.directory.user(world.directory.orgUnit(world.directory.party(
				"SUPERVISION", org.yunwei.support.TestDirectory.unique("监理")), null, "监理组"), "SUPERVISOR"));
		assertThat(world.api.get(base, supervisor).status()).isEqualTo(200);
		assertThat(world.api.post(base + "/actions", supervisor, Map.of("phase", "DIAGNOSIS", "text", "看看"))
			.status()).isEqualTo(403);
		assertThat(entries(id)).isEqualTo(entries);
		assertThat(world.jdbc.sql("select status from emergency_event where id = ?").param(id).query(String.class)
			.single()).isEqualTo("OPEN");
	}

	@Test
	void theStakeholdersAreToldByTheLevel(Scenario scenario) {
		long plan = world.approvedPlan(approval, "数据库宕机应急预案");
		long management = world.directory.userId(world.directory.user(world.fixtures.managementUnit(),
				"EMERGENCY_MANAGER"));
		long general = declare(scenario, plan, "GENERAL");
		// 一般: the plan's organisation only (the duty officer)
		assertThat(told(general)).containsExactly(world.id(world.agent));

		long major = declare(scenario, plan, "MAJOR");
		// 重大: also the acting backup of the role's post, the party's emergency managers and management's
		assertThat(told(major)).contains(world.id(world.agent), world.id(world.backup), world.id(world.manager),
				management);

		world.api.post("/api/v1/emergency-events/" + general + "/escalate", manager, Map.of("level", "SERIOUS",
				"reason", "影响扩大"));
		assertThat(jdbc.sql("select count(*) from notification where link = ? and topic = 'emergency.escalated'")
			.param("/emergency/events/" + general).query(Long.class).single()).isGreaterThan(1);
		assertThat(told(general)).contains(world.id(world.backup), world.id(world.manager))
			.doesNotContain(management);
	}

	private long declare(Scenario scenario, long plan, String level) {
		long[] id = new long[1];
		scenario.stimulate(() -> id[0] = world.api.post("/api/v1/emergency-events", manager, Map.of("title",
				"数据库宕机", "description", "核心业务库无法连接。", "level", level, "planId", plan)).json().get("id").asLong())
			.andWaitForEventOfType(EmergencyDeclared.class)
			.matching(declared -> declared.level().equals(level) && declared.planId() == plan)
			.toArriveAndVerify(declared -> assertThat(declared.eventId()).isEqualTo(id[0]));
		return id[0];
	}

	private List<Long> told(long eventId) {
		return jdbc.sql("select distinct user_id from notification where link = ? order by user_id")
			.param("/emergency/events/" + eventId).query(Long.class).list();
	}

	private long entries(long eventId) {
		return jdbc.sql("select count(*) from emergency_event_entry where event_id = ?").param(eventId)
			.query(Long.class).single();
	}

	private org.yunwei.support.WebSession signedIn(String username) {
		org.yunwei.support.WebSession session = new org.yunwei.support.WebSession(port);
		assertThat(session.signIn(username, org.yunwei.support.TestDirectory.PASSWORD, null).status()).isEqualTo(302);
		return session;
	}

	private static Response timed(List<Instant[]> windows, Supplier<Response> call) {
		Instant before = Instant.now();
		Response response = call.get();
		Instant after = Instant.now();
		if (response.status() >= 300) {
			throw new AssertionError(response.toString());
		}
		windows.add(new Instant[] { before, after });
		return response;
	}
}
