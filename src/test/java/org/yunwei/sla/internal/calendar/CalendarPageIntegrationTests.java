package org.yunwei.sla.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.sla.Calendars;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

/** The calendar pages over HTTP with a signed-in session. */
class CalendarPageIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private Calendars calendars;

	private TestDirectory directory;
	private WebSession manager;

	@BeforeEach
	void signIn() {
		directory = new TestDirectory(jdbc);
		long unit = directory.orgUnit(directory.party("MANAGEMENT", "数据局"), null, "运维科");
		manager = session(directory.user(unit, "SERVICE_MANAGER"));
	}

	@Test
	void listsTheCalendarsWithTheDefaultMarked() {
		var page = manager.get("/sla/calendars");
		assertThat(page.status()).isEqualTo(200);
		assertThat(cell(page.body(), "calendar-CN-DEFAULT", "</tr>")).contains("中国大陆标准工作日历").contains("默认");
		assertThat(page.body()).contains("7×24 全天候").contains("id=\"calendar-new\"");
	}

	@Test
	void theMonthViewShowsTheSpringFestivalAndTheMakeUpWorkday() {
		var page = manager.get("/sla/calendars/" + calendars.defaultCalendarId() + "?month=2026-02");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"month-title\">2026-02<")
			.contains("month=2026-01").contains("month=2026-03")
			.doesNotContain("style=").doesNotContain("<script>");
		assertThat(cell(page.body(), "day-2026-02-14", "</td>")).contains("data-kind=\"MAKEUP\"").contains(">班<")
			.contains("春节调休上班");
		assertThat(cell(page.body(), "day-2026-02-17", "</td>")).contains("data-kind=\"HOLIDAY\"").contains("春节");
		assertThat(cell(page.body(), "day-2026-02-12", "</td>")).contains("data-kind=\"WORKING\"");
		assertThat(cell(page.body(), "day-2026-02-07", "</td>")).contains("data-kind=\"REST\"");
		assertThat(manager.get("/sla/calendars/" + calendars.defaultCalendarId() + "?month=2026-13").status())
			.isEqualTo(400);
	}

	@Test
	void theCalendarCheckComputesTheDueTimeInTheCalendarsZone() {
		String path = "/sla/calendars/" + calendars.defaultCalendarId();
		manager.get(path);
		var answer = manager.post(path + "/check",
				Map.of("start", "2026-11-20T17:30", "hours", "1", "minutes", "0", "basis", "BUSINESS"));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("id=\"check-due\">2026-11-23 10:00:00<").contains("2026-11-23T02:00:00Z");
		var wrong = manager.post(path + "/check", Map.of("start", "friday", "hours", "x", "minutes", "0"));
		assertThat(wrong.body()).contains("id=\"check-start-error\"").contains("id=\"check-duration-error\"")
			.contains("value=\"x\"");
	}

	@Test
	void createsAndEditsACalendarKeepingWhatWasTypedOnMistakes() {
		manager.get("/sla/calendars");
		String code = TestDirectory.unique("WEB");
		Map<String, String> form = new LinkedHashMap<>(Map.of("code", code, "name", "网页日历", "zone", "Mars/Base",
				"hours.MONDAY", "09:00-12:00, 11:00-13:00", "hours.TUESDAY", "08:00-16:00", "enabled", "on"));
		var refused = manager.post("/sla/calendars", form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"zone-error\"").contains("id=\"hours-MONDAY-error\"")
			.contains("value=\"网页日历\"").contains("value=\"09:00-12:00, 11:00-13:00\"").contains("value=\"Mars/Base\"");
		assertThat(jdbc.sql("select count(*) from business_calendar where code = ?").param(code).query(Long.class)
			.single()).isZero();

		form.put("zone", "UTC");
		form.put("hours.MONDAY", "09:00-12:00, 13:00-17:00");
		var created = manager.post("/sla/calendars", form);
		assertThat(created.status()).isEqualTo(302);
		long id = jdbc.sql("select id from business_calendar where code = ?").param(code).query(Long.class).single();
		assertThat(created.location()).endsWith("/sla/calendars/" + id);
		var page = manager.get("/sla/calendars/" + id);
		assertThat(page.body()).contains("value=\"09:00-12:00, 13:00-17:00\"").contains("已保存");

		Map<String, String> edit = new LinkedHashMap<>(Map.of("name", "网页日历", "zone", "UTC",
				"hours.MONDAY", "09:00-10:00", "enabled", "on", "version", String.valueOf(version(id))));
		assertThat(manager.post("/sla/calendars/" + id, edit).status()).isEqualTo(302);
		manager.get("/sla/calendars/" + id);
		var due = manager.post("/sla/calendars/" + id + "/check",
				Map.of("start", "2026-03-02T09:00", "hours", "2", "minutes", "30", "basis", "BUSINESS"));
		// one hour each Monday: the third Monday at 09:30
		assertThat(due.body()).contains("id=\"check-due\">2026-03-16 09:30:00<");

		edit.put("hours.MONDAY", "10:00-09:00");
		var wrong = manager.post("/sla/calendars/" + id, edit);
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("id=\"hours-MONDAY-error\"").contains("value=\"10:00-09:00\"");
	}

	@Test
	void addsAndRemovesADayFromTheMonthView() {
		manager.get("/sla/calendars");
		String code = TestDirectory.unique("WEB");
		manager.post("/sla/calendars", Map.of("code", code, "name", "节日", "zone", "Asia/Shanghai",
				"hours.MONDAY", "09:00-17:00", "enabled", "on"));
		long id = jdbc.sql("select id from business_calendar where code = ?").param(code).query(Long.class).single();
		var form = manager.get("/sla/calendars/" + id + "?month=2027-05&date=2027-05-03");
		assertThat(form.body()).contains("id=\"day-date\" name=\"date\" value=\"2027-05-03\"");
		var added = manager.post("/sla/calendars/" + id + "/days", Map.of("date", "2027-05-03", "kind", "HOLIDAY",
				"name", "劳动节"));
		assertThat(added.status()).isEqualTo(302);
		assertThat(added.location()).endsWith("month=2027-05");
		var month = manager.get("/sla/calendars/" + id + "?month=2027-05");
		assertThat(cell(month.body(), "day-2027-05-03", "</td>")).contains("data-kind=\"HOLIDAY\"").contains("劳动节");

		var bad = manager.post("/sla/calendars/" + id + "/days", Map.of("date", "", "kind", "HOLIDAY", "name", "无日期"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"day-date-error\"").contains("value=\"无日期\"");

		assertThat(manager.post("/sla/calendars/" + id + "/days/2027-05-03/remove", Map.of()).status()).isEqualTo(302);
		assertThat(cell(manager.get("/sla/calendars/" + id + "?month=2027-05").body(), "day-2027-05-03", "</td>"))
			.contains("data-kind=\"WORKING\"");
	}

	@Test
	void peopleWithoutCalendarManagementReadButCannotChange() {
		long unit = directory.orgUnit(directory.party("CUSTOMER", "市教育局"), null, "信息中心");
		WebSession customer = session(directory.user(unit));
		String path = "/sla/calendars/" + calendars.defaultCalendarId();
		var page = customer.get(path + "?month=2026-02");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("春节").doesNotContain("id=\"day-form\"").doesNotContain("id=\"calendar-save\"");
		assertThat(customer.post(path + "/days", Map.of("date", "2026-12-31", "kind", "HOLIDAY")).status())
			.isEqualTo(403);
		assertThat(customer.get("/sla/calendars").body()).doesNotContain("id=\"calendar-new\"");
	}

	private WebSession session(String username) {
		WebSession session = new WebSession(port);
		assertThat(session.signIn(username, TestDirectory.PASSWORD, null).status()).isEqualTo(302);
		return session;
	}

	private int version(long id) {
		return jdbc.sql("select version from business_calendar where id = ?").param(id).query(Integer.class).single();
	}

	/** The markup from the element of this id to the first {@code end} after it. */
	private static String cell(String body, String id, String end) {
		int start = body.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isNotNegative();
		return body.substring(start, body.indexOf(end, start));
	}
}
