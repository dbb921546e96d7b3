package org.yunwei.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.support.ApiClient.Response;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * On-duty rosters through the API: the periods of a key period nobody covers or leads are found, the roster is
 * complete once they are filled, who is on duty now is named, the log keeps handovers, a P1 incident during a key
 * period pages the duty lead, and bad input changes nothing.
 */
@EnableScenarios
class DutyRosterIntegrationTests extends IntegrationTestSupport {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	EmergencyWorld world;
	String manager;

	@BeforeEach
	void world() {
		world = new EmergencyWorld(jdbc, api());
		manager = world.token(world.manager);
	}

	@Test
	void theGapsInAKeyPeriodsCoverAreFoundUntilItIsComplete() {
		long id = world.api.post("/api/v1/duty-rosters", manager, Map.of("name", "国庆保障期值守", "kind", "KEY_PERIOD",
				"startsOn", "2026-10-01", "endsOn", "2026-10-01")).json().get("id").asLong();
		String base = "/api/v1/duty-rosters/" + id;
		shift(base, "2026-10-01T00:00", "2026-10-01T12:00", world.agent, true);
		JsonNode roster = shift(base, "2026-10-01T12:00", "2026-10-01T20:00", world.backup, false).json();
		assertThat(roster.get("complete").asBoolean()).isFalse();
		assertThat(roster.get("uncovered").size()).isEqualTo(1);
		assertThat(at(roster.get("uncovered").get(0).get("from"))).isEqualTo("2026-10-01T20:00");
		assertThat(at(roster.get("uncovered").get(0).get("until"))).isEqualTo("2026-10-02T00:00");
		assertThat(roster.get("withoutLead").size()).isEqualTo(1);
		assertThat(at(roster.get("withoutLead").get(0).get("from"))).isEqualTo("2026-10-01T12:00");
		assertThat(world.api.get("/api/v1/duty-rosters", manager).body()).contains("\"complete\":false");

		shift(base, "2026-10-01T12:00", "2026-10-01T20:00", world.manager, true);
		JsonNode complete = shift(base, "2026-10-01T20:00", "2026-10-02T00:00", world.agent, true).json();
		assertThat(complete.get("uncovered").size()).isZero();
		assertThat(complete.get("withoutLead").size()).isZero();
		assertThat(complete.get("complete").asBoolean()).isTrue();
	}

	@Test
	void aComingKeyPeriodWithoutACompleteRosterIsAGapOfTheResponsePlanItemUntilItIsFilled() {
		LocalDate day = LocalDate.now(ZONE).plusDays(10);
		String name = "元旦保障期值守 " + System.nanoTime();
		long id = world.api.post("/api/v1/duty-rosters", manager, Map.of("name", name, "kind", "KEY_PERIOD",
				"startsOn", day.toString(), "endsOn", day.toString())).json().get("id").asLong();
		String base = "/api/v1/duty-rosters/" + id;
		shift(base, day + "T00:00", day + "T12:00", world.agent, true);
		String item = "/api/v1/compliance/items/8.1.2a?provider=" + world.fixtures.providerParty;

		String gaps = world.api.get(item, world.fixtures.managerToken).json().get("item").get("gaps").toString();
		assertThat(gaps).contains("重要保障期“" + name + "”（" + day + " 至 " + day + "）的值守排班不完整：1 段无人值守，1 段没有带班人（无人值守的时段也算在内）");

		shift(base, day + "T12:00", day.plusDays(1) + "T00:00", world.backup, true);
		assertThat(world.api.get(item, world.fixtures.managerToken).json().get("item").get("gaps").toString())
			.doesNotContain(name);
	}

	@Test
	void whoIsOnDutyNowIsNamedAndTheLogKeepsHandovers() {
		LocalDate today = LocalDate.now(ZONE);
		long id = world.api.post("/api/v1/duty-rosters", manager, Map.of("name", "日常值守", "kind", "NORMAL",
				"startsOn", today.toString(), "endsOn", today.plusDays(1).toString())).json().get("id").asLong();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		Response added = world.api.post("/api/v1/duty-rosters/" + id + "/shifts", manager, Map.of("startsAt",
				now.minusSeconds(3600).toString(), "endsAt", now.plusSeconds(3600).toString(), "personId",
				world.id(world.agent), "lead", true));
		assertThat(added.status()).isEqualTo(201);
		JsonNode onDuty = world.api.get("/api/v1/duty-rosters/on-duty", manager).json();
		assertThat(onDuty.toString()).contains("\"personId\":" + world.id(world.agent));

		String agent = world.token(world.agent);
		Response handover = world.api.post("/api/v1/duty-rosters/" + id + "/logs", agent, Map.of("kind", "HANDOVER",
				"text", "夜班无异常，交接给白班。", "handedToId", world.id(world.backup)));
		assertThat(handover.status()).isEqualTo(201);
		JsonNode log = handover.json().get("logs").get(0);
		assertThat(log.get("kind").asString()).isEqualTo("HANDOVER");
		assertThat(log.get("handedToName").asString()).isNotBlank();
		assertThat(world.api.post("/api/v1/duty-rosters/" + id + "/logs", agent, Map.of("kind", "HANDOVER", "text",
				"交接")).status()).isEqualTo(400);
		assertThat(world.api.post("/api/v1/duty-rosters/" + id + "/shifts", agent, Map.of()).status()).isEqualTo(403);
	}

