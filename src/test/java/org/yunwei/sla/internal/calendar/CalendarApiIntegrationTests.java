package org.yunwei.sla.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.sla.Calendars;
import org.yunwei.support.Accounts;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;

class CalendarApiIntegrationTests extends IntegrationTestSupport {

	private static final List<String> MORNING_AND_AFTERNOON = List.of("09:00-12:00", "13:30-17:30");

	@Autowired
	private Calendars calendars;

	private TestDirectory directory;
	private String manager;

	@BeforeEach
	void serviceManager() {
		directory = new TestDirectory(jdbc);
		long unit = directory.orgUnit(directory.party("MANAGEMENT", "数据局"), null, "运维科");
		manager = token(directory.user(unit, "SERVICE_MANAGER"));
	}

	@Test
	void listsTheDefaultCalendarWithItsWorkingHoursAndThe7x24One() {
		var list = api().get("/api/v1/calendars", manager);
		assertThat(list.status()).isEqualTo(200);
		JsonNode first = list.json().get(0);
		assertThat(first.get("code").asString()).isEqualTo("CN-DEFAULT");
		assertThat(first.get("name").asString()).isEqualTo("中国大陆标准工作日历");
		assertThat(first.get("isDefault").asBoolean()).isTrue();
		assertThat(first.get("zone").asString()).isEqualTo("Asia/Shanghai");
		assertThat(first.get("workingHours").get("MONDAY").toString()).isEqualTo("[\"09:00-12:00\",\"13:30-17:30\"]");
		assertThat(first.get("workingHours").get("SATURDAY").size()).isZero();
		assertThat(first.get("id").asLong()).isEqualTo(calendars.defaultCalendarId());
		assertThat(list.body()).contains("\"code\":\"7X24\"");

		var year = api().get("/api/v1/calendars/" + calendars.defaultCalendarId() + "?year=2026", manager);
		assertThat(year.body()).contains("{\"date\":\"2026-02-14\",\"kind\":\"WORKDAY\",\"name\":\"春节调休上班\"}")
			.contains("\"2026-02-17\"");
		assertThat(year.json().get("years").toString()).contains("2025", "2026");
	}

	@Test
	void computesDueTimesWithTheDefaultCalendar() {
		long id = calendars.defaultCalendarId();
		// Friday 17:30 in Shanghai: the hour is worked on Monday morning
		assertThat(due(id, "2026-11-20T17:30:00+08:00", "PT1H", null)).isEqualTo("2026-11-23T02:00:00Z");
		// Friday 17:00 before the Spring Festival: half an hour on Friday, seven on the make-up Saturday 14 February,
		// then nothing until Tuesday 24 February
		assertThat(due(id, "2026-02-13T09:00:00Z", "PT8H", null)).isEqualTo("2026-02-24T01:30:00Z");
		assertThat(due(id, "2026-02-13T09:00:00Z", "PT8H", "CALENDAR")).isEqualTo("2026-02-13T17:00:00Z");
		long twentyFourSeven = idOf("7X24");
		assertThat(due(twentyFourSeven, "2026-02-13T09:00:00Z", "PT8H", null)).isEqualTo("2026-02-13T17:00:00Z");
	}

