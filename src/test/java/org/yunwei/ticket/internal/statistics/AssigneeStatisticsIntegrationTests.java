package org.yunwei.ticket.internal.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.Tickets;
import org.yunwei.ticket.internal.TicketFixtures;
import org.yunwei.web.DateRange;
import org.yunwei.web.RejectedRequest;

import tools.jackson.databind.JsonNode;

/**
 * The statistics by assignee over tickets made and worked through the API, then dated into March 2025: the agent
 * resolves two tickets of the month (one of them reopened and resolved again, both rated) and one of February, has
 * one more in progress; the second-line agent resolves one whose response the SLA engine declared breached; one
 * ticket of the month is assigned to nobody. Each figure is checked against a direct SQL aggregate of the records and
 * against the ticket list its link leads to.
 */
class AssigneeStatisticsIntegrationTests extends IntegrationTestSupport {

	static final String MARCH = "from=2025-03-01&to=2025-03-31";

	/** Made once for the class: the tests only read it. */
	static TicketFixtures world;
	static String lead;
	static long agent;
	static long secondLine;

	@Autowired
	Tickets tickets;

	ApiClient api;

	@BeforeEach
	void march() {
		api = new ApiClient(port);
		if (world == null) {
			world = new TicketFixtures(jdbc, api);
			lead = world.token(world.lead);
			agent = world.userId(world.agent);
			secondLine = world.userId(world.secondLineAgent);
			worldOfMarch();
		}
	}

	private void worldOfMarch() {
		String agentToken = world.token(world.agent);
		String bureau = world.token(world.bureauUser);

		long printer = id(api.post("/api/v1/tickets", bureau, world.ticket("打印机卡纸")));
		ok(api.post("/api/v1/tickets/" + printer + "/start", agentToken, Map.of()));
		resolve(printer, agentToken);
		ok(api.post("/api/v1/tickets/" + printer + "/confirm", bureau, Map.of()));
		rate(printer, bureau, 5, "2025-03-03T13:00");
		dated(printer, "2025-03-03T08:00", "2025-03-03T08:30", "2025-03-03T10:00", "2025-03-03T12:00");

		// resolved, reopened by the customer, resolved again, rated 3
		long again = id(api.post("/api/v1/tickets", bureau, world.ticket("网络时断时续")));
		ok(api.post("/api/v1/tickets/" + again + "/start", agentToken, Map.of()));
		resolve(again, agentToken);
		ok(api.post("/api/v1/tickets/" + again + "/reopen", bureau, Map.of("comment", "问题又出现了")));
		resolve(again, agentToken);
		rate(again, bureau, 3, "2025-03-07T09:00");
		dated(again, "2025-03-05T09:00", "2025-03-05T09:20", "2025-03-06T09:00", null);

		// february's: created before the month, resolved in it
		long february = id(api.post("/api/v1/tickets", bureau, world.ticket("二月的工单")));
		ok(api.post("/api/v1/tickets/" + february + "/start", agentToken, Map.of()));
		resolve(february, agentToken);
		dated(february, "2025-02-25T10:00", "2025-02-25T10:10", "2025-03-02T10:00", null);

		// in progress with the agent
		long working = id(api.post("/api/v1/tickets", bureau, world.ticket("正在处理")));
		ok(api.post("/api/v1/tickets/" + working + "/start", agentToken, Map.of()));
		dated(working, "2025-03-20T15:00", "2025-03-20T15:05", null, null);

		// the second line's: assigned by the lead, response breached
		long second = id(api.post("/api/v1/tickets", bureau, world.ticket("服务器宕机")));
		ok(api.post("/api/v1/tickets/" + second + "/assign", lead,
				map("groupId", world.secondLine, "assigneeUserId", secondLine)));
		ok(api.post("/api/v1/tickets/" + second + "/start", world.token(world.secondLineAgent), Map.of()));
		resolve(second, world.token(world.secondLineAgent));
		dated(second, "2025-03-10T10:00", "2025-03-10T11:00", "2025-03-10T13:00", null);
		jdbc.sql("update ticket set response_breached_at = created_at + interval '15 minutes' where id = ?")
			.param(second).update();

		// nobody's
		dated(id(api.post("/api/v1/tickets", bureau, world.ticket("无人处理"))), "2025-03-21T15:00", null, null, null);
	}