	@Test
	void aP1IncidentDuringAKeyPeriodPagesTheDutyLead(Scenario scenario) {
		LocalDate today = LocalDate.now(ZONE);
		long id = world.api.post("/api/v1/duty-rosters", manager, Map.of("name", "两会保障期值守", "kind", "KEY_PERIOD",
				"startsOn", today.toString(), "endsOn", today.plusDays(1).toString())).json().get("id").asLong();
		Instant now = Instant.now();
		world.api.post("/api/v1/duty-rosters/" + id + "/shifts", manager, Map.of("startsAt",
				now.minusSeconds(3600).toString(), "endsAt", now.plusSeconds(3600).toString(), "personId",
				world.id(world.manager), "lead", true));
		world.api.post("/api/v1/duty-rosters/" + id + "/shifts", manager, Map.of("startsAt",
				now.minusSeconds(3600).toString(), "endsAt", now.plusSeconds(3600).toString(), "personId",
				world.id(world.backup), "lead", false));
		long[] ticket = new long[1];
		scenario.stimulate(() -> ticket[0] = world.fixtures.submitted("重要保障期核心网络中断").get("ticket").get("id")
			.asLong())
			.andWaitForStateChange(() -> pages(world.id(world.manager)), count -> count > 0)
			.andVerify(count -> assertThat(count).isEqualTo(1));
		assertThat(jdbc.sql("select priority from ticket where id = ?").param(ticket[0]).query(String.class).single())
			.isEqualTo("P1");
		// the lead only, not the colleague on duty beside them
		assertThat(pages(world.id(world.backup))).isZero();
	}

