package org.yunwei.home.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.ResolvedTickets;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * Each role's home page with real tickets: the sections of the person's roles and no others, each showing what is
 * theirs (and only that), and an empty state that says what to do when there is nothing.
 */
class HomePagesIntegrationTests extends IntegrationTestSupport {

	TicketFixtures world;
	ResolvedTickets resolved;

	@BeforeEach
	void world() {
		world = new TicketFixtures(jdbc, api());
		resolved = new ResolvedTickets(world);
	}

	@Test
	void aCustomerSeesTheRequestButtonTheirOpenRequestsAndWhatWaitsForThem() {
		long open = id(world.submitted(TestDirectory.unique("投影仪无信号 ")));
		long toConfirm = resolved.resolved(TestDirectory.unique("打印机卡纸 "));
		long rated = resolved.resolved(TestDirectory.unique("网络时断时续 "));
		ResolvedTickets.expect(201, api().post("/api/v1/tickets/" + rated + "/rating", world.token(world.bureauUser),
				Map.of("score", 5)));
		long othersTicket = id(api().post("/api/v1/tickets", world.token(world.departmentUser),
				world.ticket(TestDirectory.unique("科室电脑蓝屏 "))).json());

		String home = signedIn(world.bureauUser).get("/").body();

		assertThat(home).contains("id=\"home-requests\"", "id=\"new-request\" href=\"/portal/tickets/new\"")
			.doesNotContain("id=\"home-work\"", "id=\"home-desk\"", "id=\"home-month\"");
		String requests = list(home, "my-requests");
		assertThat(requests).contains(number(open), number(toConfirm), number(rated))
			.doesNotContain(number(othersTicket));
		assertThat(item(requests, number(toConfirm))).contains("待您确认");
		assertThat(item(requests, number(open))).doesNotContain("待您确认", "待您回复");
		assertThat(list(home, "to-rate")).contains(number(toConfirm)).doesNotContain(number(rated), number(open));
	}

	@Test
	void aCustomerWithNothingOpenIsToldWhatToDo() {
		String newcomer = world.directory.user(world.bureau);

		String home = signedIn(newcomer).get("/").body();

		assertThat(home).contains("id=\"my-requests-empty\"", "点击“提交服务请求”", "id=\"to-rate-empty\"",
				"id=\"notifications-empty\"");
		assertThat(signedIn(newcomer).get("/?lang=en").body()).contains("Submit a service request", "My requests");
	}

	@Test
	void anAgentSeesTheirQueueTheTicketsNearTheirDeadlineAndTheUnassignedOfTheirGroups() {
		long mine = id(world.submitted(TestDirectory.unique("会议室投影仪 ")));
		assign(mine, world.firstLine, world.agent);
		long waiting = id(world.submitted(TestDirectory.unique("邮箱无法登录 ")));
		assign(waiting, world.firstLine, null);
		long elsewhere = id(world.submitted(TestDirectory.unique("二线：数据库慢 ")));
		assign(elsewhere, world.secondLine, null);
		jdbc.sql("update ticket set resolution_due_at = now() - interval '10 minutes' where id = ?").param(mine)
			.update();

		String home = signedIn(world.agent).get("/").body();

		assertThat(home).contains("id=\"home-work\"")
			.doesNotContain("id=\"home-requests\"", "id=\"home-desk\"", "id=\"home-month\"", "id=\"new-request\"");
		assertThat(list(home, "my-queue")).contains(number(mine)).doesNotContain(number(waiting));
		assertThat(item(list(home, "due-soon"), number(mine))).contains("已超时");
		assertThat(list(home, "due-soon")).doesNotContain(number(waiting));
		assertThat(list(home, "unassigned")).contains(number(waiting))
			.doesNotContain(number(mine), number(elsewhere));
		assertThat(home).containsPattern("id=\"unread-count\">[1-9]");
		assertThat(list(home, "unread-notifications")).contains(number(mine));
	}

	@Test
	void anAgentOutsideEveryGroupIsToldWhatToDo() {
		String newcomer = world.directory.user(world.providerUnit, "SERVICE_DESK_AGENT");

		String home = signedIn(newcomer).get("/").body();

		assertThat(home).contains("id=\"my-queue-empty\"", "id=\"due-soon-empty\"", "id=\"unassigned-empty\"",
				"请联系服务台经理");
	}