	@Test
	void refusesMalformedDueTimeQuestionsWithProblems() {
		String path = "/api/v1/calendars/" + calendars.defaultCalendarId() + "/due-time";
		var bad = api().post(path, manager, map("start", "next friday", "duration", "-PT1H", "basis", "LUNAR"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).contains("application/problem+json");
		assertThat(bad.json().get("errors").propertyNames()).containsExactlyInAnyOrder("start", "duration", "basis");
		assertThat(api().post(path, manager, map("start", "2026-02-13T09:00:00Z", "duration", "8 hours")).status())
			.isEqualTo(400);
		assertThat(api().post(path, manager, map("start", "2026-02-13T09:00:00Z", "duration", "PT999999999H"))
			.status()).isEqualTo(400);
		assertThat(api().postRaw(path, manager, "{\"start\":", "application/json").status()).isEqualTo(400);
		assertThat(api().post("/api/v1/calendars/99999999/due-time", manager,
				map("start", "2026-02-13T09:00:00Z", "duration", "PT1H")).status()).isEqualTo(404);
	}

	@Test
	void createsAndUpdatesACalendarAndAuditsBoth() {
		String code = TestDirectory.unique("CAL");
		var created = api().post("/api/v1/calendars", manager, map("code", code, "name", "夜班日历", "zone", "UTC",
				"workingHours", Map.of("MONDAY", List.of("13:30-17:30", "09:00-12:00"), "SATURDAY", List.of("22:00-24:00"))));
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("workingHours").get("MONDAY").toString()).isEqualTo("[\"09:00-12:00\",\"13:30-17:30\"]");
		assertThat(created.json().get("workingHours").get("SATURDAY").toString()).isEqualTo("[\"22:00-24:00\"]");
		assertThat(created.json().get("isDefault").asBoolean()).isFalse();

		var updated = api().put("/api/v1/calendars/" + id, manager, map("name", "夜班日历（改）", "zone", "Asia/Urumqi",
				"workingHours", Map.of("TUESDAY", MORNING_AND_AFTERNOON), "version", created.json().get("version").asInt()));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("zone").asString()).isEqualTo("Asia/Urumqi");
		assertThat(updated.json().get("workingHours").get("MONDAY").size()).isZero();
		assertThat(audits("CALENDAR_CREATE", id)).isEqualTo(1);
		assertThat(audits("CALENDAR_UPDATE", id)).isEqualTo(1);