	@Test
	void eachPersonsFiguresAreThoseOfTheirTicketsInThePeriod() {
		JsonNode report = report(lead, "");
		assertThat(report.get("rows")).hasSize(3);
		JsonNode first = report.get("rows").get(0);
		assertThat(first.get("figures").get("assigneeUserId").asLong()).isEqualTo(agent);
		assertThat(first.get("name").asString()).isEqualTo("测试用户 " + world.agent);
		JsonNode f = first.get("figures");
		assertThat(f.get("assigned").asLong()).isEqualTo(3);
		assertThat(f.get("resolved").asLong()).isEqualTo(3);
		assertThat(f.get("closed").asLong()).isEqualTo(1);
		// respond: 30, 20 and 10 minutes; resolve: 2 h, 24 h and 5 days
		assertThat(f.get("meanTimeToRespondSeconds").asLong()).isEqualTo(1200);
		assertThat(f.get("meanTimeToResolveSeconds").asLong()).isEqualTo((7200 + 86400 + 432000) / 3);
		assertThat(f.get("reopened").asLong()).isEqualTo(1);
		assertThat(f.get("reopenRate").decimalValue()).isEqualByComparingTo("33.3");
		assertThat(f.get("responseSla").toString()).isEqualTo("{\"counted\":3,\"met\":3,\"rate\":100.0}");
		assertThat(first.get("ratings").get("count").asLong()).isEqualTo(2);
		assertThat(first.get("ratings").get("meanScore").decimalValue()).isEqualByComparingTo("4");

		JsonNode second = row(report, String.valueOf(secondLine));
		assertThat(second.get("figures").get("responseSla").toString())
			.isEqualTo("{\"counted\":1,\"met\":0,\"rate\":0.0}");
		assertThat(second.get("figures").get("reopened").asLong()).isZero();
		JsonNode nobody = row(report, null);
		assertThat(nobody.get("name").asString()).isEqualTo("（未指派处理人）");
		assertThat(nobody.get("figures").get("assigned").asLong()).isEqualTo(1);
		assertThat(nobody.get("figures").get("meanTimeToRespondSeconds").isNull()).isTrue();

		for (JsonNode row : report.get("rows")) {
			JsonNode figures = row.get("figures");
			Long who = figures.get("assigneeUserId").isNull() ? null : figures.get("assigneeUserId").asLong();
			assertThat(actual(figures)).as("person " + who).isEqualTo(expected(who));
		}
	}