	@Test
	void anIncidentRaisedToP1DuringAKeyPeriodPagesTheDutyLeadOnce(Scenario scenario) {
		LocalDate today = LocalDate.now(ZONE);
		long id = world.api.post("/api/v1/duty-rosters", manager, Map.of("name", "进博会保障期值守", "kind", "KEY_PERIOD",
				"startsOn", today.toString(), "endsOn", today.plusDays(1).toString())).json().get("id").asLong();
		Instant now = Instant.now();
		world.api.post("/api/v1/duty-rosters/" + id + "/shifts", manager, Map.of("startsAt",
				now.minusSeconds(3600).toString(), "endsAt", now.plusSeconds(3600).toString(), "personId",
				world.id(world.manager), "lead", true));
		Map<String, Object> minor = new java.util.LinkedHashMap<>(world.fixtures.ticket("单台终端网络不稳定"));
		minor.put("impact", 3);
		minor.put("urgency", 3);
		long ticket = world.api.post("/api/v1/tickets", world.token(world.fixtures.bureauUser), minor).json()
			.get("ticket").get("id").asLong();
		long before = pages(world.id(world.manager));

		scenario.stimulate(() -> world.api.patch("/api/v1/tickets/" + ticket, manager, Map.of("impact", 1,
				"urgency", 1)))
			.andWaitForEventOfType(org.yunwei.ticket.TicketPriorityChanged.class)
			.matching(changed -> changed.ticketId() == ticket)
			.toArriveAndVerify(changed -> {
				assertThat(changed.previousPriority()).isNotEqualTo("P1");
				assertThat(changed.priority()).isEqualTo("P1");
			});
		scenario.stimulate(() -> { })
			.andWaitForStateChange(() -> pages(world.id(world.manager)), count -> count > before)
			.andVerify(count -> assertThat(count).isEqualTo(before + 1));
		// delivered again (as after a restart), or lowered and raised again: paged once
		world.api.patch("/api/v1/tickets/" + ticket, manager, Map.of("impact", 3, "urgency", 3));
		scenario.stimulate(() -> world.api.patch("/api/v1/tickets/" + ticket, manager, Map.of("impact", 1,
				"urgency", 1)))
			.andWaitForEventOfType(org.yunwei.ticket.TicketPriorityChanged.class)
			.matching(changed -> changed.ticketId() == ticket && "P1".equals(changed.priority()))
			.toArrive();
		assertThat(jdbc.sql("select count(*) from duty_page where ticket_id = ?").param(ticket).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(pages(world.id(world.manager))).isEqualTo(before + 1);
	}

	@Test
	void whoIsOnDutyNowShowsInTheEmergencyBoxOfAnUrgentIncidentOnly() {
		LocalDate today = LocalDate.now(ZONE);
		long id = world.api.post("/api/v1/duty-rosters", manager, Map.of("name", "日常值守", "kind", "NORMAL",
				"startsOn", today.toString(), "endsOn", today.plusDays(1).toString())).json().get("id").asLong();
		Instant now = Instant.now();
		world.api.post("/api/v1/duty-rosters/" + id + "/shifts", manager, Map.of("startsAt",
				now.minusSeconds(3600).toString(), "endsAt", now.plusSeconds(3600).toString(), "personId",
				world.id(world.backup), "lead", true));
		String name = jdbc.sql("select display_name from app_user where id = ?").param(world.id(world.backup))
			.query(String.class).single();
		long urgent = world.fixtures.submitted("全市政务外网中断").get("ticket").get("id").asLong();
		Map<String, Object> minor = new java.util.LinkedHashMap<>(world.fixtures.ticket("单台打印机卡纸"));
		minor.put("impact", 3);
		minor.put("urgency", 3);
		long ordinary = world.api.post("/api/v1/tickets", world.token(world.fixtures.bureauUser), minor).json()
			.get("ticket").get("id").asLong();

		org.yunwei.support.WebSession session = new org.yunwei.support.WebSession(port);
		assertThat(session.signIn(world.agent, org.yunwei.support.TestDirectory.PASSWORD, null).status())
			.isEqualTo(302);
		assertThat(session.get("/emergency/tickets/" + urgent).body()).contains("on-duty-now", "当前值守", name, "值班长");
		assertThat(session.get("/emergency/tickets/" + ordinary).body()).doesNotContain("on-duty-now");
	}

	private long pages(long userId) {
		return jdbc.sql("select count(*) from notification where user_id = ? and topic = ?")
			.params(userId, KeyPeriodPaging.TOPIC).query(Long.class).single();
	}

	@Test
	void badRostersAndShiftsAreRefusedAndChangeNothing() {
		long before = jdbc.sql("select count(*) from duty_roster").query(Long.class).single();
		Response refused = world.api.post("/api/v1/duty-rosters", manager, Map.of("kind", "PARTY", "startsOn",
				"2026-10-07", "endsOn", "2026-10-01"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").propertyNames()).contains("name", "kind", "endsOn");
		assertThat(jdbc.sql("select count(*) from duty_roster").query(Long.class).single()).isEqualTo(before);

		long id = world.api.post("/api/v1/duty-rosters", manager, Map.of("name", "春节值守", "kind", "HOLIDAY",
				"startsOn", "2027-02-06", "endsOn", "2027-02-08")).json().get("id").asLong();
		String base = "/api/v1/duty-rosters/" + id + "/shifts";
		assertThat(world.api.post(base, manager, Map.of("startsAt", instant("2027-02-06T10:00"), "endsAt",
				instant("2027-02-06T08:00"), "personId", world.id(world.agent))).status()).isEqualTo(400);
		assertThat(world.api.post(base, manager, Map.of("startsAt", instant("2027-03-01T08:00"), "endsAt",
				instant("2027-03-01T10:00"), "personId", world.id(world.agent))).status()).isEqualTo(400);
		assertThat(world.api.post(base, manager, Map.of("startsAt", instant("2027-02-06T08:00"), "endsAt",
				instant("2027-02-06T10:00"), "personId", 999999999L)).status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from duty_shift where roster_id = ?").param(id).query(Long.class)
			.single()).isZero();
		assertThat(List.of(world.api.get("/api/v1/duty-rosters/" + id, world.token(world.fixtures.bureauUser))
			.status())).containsExactly(403);
	}

	private Response shift(String base, String from, String until, String person, boolean lead) {
		Response added = world.api.post(base + "/shifts", manager, Map.of("startsAt", instant(from), "endsAt",
				instant(until), "personId", world.id(person), "lead", lead));
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		return added;
	}

	private static String instant(String local) {
		return java.time.LocalDateTime.parse(local).atZone(ZONE).toInstant().toString();
	}

	private static String at(JsonNode instant) {
		return java.time.LocalDateTime.ofInstant(Instant.parse(instant.asString()), ZONE).toString();
	}
}