		// a change based on an older version is refused rather than overwriting
		var stale = api().put("/api/v1/calendars/" + id, manager, map("name", "x", "zone", "UTC",
				"workingHours", Map.of("MONDAY", MORNING_AND_AFTERNOON), "version", created.json().get("version").asInt()));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(api().post("/api/v1/calendars", manager, map("code", code, "name", "again", "zone", "UTC",
				"workingHours", Map.of("MONDAY", MORNING_AND_AFTERNOON))).status()).isEqualTo(409);
	}

	@Test
	void refusesInvalidCalendarsFieldByFieldAndChangesNothing() {
		String code = TestDirectory.unique("CAL");
		var refused = api().post("/api/v1/calendars", manager, map("code", code, "name", " ", "zone", "Mars/Olympus",
				"workingHours", Map.of("MONDAY", List.of("09:00-12:00", "11:00-13:00"), "TUESDAY", List.of("17:00-09:00"),
						"WEDNESDAY", List.of("9 to 5"))));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").propertyNames()).containsExactlyInAnyOrder("name", "zone",
				"workingHours.MONDAY", "workingHours.TUESDAY", "workingHours.WEDNESDAY");
		assertThat(jdbc.sql("select count(*) from business_calendar where code = ?").param(code).query(Long.class)
			.single()).isZero();
		assertThat(api().post("/api/v1/calendars", manager, map("code", code, "name", "空", "zone", "UTC",
				"workingHours", Map.of())).json().get("errors").has("workingHours")).isTrue();

		long id = create(Map.of("MONDAY", MORNING_AND_AFTERNOON));
		int version = version(id);
		var update = api().put("/api/v1/calendars/" + id, manager, map("name", "改", "zone", "Nowhere",
				"workingHours", Map.of("MONDAY", List.of("12:00-09:00"))));
		assertThat(update.status()).isEqualTo(400);
		assertThat(update.json().get("errors").propertyNames()).containsExactlyInAnyOrder("zone", "workingHours.MONDAY");
		assertThat(version(id)).isEqualTo(version);
		assertThat(api().put("/api/v1/calendars/" + calendars.defaultCalendarId(), manager, map("name", "默认",
				"zone", "Asia/Shanghai", "workingHours", Map.of("MONDAY", MORNING_AND_AFTERNOON), "enabled", false))
			.status()).isEqualTo(400);
	}

	/**
	 * Calendars are read by whoever may read the agreements that count in them (docs/security.md, "Access model"):
	 * a provider's user without a role and an integration account have no duty that needs them, and are refused before
	 * anything they ask is looked at.
	 */
	@Test
	void refusesReadsToPeopleWithoutARoleThatWorksToAgreements() {
		long providerUnit = directory.orgUnit(directory.party("PROVIDER", "运维服务公司"), null, "驻场组");
		long id = calendars.defaultCalendarId();
		for (String refused : new String[] { token(directory.user(providerUnit)),
				token(directory.user(providerUnit, "ALERT_INTEGRATION")) }) {
			assertThat(api().get("/api/v1/calendars", refused).status()).isEqualTo(403);
			assertThat(api().get("/api/v1/calendars/" + id, refused).status()).isEqualTo(403);
			assertThat(api().post("/api/v1/calendars/" + id + "/due-time", refused, map()).status()).isEqualTo(403);
		}
		String agent = token(directory.user(providerUnit, "SERVICE_DESK_AGENT"));
		assertThat(api().get("/api/v1/calendars/" + id, agent).status()).isEqualTo(200);
	}

	@Test
	void refusesWritesToPeopleWithoutCalendarManagementAndToSupervision() {
		long customerUnit = directory.orgUnit(directory.party("CUSTOMER", "市教育局"), null, "信息中心");
		String customer = token(directory.user(customerUnit));
		long supervisionUnit = directory.orgUnit(directory.party("SUPERVISION", "监理公司"), null, "监理部");
		String supervisor = token(directory.user(supervisionUnit, "SUPERVISOR", directory.role("CALENDAR_MANAGE")));
		long id = calendars.defaultCalendarId();
		for (String reader : new String[] { customer, supervisor }) {
			assertThat(api().get("/api/v1/calendars", reader).status()).isEqualTo(200);
			assertThat(api().get("/api/v1/calendars/" + id, reader).status()).isEqualTo(200);
			assertThat(api().post("/api/v1/calendars/" + id + "/due-time", reader,
					map("start", "2026-02-13T09:00:00Z", "duration", "PT1H")).status()).isEqualTo(200);
			assertThat(api().post("/api/v1/calendars", reader, map("code", TestDirectory.unique("C"), "name", "n",
					"zone", "UTC", "workingHours", Map.of("MONDAY", MORNING_AND_AFTERNOON))).status()).isEqualTo(403);
			assertThat(api().put("/api/v1/calendars/" + id, reader, map("name", "n", "zone", "UTC",
					"workingHours", Map.of("MONDAY", MORNING_AND_AFTERNOON))).status()).isEqualTo(403);
			assertThat(api().post("/api/v1/calendars/" + id + "/days", reader,
					map("date", "2026-12-31", "kind", "HOLIDAY")).status()).isEqualTo(403);
			assertThat(api().delete("/api/v1/calendars/" + id + "/days/2026-02-17", reader).status()).isEqualTo(403);
			assertThat(api().postRaw("/api/v1/calendars/" + id + "/import", reader, "2026-12-31,HOLIDAY,x", "text/csv")
				.status()).isEqualTo(403);
		}
		assertThat(api().get("/api/v1/calendars/" + id + "?year=2026", manager).body()).doesNotContain("2026-12-31");
	}

	@Test
	void importReplacesOnlyTheYearsInTheFileAndDueTimesFollowAtOnce() {
		long id = create(Map.of("MONDAY", MORNING_AND_AFTERNOON, "TUESDAY", MORNING_AND_AFTERNOON,
				"WEDNESDAY", MORNING_AND_AFTERNOON, "THURSDAY", MORNING_AND_AFTERNOON, "FRIDAY", MORNING_AND_AFTERNOON));
		assertThat(importCsv(id, """
				date,kind,name
				2026-10-01,HOLIDAY,国庆节
				2027-01-01,HOLIDAY,元旦
				2027-01-04,HOLIDAY,旧数据
				""").status()).isEqualTo(200);
		// Friday 31 December 2027 17:00 + 1h: Monday 3 January 2028 09:30 (no 2028 holidays yet)
		String friday = "2027-12-31T17:00:00+08:00";
		assertThat(due(id, "2027-01-01T09:00:00+08:00", "PT1H", null)).isEqualTo("2027-01-05T02:00:00Z");

		var imported = importCsv(id, """
				# 2027 notice
				date,kind,name
				2027-01-01,HOLIDAY,元旦
				2027-01-02,HOLIDAY,元旦
				2027-01-03,HOLIDAY,元旦
				2027-02-06,HOLIDAY,春节
				2027-02-20,WORKDAY,春节调休上班
				""");
		assertThat(imported.status()).isEqualTo(200);
		assertThat(imported.json().get("years").toString()).isEqualTo("[2027]");
		var year2027 = api().get("/api/v1/calendars/" + id + "?year=2027", manager);
		assertThat(year2027.body()).contains("2027-02-20").doesNotContain("2027-01-04");
		assertThat(api().get("/api/v1/calendars/" + id + "?year=2026", manager).body()).contains("2026-10-01");
		// 4 January is a working day again, and Saturday 20 February is worked
		assertThat(due(id, "2027-01-01T09:00:00+08:00", "PT1H", null)).isEqualTo("2027-01-04T02:00:00Z");
		assertThat(due(id, "2027-02-19T17:30:00+08:00", "PT1H", null)).isEqualTo("2027-02-20T02:00:00Z");
		assertThat(due(id, friday, "PT1H", null)).isEqualTo("2028-01-03T01:30:00Z");
		assertThat(audits("CALENDAR_IMPORT", id)).isEqualTo(2);

		var export = export(id);
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(export.body()).contains("2026-10-01,HOLIDAY,国庆节\n").contains("2027-02-20,WORKDAY,春节调休上班\n");
	}

	@Test
	void aBadLineRefusesTheWholeImportNamingTheLine() {
		long id = create(Map.of("MONDAY", MORNING_AND_AFTERNOON));
		importCsv(id, "2027-01-01,HOLIDAY,元旦\n");
		int version = version(id);
		var refused = importCsv(id, """
				date,kind,name
				2027-05-01,HOLIDAY,劳动节
				2027-05-02,HOLIDAY,劳动节
				2027-05-33,HOLIDAY,劳动节
				""");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).contains("第 4 行");
		assertThat(version(id)).isEqualTo(version);
		assertThat(api().get("/api/v1/calendars/" + id + "?year=2027", manager).body()).contains("2027-01-01")
			.doesNotContain("2027-05-01");
		assertThat(importCsv(id, "# nothing\n").status()).isEqualTo(400);
	}

	@Test
	void anImportHoldsDayNamesToTheLimitsOfTheApi() {
		long id = create(Map.of("MONDAY", MORNING_AND_AFTERNOON));
		importCsv(id, "2027-01-01,HOLIDAY,元旦\n");
		int version = version(id);
		String huge = "节".repeat(1024 * 1024);
		assertThat(api().post("/api/v1/calendars/" + id + "/days", manager,
				Map.of("date", "2027-05-01", "kind", "HOLIDAY", "name", huge)).status()).isEqualTo(400);
		var tooLong = importCsv(id, "date,kind,name\n2027-05-01,HOLIDAY,劳动节\n2027-05-02,HOLIDAY," + huge + "\n");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("detail").asString()).contains("第 3 行");
		var control = importCsv(id, "2027-05-01,HOLIDAY,劳动\u0000节\n");
		assertThat(control.status()).isEqualTo(400);
		assertThat(control.json().get("detail").asString()).contains("第 1 行");
		assertThat(version(id)).isEqualTo(version);
		assertThat(api().get("/api/v1/calendars/" + id + "?year=2027", manager).body()).contains("2027-01-01")
			.doesNotContain("2027-05-01");
	}

	@Test
	void importsAnICalendarFeed() {
		long id = create(Map.of("MONDAY", MORNING_AND_AFTERNOON, "FRIDAY", MORNING_AND_AFTERNOON));
		var imported = api().postRaw("/api/v1/calendars/" + id + "/import", manager, """
				BEGIN:VCALENDAR\r
				BEGIN:VEVENT\r
				DTSTART;VALUE=DATE:20280103\r
				DTEND;VALUE=DATE:20280104\r
				SUMMARY:元旦\r
				END:VEVENT\r
				BEGIN:VEVENT\r
				DTSTART;VALUE=DATE:20280108\r
				SUMMARY:元旦补班\r
				END:VEVENT\r
				END:VCALENDAR\r
				""", "text/calendar");
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(api().get("/api/v1/calendars/" + id + "?year=2028", manager).body())
			.contains("{\"date\":\"2028-01-03\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}")
			.contains("{\"date\":\"2028-01-08\",\"kind\":\"WORKDAY\",\"name\":\"元旦补班\"}");
		var refused = api().postRaw("/api/v1/calendars/" + id + "/import", manager,
				"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20280110T090000\nEND:VEVENT\nEND:VCALENDAR\n", "text/calendar");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).contains("第 3 行");
	}

	@Test
	void addsAndRemovesDaysAndEditedHoursChangeDueTimesAtOnce() {
		long id = create("UTC", Map.of("MONDAY", List.of("09:00-17:00"), "TUESDAY", List.of("09:00-17:00"),
				"WEDNESDAY", List.of("09:00-17:00")));
		String monday = "2026-03-02T09:00:00Z";
		assertThat(due(id, monday, "PT8H", null)).isEqualTo("2026-03-02T17:00:00Z");
		assertThat(calendars.get(id).addBusinessTime(Instant.parse(monday), java.time.Duration.ofHours(8)))
			.isEqualTo(Instant.parse("2026-03-02T17:00:00Z"));

		assertThat(api().put("/api/v1/calendars/" + id, manager, map("name", "半天", "zone", "UTC", "workingHours",
				Map.of("MONDAY", List.of("09:00-12:00"), "TUESDAY", List.of("09:00-12:00"),
						"WEDNESDAY", List.of("09:00-12:00")))).status()).isEqualTo(200);
		assertThat(due(id, monday, "PT8H", null)).isEqualTo("2026-03-04T11:00:00Z");
		assertThat(calendars.get(id).addBusinessTime(Instant.parse(monday), java.time.Duration.ofHours(8)))
			.isEqualTo(Instant.parse("2026-03-04T11:00:00Z"));

		var holiday = api().post("/api/v1/calendars/" + id + "/days", manager,
				map("date", "2026-03-03", "kind", "HOLIDAY", "name", "停电检修"));
		assertThat(holiday.status()).isEqualTo(200);
		var saturday = api().post("/api/v1/calendars/" + id + "/days", manager,
				map("date", "2026-03-07", "kind", "workday", "name", "补班"));
		assertThat(saturday.status()).isEqualTo(200);
		// Monday 3h, Tuesday off, Wednesday 3h, Saturday make-up (Monday's hours) 2h
		assertThat(due(id, monday, "PT8H", null)).isEqualTo("2026-03-07T11:00:00Z");
		assertThat(api().delete("/api/v1/calendars/" + id + "/days/2026-03-03", manager).status()).isEqualTo(204);
		assertThat(due(id, monday, "PT8H", null)).isEqualTo("2026-03-04T11:00:00Z");
		assertThat(api().delete("/api/v1/calendars/" + id + "/days/2026-03-03", manager).status()).isEqualTo(404);

		var bad = api().post("/api/v1/calendars/" + id + "/days", manager, map("date", "2026-02-30", "kind", "PARTY"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").propertyNames()).containsExactlyInAnyOrder("date", "kind");
		assertThat(audits("CALENDAR_DAY_PUT", id)).isEqualTo(2);
		assertThat(audits("CALENDAR_DAY_REMOVE", id)).isEqualTo(1);
	}

	@Test
	void documentsTheCalendarApi() {
		var docs = api().get("/v3/api-docs", null);
		assertThat(docs.body()).contains("/api/v1/calendars/{id}/due-time").contains("/api/v1/calendars/{id}/import")
			.contains("2026-02-13T09:00:00Z");
	}

	private String due(long id, String start, String duration, String basis) {
		var body = basis == null ? map("start", start, "duration", duration)
				: map("start", start, "duration", duration, "basis", basis);
		var answer = api().post("/api/v1/calendars/" + id + "/due-time", manager, body);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json().get("due").asString();
	}

	private long create(Map<String, List<String>> hours) {
		return create("Asia/Shanghai", hours);
	}

	private long create(String zone, Map<String, List<String>> hours) {
		var created = api().post("/api/v1/calendars", manager, map("code", TestDirectory.unique("CAL"), "name",
				"测试日历", "zone", zone, "workingHours", hours));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private org.yunwei.support.ApiClient.Response importCsv(long id, String csv) {
		return api().postRaw("/api/v1/calendars/" + id + "/import", manager, csv, "text/csv; charset=UTF-8");
	}

	private HttpResponse<String> export(long id) {
		try {
			return HttpClient.newHttpClient().send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/v1/calendars/" + id + "/export.csv"))
				.header("Authorization", "Bearer " + manager)
				.header("Accept", "text/csv")
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long idOf(String code) {
		return jdbc.sql("select id from business_calendar where code = ?").param(code).query(Long.class).single();
	}

	private int version(long id) {
		return jdbc.sql("select version from business_calendar where id = ?").param(id).query(Integer.class).single();
	}

	private long audits(String action, long id) {
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(id))
			.query(Long.class)
			.single();
	}

	private String token(String username) {
		return Accounts.tokenFor(api(), username, TestDirectory.PASSWORD, null);
	}
}