	@Test
	void everyCountLeadsToAListOfExactlyTheTicketsItCounted() {
		for (JsonNode row : report(lead, "").get("rows")) {
			JsonNode f = row.get("figures");
			JsonNode links = row.get("links");
			assertThat(listed(links.get("assigned").asString())).isEqualTo(f.get("assigned").asLong());
			assertThat(listed(links.get("resolved").asString())).isEqualTo(f.get("resolved").asLong());
			assertThat(listed(links.get("closed").asString())).isEqualTo(f.get("closed").asLong());
			assertThat(listed(links.get("slaCounted").asString())).isEqualTo(f.get("responseSla").get("counted")
				.asLong());
			assertThat(listed(links.get("responseSlaMet").asString())).isEqualTo(f.get("responseSla").get("met")
				.asLong());
			assertThat(listed(links.get("resolutionSlaMet").asString())).isEqualTo(f.get("resolutionSla").get("met")
				.asLong());
			assertThat(listed(links.get("reopened").asString())).isEqualTo(f.get("reopened").asLong());
			// the SLA links hold the very tickets counted, not just as many: those met, those breached left out
			Long who = f.get("assigneeUserId").isNull() ? null : f.get("assigneeUserId").asLong();
			assertThat(listedIds(links.get("responseSlaMet").asString())).as("response met, person " + who)
				.containsExactlyInAnyOrderElementsOf(counted(who, "response_breached_at is null"));
			assertThat(listedIds(links.get("resolutionSlaMet").asString())).as("resolution met, person " + who)
				.containsExactlyInAnyOrderElementsOf(counted(who, "resolution_breached_at is null"));
			assertThat(listedIds(links.get("slaCounted").asString())).as("SLA counted, person " + who)
				.containsExactlyInAnyOrderElementsOf(counted(who, "true"));
		}
		// the second line's one response breach: counted, not met, so its response-met list is empty
		JsonNode second = row(report(lead, ""), String.valueOf(secondLine));
		assertThat(listedIds(second.get("links").get("slaCounted").asString())).hasSize(1);
		assertThat(listedIds(second.get("links").get("responseSlaMet").asString())).isEmpty();
		assertThat(row(report(lead, ""), null).get("links").get("assigned").asString())
			.isEqualTo("/tickets?assignee=none&createdFrom=2025-03-01&createdTo=2025-03-31");
		// the list's own filter of reopened tickets, both ways, and refusing what it cannot read
		String resolved = "/tickets?assignee=" + agent + "&resolvedFrom=2025-03-01&resolvedTo=2025-03-31";
		assertThat(listed(resolved + "&reopened=true")).isEqualTo(1);
		assertThat(listed(resolved + "&reopened=false")).isEqualTo(2);
		assertThat(api.get("/api/v1" + resolved + "&reopened=maybe", lead).json().get("errors").has("reopened"))
			.isTrue();
		WebSession session = new WebSession(port);
		session.signIn(world.lead, TestDirectory.PASSWORD, null);
		assertThat(session.get(resolved + "&reopened=true").body()).contains("曾被重新打开", "网络时断时续")
			.doesNotContain("打印机卡纸");
	}

	@Test
	void aProviderSeesItsOwnPeopleManagementAllOrOneProviderACustomerNothing() {
		TicketFixtures other = new TicketFixtures(jdbc, api);
		String otherAgent = other.token(other.agent);
		long elsewhere = id(api.post("/api/v1/tickets", other.token(other.bureauUser), other.ticket("别家工单")));
		ok(api.post("/api/v1/tickets/" + elsewhere + "/start", otherAgent, Map.of()));
		dated(elsewhere, "2025-03-10T10:00", "2025-03-10T10:05", null, null);

		String otherLead = other.token(other.lead);
		assertThat(people(report(otherLead, ""))).containsExactly(String.valueOf(other.userId(other.agent)));
		assertThat(people(report(lead, ""))).doesNotContain(String.valueOf(other.userId(other.agent)));
		// a provider may name itself, never another
		assertThat(people(report(otherLead, "&provider=" + other.providerParty))).hasSize(1);
		var another = api.get("/api/v1/ticket-statistics/assignees?" + MARCH + "&provider=" + world.providerParty,
				otherLead);
		assertThat(another.status()).isEqualTo(400);
		assertThat(another.json().get("errors").has("provider")).isTrue();

		// management sees every provider's people, or one provider's
		assertThat(people(report(world.managerToken, ""))).contains(String.valueOf(agent),
				String.valueOf(other.userId(other.agent)));
		assertThat(people(report(world.managerToken, "&provider=" + other.providerParty)))
			.containsExactly(String.valueOf(other.userId(other.agent)));
		assertThat(report(world.managerToken, "&provider=" + world.providerParty).get("rows"))
			.isEqualTo(report(lead, "").get("rows"));

		// a customer's holder of TICKET_REPORT sees nothing of it; agents without TICKET_REPORT neither
		String reader = world.token(world.directory.user(world.bureau, world.directory.role("TICKET_REPORT")));
		for (String refused : List.of(reader, world.token(world.agent), world.token(world.bureauUser))) {
			assertThat(api.get("/api/v1/ticket-statistics/assignees?" + MARCH, refused).status()).isEqualTo(403);
			assertThat(api.get("/api/v1/ticket-statistics/assignees/export?" + MARCH, refused).status())
				.isEqualTo(403);
		}
		WebSession customer = new WebSession(port);
		customer.signIn(world.directory.user(world.bureau, world.directory.role("TICKET_REPORT")),
				TestDirectory.PASSWORD, null);
		assertThat(customer.get("/tickets/statistics/assignees").status()).isEqualTo(403);
	}