	@Test
	void aDeskManagerSeesTheLoadOfTheGroupsAndTheBreachesBesideTheirOwnQueue() {
		long late = id(world.submitted(TestDirectory.unique("服务器宕机 ")));
		assign(late, world.firstLine, world.agent);
		long waiting = id(world.submitted(TestDirectory.unique("账号解锁 ")));
		assign(waiting, world.firstLine, null);
		jdbc.sql("update ticket set resolution_due_at = now() - interval '1 hour' where id = ?").param(late).update();

		String home = signedIn(world.lead).get("/").body();

		assertThat(home).contains("id=\"home-work\"", "id=\"home-desk\"")
			.doesNotContain("id=\"home-requests\"", "id=\"home-month\"");
		String row = group(home, world.firstLine);
		assertThat(count(row, "yw-load-open")).isEqualTo("2");
		assertThat(count(row, "yw-load-unassigned")).isEqualTo("1");
		assertThat(count(row, "yw-load-overdue")).isEqualTo("1");
		assertThat(count(group(home, world.secondLine), "yw-load-open")).isEqualTo("0");
		assertThat(list(home, "overdue")).contains(number(late)).doesNotContain(number(waiting));
		// another provider's desk manager sees neither the groups nor the breaches of this one
		TicketFixtures other = new TicketFixtures(jdbc, api());
		String theirs = signedIn(other.lead).get("/").body();
		assertThat(theirs).doesNotContain("data-group=\"" + world.secondLineCode + "\"", number(late));
	}

	@Test
	void managementSeesTheMonthsFiguresAsTheStatisticsCountThemWithTheReportsBehindThem() {
		resolved.resolved(TestDirectory.unique("本月已解决 "));
		String manager = world.directory.user(world.managementUnit(), "SERVICE_MANAGER");
		YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();

		String home = signedIn(manager).get("/").body();
		JsonNode summary = api().get("/api/v1/ticket-statistics/summary?from=" + from + "&to=" + to,
				world.token(manager)).json();

		assertThat(home).contains("id=\"home-month\"", "id=\"month-statistics\"", "id=\"month-attainment\"",
				"id=\"month-return-visits\"")
			.doesNotContain("id=\"home-requests\"", "id=\"home-work\"", "id=\"home-desk\"");
		assertThat(figure(home, "month-opened")).isEqualTo(summary.get("created").asString());
		assertThat(figure(home, "month-resolved")).isEqualTo(summary.get("resolved").asString());
		assertThat(figure(home, "month-resolution"))
			.isEqualTo(summary.get("resolutionSla").get("rate").asString() + "%");
	}

	@Test
	void supervisionSeesTheMonthAndAPersonWithSeveralRolesSeesTheSectionsOfEach() {
		long supervision = world.directory.party("SUPERVISION", "监理公司");
		String supervisor = world.directory.user(world.directory.orgUnit(supervision, null, "监理部"), "SUPERVISOR");
		assertThat(signedIn(supervisor).get("/").body()).contains("id=\"home-month\"")
			.doesNotContain("id=\"home-work\"", "id=\"home-desk\"", "id=\"home-requests\"");

		String both = world.directory.user(world.managementUnit(), "SERVICE_MANAGER", "SERVICE_DESK_MANAGER");
		assertThat(signedIn(both).get("/").body()).contains("id=\"home-month\"", "id=\"home-work\"",
				"id=\"home-desk\"");
	}

	private void assign(long ticket, long group, String assignee) {
		var body = new java.util.LinkedHashMap<String, Object>();
		body.put("groupId", group);
		if (assignee != null) {
			body.put("assigneeUserId", world.userId(assignee));
		}
		ResolvedTickets.expect(200, api().post("/api/v1/tickets/" + ticket + "/assign", world.token(world.lead), body));
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		assertThat(session.signIn(username, TestDirectory.PASSWORD, null).status()).isEqualTo(302);
		return session;
	}

	private static long id(JsonNode created) {
		return (created.has("ticket") ? created.get("ticket") : created).get("id").asLong();
	}

	private String number(long ticket) {
		return jdbc.sql("select number from ticket where id = ?").param(ticket).query(String.class).single();
	}

	/** The list with this id, up to its end; empty when the page has none. */
	private static String list(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		return start < 0 ? "" : page.substring(start, page.indexOf("</ul>", start));
	}

	private static String item(String list, String number) {
		int start = list.indexOf("data-ticket=\"" + number + "\"");
		assertThat(start).as(number + " in the list").isNotNegative();
		return list.substring(start, list.indexOf("</li>", start));
	}

	private String group(String page, long groupId) {
		String code = jdbc.sql("select code from ticket_group where id = ?").param(groupId).query(String.class)
			.single();
		int start = page.indexOf("data-group=\"" + code + "\"");
		assertThat(start).as("group " + code).isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

	private static String count(String row, String cssClass) {
		Matcher m = Pattern.compile(cssClass + "[^>]*>([^<]+)<").matcher(row);
		assertThat(m.find()).as(cssClass).isTrue();
		return m.group(1).strip();
	}

	private static String figure(String page, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]+)<").matcher(page);
		assertThat(m.find()).as(id).isTrue();
		return m.group(1).strip();
	}
}