	@Test
	void badInputIsAProblemNamingTheField() {
		var backwards = api.get("/api/v1/ticket-statistics/assignees?from=2025-03-31&to=2025-03-01", lead);
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.contentType()).contains("application/problem+json");
		assertThat(backwards.json().get("errors").has("to")).isTrue();
		assertThat(api.get("/api/v1/ticket-statistics/assignees?from=2025-03-01", lead).json().get("errors")
			.has("to")).isTrue();
		for (String provider : List.of("999999999", "ten", String.valueOf(world.customerParty))) {
			var unknown = api.get("/api/v1/ticket-statistics/assignees?" + MARCH + "&provider=" + provider,
					world.managerToken);
			assertThat(unknown.status()).as(provider).isEqualTo(400);
			assertThat(unknown.json().get("errors").get("provider").asString()).contains("服务商");
		}
	}

	/** The facade, which the API's figures go through as well, asks who is reading before it reads anything. */
	@Test
	void theFacadeRefusesWhenNobodyIsSignedIn() {
		assertThatThrownBy(() -> tickets.figuresByAssignee(new DateRange(LocalDate.parse("2025-03-01"),
				LocalDate.parse("2025-03-31")), null)).isInstanceOfSatisfying(RejectedRequest.class,
						refused -> assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN));
	}

	@Test
	void exportsTheSameFiguresAsASheetAndAuditsTheExport() throws Exception {
		long audited = exports();
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ticket-statistics/assignees/export?" + MARCH))
			.header("Authorization", "Bearer " + lead)
			.header("Accept-Language", "zh-CN")
			.build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
		JsonNode rows = report(lead, "").get("rows");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(workbook.getSheetName(0)).isEqualTo("按处理人统计");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2025-03-01");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("处理人");
			assertThat(sheet.getRow(1).getCell(14).getStringCellValue()).isEqualTo("重开率（%）");
			assertThat(sheet.getLastRowNum()).isEqualTo(1 + rows.size());
			for (int i = 0; i < rows.size(); i++) {
				JsonNode row = rows.get(i);
				JsonNode f = row.get("figures");
				Row line = sheet.getRow(2 + i);
				assertThat(line.getCell(0).getStringCellValue()).isEqualTo(row.get("name").asString());
				assertThat(number(line.getCell(1))).isEqualTo(f.get("assigned").asDouble());
				assertThat(number(line.getCell(2))).isEqualTo(f.get("resolved").asDouble());
				assertThat(number(line.getCell(3))).isEqualTo(f.get("closed").asDouble());
				assertThat(Double.valueOf(number(line.getCell(6)))).isEqualTo(hours(f.get("meanTimeToResolveSeconds")));
				assertThat(number(line.getCell(9))).isEqualTo(f.get("responseSla").get("met").asDouble());
				assertThat(number(line.getCell(13))).isEqualTo(f.get("reopened").asDouble());
				assertThat(number(line.getCell(15))).isEqualTo(row.get("ratings").get("count").asDouble());
			}
			Row agentRow = sheet.getRow(2);
			assertThat(number(agentRow.getCell(14))).isEqualTo(33.3);
			assertThat(number(agentRow.getCell(16))).isEqualTo(4.0);
		}
		assertThat(exports()).isEqualTo(audited + 1);
	}

	@Test
	void thePageShowsEachPersonWithLinksAndTheDashboardLeadsToIt() {
		WebSession session = new WebSession(port);
		session.signIn(world.lead, TestDirectory.PASSWORD, null);

		var page = session.get("/tickets/statistics/assignees?" + MARCH);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("测试用户 " + world.agent, "（未指派处理人）", "33.3 %",
				"href=\"/tickets?assignee=" + agent + "&amp;resolvedFrom=2025-03-01&amp;resolvedTo=2025-03-31\" id=\"resolved-"
						+ agent + "\">3<",
				"/tickets/statistics/assignees/export?from=2025-03-01");
		// a provider picks no provider: it sees its own people only
		assertThat(page.body()).doesNotContain("id=\"a-provider\"", "style=", "ticket-stats.");
		assertThat(session.get("/tickets/statistics").body()).contains("href=\"/tickets/statistics/assignees\"");

		var english = session.get("/tickets/statistics/assignees?lang=en&" + MARCH);
		assertThat(english.body()).contains("Statistics by assignee", "(nobody assigned)", "90th pct.", "(2 ratings)")
			.doesNotContain("ticket-stats.", "按处理人统计");
		session.get("/tickets/statistics/assignees?lang=zh-CN");

		var bad = session.get("/tickets/statistics/assignees?from=2025-13-01&to=2025-03-31");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("is-invalid");

		WebSession manager = new WebSession(port);
		String managerName = world.directory.user(world.managementUnit(), "SERVICE_MANAGER");
		manager.signIn(managerName, TestDirectory.PASSWORD, null);
		var all = manager.get("/tickets/statistics/assignees?" + MARCH + "&provider=" + world.providerParty);
		assertThat(all.body()).contains("id=\"a-provider\"", "测试用户 " + world.agent);
		var unknown = manager.get("/tickets/statistics/assignees?" + MARCH + "&provider=999999999");
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.body()).contains("is-invalid", "没有这个服务商");

		var download = session.download("/tickets/statistics/assignees/export?" + MARCH);
		assertThat(download.status()).isEqualTo(200);
		assertThat(api.get("/v3/api-docs", null).json().get("paths").has("/api/v1/ticket-statistics/assignees"))
			.isTrue();
	}

	/** The figures the API gives, as text for comparison. */
	private static List<String> actual(JsonNode f) {
		return List.of(f.get("assigned").asString(), f.get("resolved").asString(), f.get("closed").asString(),
				text(f.get("meanTimeToRespondSeconds")), text(f.get("p90TimeToRespondSeconds")),
				text(f.get("meanTimeToResolveSeconds")), text(f.get("p90TimeToResolveSeconds")),
				f.get("responseSla").get("counted").asString(), f.get("responseSla").get("met").asString(),
				f.get("resolutionSla").get("met").asString(), f.get("reopened").asString());
	}

	/** The same figures counted straight from the records, one aggregate each, for the world's provider. */
	private List<String> expected(Long who) {
		String person = who == null ? "assignee_user_id is null" : "assignee_user_id = " + who;
		String mine = " and provider_party_id = " + world.providerParty + " and " + person;
		String march = " >= '2025-03-01T00:00+08:00' and %s < '2025-04-01T00:00+08:00'";
		List<String> figures = new ArrayList<>();
		figures.add(count("select count(*) from ticket where created_at" + march.formatted("created_at") + mine));
		figures.add(count("select count(*) from ticket where resolved_at" + march.formatted("resolved_at") + mine));
		figures.add(count("select count(*) from ticket where closed_at" + march.formatted("closed_at") + mine));
		String resolved = " from ticket t where resolved_at" + march.formatted("resolved_at") + mine;
		for (String time : List.of("responded_at", "resolved_at")) {
			figures.add(count("select round(avg(extract(epoch from " + time + " - created_at)))::bigint" + resolved));
			figures.add(count("select round(percentile_cont(0.9) within group (order by extract(epoch from " + time
					+ " - created_at)))::bigint" + resolved));
		}
		figures.add(count("select count(*)" + resolved + " and agreement_id is not null"));
		figures.add(count("select count(*)" + resolved + " and agreement_id is not null and response_breached_at is null"));
		figures.add(count("select count(*)" + resolved + " and agreement_id is not null and resolution_breached_at is null"));
		// reopened: the timeline holds a change of status from resolved back to work
		figures.add(count("select count(*)" + resolved + " " + """
				 and exists (select 1 from ticket_entry e where e.ticket_id = t.id and e.kind = 'STATUS_CHANGED'
				 and e.details -> 'status' ->> 'from' = 'RESOLVED' and e.details -> 'status' ->> 'to' in ('NEW', 'ASSIGNED', 'IN_PROGRESS'))"""));
		return figures;
	}

	private String count(String sql) {
		Object value = jdbc.sql(sql).query((rs, n) -> rs.getObject(1)).list().getFirst();
		return value == null ? "null" : value.toString();
	}

	private JsonNode report(String token, String more) {
		var response = api.get("/api/v1/ticket-statistics/assignees?" + MARCH + more, token);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode row(JsonNode report, String who) {
		for (JsonNode row : report.get("rows")) {
			JsonNode id = row.get("figures").get("assigneeUserId");
			if (who == null ? id.isNull() : !id.isNull() && id.asString().equals(who)) {
				return row;
			}
		}
		throw new AssertionError("no row of " + who + " in " + report);
	}

	private static List<String> people(JsonNode report) {
		List<String> people = new ArrayList<>();
		report.get("rows").forEach(row -> people.add(text(row.get("figures").get("assigneeUserId"))));
		return people;
	}

	/** How many tickets the list behind a link holds, read through the API. */
	private long listed(String link) {
		var response = api.get("/api/v1" + link + "&limit=200", lead);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("next").isNull()).isTrue();
		return response.json().get("items").size();
	}

	private List<Long> listedIds(String link) {
		var response = api.get("/api/v1" + link + "&limit=200", lead);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("next").isNull()).isTrue();
		List<Long> ids = new ArrayList<>();
		response.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

	/** The world provider's tickets of one person resolved in March under an agreement and meeting a condition. */
	private List<Long> counted(Long who, String condition) {
		return jdbc.sql("select id from ticket where resolved_at >= '2025-03-01T00:00+08:00'"
				+ " and resolved_at < '2025-04-01T00:00+08:00' and agreement_id is not null and provider_party_id = "
				+ world.providerParty + " and " + (who == null ? "assignee_user_id is null" : "assignee_user_id = " + who)
				+ " and " + condition)
			.query(Long.class)
			.list();
	}

	private static String text(JsonNode node) {
		return node == null || node.isNull() ? "null" : node.asString();
	}

	private static double number(Cell cell) {
		return cell == null ? Double.NaN : cell.getNumericCellValue();
	}

	private static Double hours(JsonNode seconds) {
		return seconds.isNull() ? Double.NaN : new BigDecimal(Math.round(seconds.asLong() / 36.0)).movePointLeft(2).doubleValue();
	}

	private void resolve(long id, String token) {
		ok(api.post("/api/v1/tickets/" + id + "/resolve", token,
				Map.of("resolutionCode", "SOLVED", "resolutionText", "已处理")));
	}

	private void rate(long id, String token, int score, String at) {
		ok(api.post("/api/v1/tickets/" + id + "/rating", token, Map.of("score", score, "comment", "评价")));
		jdbc.sql("update ticket_rating set rated_at = ? where ticket_id = ?").params(at(at), id).update();
	}

	/** Moves a ticket's life into the past (local times in Asia/Shanghai); {@code null} leaves a time unset. */
	private void dated(long id, String created, String responded, String resolved, String closed) {
		jdbc.sql("update ticket set created_at = ?, responded_at = ?, resolved_at = ?, closed_at = ? where id = ?")
			.params(at(created), at(responded), at(resolved), at(closed), id)
			.update();
	}

	private static Timestamp at(String local) {
		return local == null ? null : Timestamp.from(OffsetDateTime.parse(local + ":00+08:00").toInstant());
	}

	private long exports() {
		return jdbc.sql("select count(*) from audit_record where action = 'TICKET_ASSIGNEE_STATISTICS_EXPORT'")
			.query(Long.class).single();
	}

	private static long id(ApiClient.Response response) {
		ok(response);
		return response.json().get("ticket").get("id").asLong();
	}

	private static void ok(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}
}
