package org.yunwei.ticket.internal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.Priority;
import org.yunwei.sla.SlaClocks;
import org.yunwei.sla.TimeBasis;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;
import org.yunwei.ticket.internal.work.TicketClocks;

import tools.jackson.databind.JsonNode;

/**
 * Ticket statistics over a handful of tickets made and worked through the API, then dated into March 2025 so that
 * the figures are exact: four created in the month (three at the bureau, one at its department), three resolved in
 * it (one created in February), two closed, one resolution clock breached by the SLA engine; and six open tickets,
 * one in each backlog age bucket and two over 30 days. Each test has its own provider, so that its lead (服务台经理,
 * TICKET_REPORT) counts exactly these.
 */
class TicketStatisticsIntegrationTests extends IntegrationTestSupport {

	static final String MARCH = "from=2025-03-01&to=2025-03-31";

	@Autowired
	SlaClocks clocks;

	/** Made once for the class: the tests only read it. */
	static TicketFixtures world;
	static String lead;

	ApiClient api;

	@BeforeEach
	void march() throws InterruptedException {
		api = new ApiClient(port);
		if (world == null) {
			world = new TicketFixtures(jdbc, api);
			lead = world.token(world.lead);
			worldOfMarch();
		}
	}

	private void worldOfMarch() throws InterruptedException {
		String agent = world.token(world.agent);
		String bureau = world.token(world.bureauUser);

		// printer: the bureau's incident with a category, responded in 30 min, resolved in 2 h, confirmed
		var body = world.ticket("打印机卡纸");
		body.put("category", "打印机");
		long printer = id(api.post("/api/v1/tickets", bureau, body));
		ok(api.post("/api/v1/tickets/" + printer + "/start", agent, Map.of()));
		resolve(printer, agent);
		ok(api.post("/api/v1/tickets/" + printer + "/confirm", bureau, Map.of()));
		dated(printer, "2025-03-03T08:00", "2025-03-03T08:30", "2025-03-03T10:00", "2025-03-03T12:00");

		// request: a service request by phone (P4), responded in 1 h, resolved in 5 h after its resolution clock ran out
		long request = agentTicket(agent, "SERVICE_REQUEST", 3, 3);
		ok(api.post("/api/v1/tickets/" + request + "/start", agent, Map.of()));
		clocks.retarget(TicketClocks.subject(request), ClockKind.RESOLUTION, new ClockTerms(world.agreement,
				Priority.P4, null, TimeBasis.CALENDAR, Duration.ofMillis(1), List.of()), Instant.now());
		Thread.sleep(50);
		resolve(request, agent);
		dated(request, "2025-03-05T09:00", "2025-03-05T10:00", "2025-03-05T14:00", null);

		// february: created before the month, resolved and closed in it (responded in 10 min, resolved in 5 days)
		long february = id(api.post("/api/v1/tickets", bureau, world.ticket("二月的工单")));
		ok(api.post("/api/v1/tickets/" + february + "/start", agent, Map.of()));
		resolve(february, agent);
		ok(api.post("/api/v1/tickets/" + february + "/close", agent, Map.of()));
		dated(february, "2025-02-25T10:00", "2025-02-25T10:10", "2025-03-02T10:00", "2025-03-04T09:00");

		// still open: one by phone created in March, one of the department created in March
		dated(agentTicket(agent, "INCIDENT", 1, 1), "2025-03-20T15:00", null, null, null);
		long department = id(api.post("/api/v1/tickets", world.token(world.departmentUser), world.ticket("信息科报障")));
		dated(department, "2025-03-21T15:00", null, null, null);
		// and one in each younger age bucket, the oldest of them past its resolution due time
		Instant now = Instant.now();
		for (Duration age : List.of(Duration.ofHours(2), Duration.ofDays(2), Duration.ofDays(5), Duration.ofDays(10))) {
			long open = id(api.post("/api/v1/tickets", bureau, world.ticket("积压 " + age)));
			jdbc.sql("update ticket set created_at = ?, resolution_due_at = ? where id = ?")
				.params(Timestamp.from(now.minus(age)), Timestamp.from(now.minus(age).plus(Duration.ofDays(9))), open)
				.update();
		}
		awaitBreach(request, "RESOLUTION");
	}

	@Test
	void summaryCountsTheMonthAndMeasuresTheTicketsResolvedInIt() {
		JsonNode summary = api.get("/api/v1/ticket-statistics/summary?" + MARCH, lead).json();

		assertThat(summary.get("created").asLong()).isEqualTo(4);
		assertThat(summary.get("resolved").asLong()).isEqualTo(3);
		assertThat(summary.get("closed").asLong()).isEqualTo(2);
		assertThat(summary.get("openBacklog").asLong()).isEqualTo(6);
		assertThat(summary.get("overdueBacklog").asLong()).isEqualTo(1);
		// respond: 30, 60 and 10 minutes; resolve: 2 h, 5 h and 5 days
		assertThat(summary.get("meanTimeToRespondSeconds").asLong()).isEqualTo(2000);
		assertThat(summary.get("medianTimeToRespondSeconds").asLong()).isEqualTo(1800);
		assertThat(summary.get("meanTimeToResolveSeconds").asLong()).isEqualTo((7200 + 18000 + 432000) / 3);
		assertThat(summary.get("medianTimeToResolveSeconds").asLong()).isEqualTo(18000);
		assertThat(summary.get("responseSla").toString()).isEqualTo("{\"counted\":3,\"met\":3,\"rate\":100.0}");
		assertThat(summary.get("resolutionSla").toString()).isEqualTo("{\"counted\":3,\"met\":2,\"rate\":66.7}");
		assertThat(summary.get("links").get("openBacklog").asString()).isEqualTo("/tickets?status=open");
		assertThat(summary.get("links").get("overdueBacklog").asString()).isEqualTo("/tickets?status=open&overdue=true");

		JsonNode empty = api.get("/api/v1/ticket-statistics/summary?from=2001-01-01&to=2001-12-31", lead).json();
		assertThat(empty.get("created").asLong()).isZero();
		assertThat(empty.get("meanTimeToResolveSeconds").isNull()).isTrue();
		assertThat(empty.get("resolutionSla").get("rate").isNull()).isTrue();
	}

	@Test
	void countsTheMonthsTicketsByEachDimensionWithNamesAndListLinks() {
		assertThat(rows("type")).containsExactly("INCIDENT 事件 3 /tickets?createdFrom=2025-03-01&createdTo=2025-03-31&type=INCIDENT",
				"SERVICE_REQUEST 服务请求 1 /tickets?createdFrom=2025-03-01&createdTo=2025-03-31&type=SERVICE_REQUEST");
		assertThat(rows("priority")).containsExactly("P1 P1 3 /tickets?createdFrom=2025-03-01&createdTo=2025-03-31&priority=P1", "P4 P4 1 /tickets?createdFrom=2025-03-01&createdTo=2025-03-31&priority=P4");
		assertThat(rows("channel")).containsExactly("API 接口 2 /tickets?createdFrom=2025-03-01&createdTo=2025-03-31&channel=API",
				"PHONE 电话 2 /tickets?createdFrom=2025-03-01&createdTo=2025-03-31&channel=PHONE");
		assertThat(rows("status")).containsExactlyInAnyOrder("CLOSED 已关闭 1 /tickets?createdFrom=2025-03-01&createdTo=2025-03-31&status=CLOSED",
				"RESOLVED 已解决 1 /tickets?createdFrom=2025-03-01&createdTo=2025-03-31&status=RESOLVED", "ASSIGNED 已分派 1 /tickets?createdFrom=2025-03-01&createdTo=2025-03-31&status=ASSIGNED",
				"NEW 新建 1 /tickets?createdFrom=2025-03-01&createdTo=2025-03-31&status=NEW");
		assertThat(rows("category")).containsExactly("null 未指定 3 null",
				"打印机 打印机 1 /tickets?createdFrom=2025-03-01&createdTo=2025-03-31&category=%E6%89%93%E5%8D%B0%E6%9C%BA");
		List<String> customers = rows("customer");
		assertThat(customers).hasSize(2);
		assertThat(customers.get(0)).startsWith(world.bureau + " ").contains("办公室", " 3 ")
			.endsWith("/tickets?createdFrom=2025-03-01&createdTo=2025-03-31&customerOrgUnitId=" + world.bureau);
		assertThat(customers.get(1)).startsWith(world.department + " ").contains("信息科", " 1 ");
		String service = jdbc.sql("select name from catalog_service where id = ?").param(world.service)
			.query(String.class).single();
		assertThat(rows("service")).containsExactly(
				world.service + " " + service + " 4 /tickets?createdFrom=2025-03-01&createdTo=2025-03-31&serviceId=" + world.service);

		var unknown = api.get("/api/v1/ticket-statistics?" + MARCH + "&groupBy=colour", lead);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").has("groupBy")).isTrue();
		assertThat(api.get("/api/v1/ticket-statistics?" + MARCH, lead).status()).isEqualTo(400);
	}

	/** The dashboard's one request answers what the separate ones do, and refuses what they refuse. */
	@Test
	void theReportHoldsEveryViewTheSeparateRequestsGive() {
		JsonNode report = api.get("/api/v1/ticket-statistics/report?" + MARCH + "&top=1", lead).json();

		JsonNode summary = api.get("/api/v1/ticket-statistics/summary?" + MARCH, lead).json();
		for (String field : List.of("created", "resolved", "closed", "openBacklog", "meanTimeToRespondSeconds",
				"medianTimeToResolveSeconds", "responseSla", "resolutionSla", "links")) {
			assertThat(report.get("summary").get(field)).as(field).isEqualTo(summary.get(field));
		}
		assertThat(report.get("volumes").get("PRIORITY").get("rows"))
			.isEqualTo(api.get("/api/v1/ticket-statistics?" + MARCH + "&groupBy=priority", lead).json().get("rows"));
		// top=1: the second customer is summed up as "others", without a link
		JsonNode customers = report.get("volumes").get("CUSTOMER").get("rows");
		assertThat(customers).hasSize(2);
		assertThat(customers.get(1).get("count").asLong()).isEqualTo(1);
		assertThat(customers.get(1).get("link").isNull()).isTrue();
		assertThat(report.get("trend")).isEqualTo(api.get("/api/v1/ticket-statistics/trend?" + MARCH, lead).json());
		assertThat(report.get("backlog").get("total").asLong())
			.isEqualTo(api.get("/api/v1/ticket-statistics/backlog-age", lead).json().get("total").asLong());

		for (String top : List.of("0", "101", "ten")) {
			var refused = api.get("/api/v1/ticket-statistics/report?" + MARCH + "&top=" + top, lead);
			assertThat(refused.status()).as(top).isEqualTo(400);
			assertThat(refused.json().get("errors").has("top")).isTrue();
		}
		assertThat(api.get("/api/v1/ticket-statistics/report?" + MARCH, world.token(world.agent)).status())
			.isEqualTo(403);
	}

	@Test
	void theBacklogIsBucketedByAgeAndTheTrendHasEveryStep() {
		JsonNode backlog = api.get("/api/v1/ticket-statistics/backlog-age", lead).json();
		List<String> buckets = new ArrayList<>();
		backlog.get("buckets").forEach(b -> buckets.add(b.get("key").asString() + "=" + b.get("count").asLong()));
		assertThat(buckets).containsExactly("LT_1D=1", "D1_3=1", "D3_7=1", "D7_30=1", "GT_30D=2");
		assertThat(backlog.get("total").asLong()).isEqualTo(6);
		assertThat(backlog.get("buckets").get(0).get("label").asString()).isEqualTo("1 天以内");

		JsonNode days = api.get("/api/v1/ticket-statistics/trend?" + MARCH, lead).json();
		assertThat(days.get("granularity").asString()).isEqualTo("day");
		assertThat(days.get("points").size()).isEqualTo(31);
		assertThat(point(days, "2025-03-02")).isEqualTo("0/1");
		assertThat(point(days, "2025-03-03")).isEqualTo("1/1");
		assertThat(point(days, "2025-03-05")).isEqualTo("1/1");
		assertThat(point(days, "2025-03-31")).isEqualTo("0/0");

		JsonNode months = api.get("/api/v1/ticket-statistics/trend?from=2025-02-01&to=2025-04-30&granularity=month",
				lead).json();
		assertThat(months.get("points").size()).isEqualTo(3);
		assertThat(point(months, "2025-02")).isEqualTo("1/0");
		assertThat(point(months, "2025-03")).isEqualTo("4/3");

		assertThat(api.get("/api/v1/ticket-statistics/trend?from=2024-01-01&to=2025-03-31&granularity=day", lead)
			.json().get("errors").has("granularity")).isTrue();
		var backwards = api.get("/api/v1/ticket-statistics/summary?from=2025-03-31&to=2025-03-01", lead);
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.json().get("errors").has("to")).isTrue();
		var malformed = api.get("/api/v1/ticket-statistics/summary?from=2025-02-30&to=2025-03-01", lead);
		assertThat(malformed.json().get("errors").get("from").asString()).contains("有效日期");
		assertThat(api.get("/api/v1/ticket-statistics/summary?from=2025-03-01", lead).status()).isEqualTo(400);
	}

	@Test
	void eachReaderCountsOnlyTheTicketsInTheirScope() {
		TicketFixtures other = new TicketFixtures(jdbc, api);
		long elsewhere = id(api.post("/api/v1/tickets", other.token(other.bureauUser), other.ticket("别家工单")));
		dated(elsewhere, "2025-03-10T10:00", null, null, null);

		assertThat(created(lead)).isEqualTo(4);
		assertThat(created(other.token(other.lead))).isEqualTo(1);
		assertThat(api.get("/api/v1/ticket-statistics/backlog-age", other.token(other.lead)).json().get("total")
			.asLong()).isEqualTo(1);

		// supervision counts every provider's tickets
		long supervision = world.directory.orgUnit(world.directory.party("SUPERVISION", "监理"), null, "监理部");
		String supervisor = world.token(world.directory.user(supervision, "SUPERVISOR"));
		assertThat(created(supervisor)).isGreaterThanOrEqualTo(5);

		// a customer's holder of TICKET_REPORT counts their own unit and those below it only
		String reporting = world.directory.role("TICKET_REPORT");
		String departmentReader = world.token(world.directory.user(world.department, reporting));
		assertThat(created(departmentReader)).isEqualTo(1);
		assertThat(api.get("/api/v1/ticket-statistics?" + MARCH + "&groupBy=customer", departmentReader).json()
			.get("rows").get(0).get("key").asString()).isEqualTo(String.valueOf(world.department));
		String bureauReader = world.token(world.directory.user(world.bureau, reporting));
		assertThat(created(bureauReader)).isEqualTo(4);

		// customers and agents without TICKET_REPORT are refused, whatever they ask
		for (String refused : List.of(world.token(world.bureauUser), world.token(world.agent))) {
			for (String path : List.of("?groupBy=type", "/summary", "/backlog-age", "/trend", "/export")) {
				assertThat(api.get("/api/v1/ticket-statistics" + path, refused).status()).as(path).isEqualTo(403);
			}
		}
	}

	@Test
	void exportsEveryViewAsASheetAndAuditsTheExport() throws Exception {
		long audited = exports();
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ticket-statistics/export?" + MARCH))
			.header("Authorization", "Bearer " + lead)
			.header("Accept-Language", "zh-CN")
			.build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(10);
			assertThat(workbook.getSheetName(0)).isEqualTo("概要");
			assertThat(cells(workbook.getSheetAt(0))).contains("新建工单 4.0", "已解决 3.0", "已关闭 2.0",
					"积压（未关闭） 6.0", "解决达成率（%） 66.7", "平均解决时长（小时） 42.33");
			assertThat(workbook.getSheetName(1)).isEqualTo("按类型");
			assertThat(cells(workbook.getSheetAt(1))).containsExactly("取值 名称 工单数 占比（%）",
					"INCIDENT 事件 3.0 75.0", "SERVICE_REQUEST 服务请求 1.0 25.0", " 合计 4.0");
			assertThat(workbook.getSheetName(8)).isEqualTo("积压时长");
			assertThat(cells(workbook.getSheetAt(8))).containsExactly("时长 工单数", "1 天以内 1.0", "1–3 天 1.0",
					"3–7 天 1.0", "7–30 天 1.0", "30 天以上 2.0");
			Sheet trend = workbook.getSheetAt(9);
			assertThat(trend.getLastRowNum()).isEqualTo(31);
			assertThat(cells(trend)).contains("2025-03-03 1.0 1.0");
		}
		assertThat(exports()).isEqualTo(audited + 1);
		String after = jdbc.sql("""
				select after_value::text from audit_record where action = 'TICKET_STATISTICS_EXPORT' order by id desc limit 1""")
			.query(String.class).single();
		assertThat(after).contains("2025-03-01", "PROVIDER " + world.providerParty);
	}

	@Test
	void theDashboardShowsEveryViewWithLinksAndExports() {
		WebSession session = new WebSession(port);
		session.signIn(world.lead, TestDirectory.PASSWORD, null);

		var page = session.get("/tickets/statistics?" + MARCH);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"stat-created\" href=\"/tickets?createdFrom=2025-03-01&amp;createdTo=2025-03-31\">4<", "chart-trend", "data-chart=",
				"href=\"/tickets?createdFrom=2025-03-01&amp;createdTo=2025-03-31&amp;type=INCIDENT\"", "id=\"backlog-GT_30D\"", "66.7 %", "/webjars/chart.js/",
				"/js/charts.js", "/tickets/statistics/export?from=2025-03-01");
		assertThat(page.body()).doesNotContain("style=", "<script>");

		var bad = session.get("/tickets/statistics?from=2025-13-01&to=2025-03-31");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("is-invalid");

		var download = session.download("/tickets/statistics/export?" + MARCH);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body().length).isPositive();

		WebSession customer = new WebSession(port);
		customer.signIn(world.bureauUser, TestDirectory.PASSWORD, null);
		assertThat(customer.get("/tickets/statistics").status()).isEqualTo(403);
		assertThat(api.get("/v3/api-docs", null).json().get("paths").has("/api/v1/ticket-statistics/backlog-age"))
			.isTrue();
	}

	@Test
	void everyCountLeadsToAListOfExactlyTheTicketsItCounted() {
		JsonNode summary = api.get("/api/v1/ticket-statistics/summary?" + MARCH, lead).json();
		for (String figure : List.of("created", "resolved", "closed", "openBacklog", "overdueBacklog")) {
			assertThat(listed(summary.get("links").get(figure).asString())).as(figure)
				.isEqualTo(summary.get(figure).asLong());
		}
		JsonNode links = summary.get("links");
		assertThat(listed(links.get("slaCounted").asString())).isEqualTo(3);
		assertThat(listed(links.get("responseSlaMet").asString())).isEqualTo(summary.get("responseSla").get("met")
			.asLong());
		assertThat(listed(links.get("resolutionSlaMet").asString())).isEqualTo(2);
		for (String groupBy : List.of("category", "customer", "service", "priority", "channel", "status", "type")) {
			for (JsonNode row : api.get("/api/v1/ticket-statistics?" + MARCH + "&groupBy=" + groupBy, lead).json()
				.get("rows")) {
				if (!row.get("link").isNull()) {
					assertThat(listed(row.get("link").asString())).as(groupBy + " " + row.get("key"))
						.isEqualTo(row.get("count").asLong());
				}
			}
		}
		for (JsonNode bucket : api.get("/api/v1/ticket-statistics/backlog-age", lead).json().get("buckets")) {
			assertThat(listed(bucket.get("link").asString())).as(bucket.get("key").asString())
				.isEqualTo(bucket.get("count").asLong());
		}
		// the trend's points lead to their day's tickets
		WebSession session = new WebSession(port);
		session.signIn(world.lead, TestDirectory.PASSWORD, null);
		String page = session.get("/tickets/statistics?" + MARCH).body();
		assertThat(page).contains("/tickets?createdFrom=2025-03-03&amp;createdTo=2025-03-03",
				"/tickets?resolvedFrom=2025-03-02&amp;resolvedTo=2025-03-02");
		assertThat(listed("/tickets?resolvedFrom=2025-03-02&resolvedTo=2025-03-02")).isEqualTo(1);
	}

	/** How many tickets the list behind a statistic's link holds, read through the API. */
	private long listed(String link) {
		var response = api.get("/api/v1" + link + "&limit=200", lead);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("next").isNull()).isTrue();
		return response.json().get("items").size();
	}

	private List<String> rows(String groupBy) {
		var response = api.get("/api/v1/ticket-statistics?" + MARCH + "&groupBy=" + groupBy, lead);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<String> rows = new ArrayList<>();
		response.json().get("rows").forEach(row -> rows.add(text(row.get("key")) + " " + row.get("label").asString()
				+ " " + row.get("count").asLong() + " " + text(row.get("link"))));
		return rows;
	}

	private long created(String token) {
		var response = api.get("/api/v1/ticket-statistics/summary?" + MARCH, token);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().get("created").asLong();
	}

	private static String text(JsonNode node) {
		return node == null || node.isNull() ? "null" : node.asString();
	}

	private static String point(JsonNode trend, String period) {
		for (JsonNode point : trend.get("points")) {
			if (point.get("period").asString().equals(period)) {
				return point.get("created").asLong() + "/" + point.get("resolved").asLong();
			}
		}
		return null;
	}

	private static List<String> cells(Sheet sheet) {
		List<String> lines = new ArrayList<>();
		for (Row row : sheet) {
			List<String> cells = new ArrayList<>();
			for (int i = 0; i < row.getLastCellNum(); i++) {
				var cell = row.getCell(i);
				cells.add(cell == null ? "" : switch (cell.getCellType()) {
					case NUMERIC -> String.valueOf(cell.getNumericCellValue());
					default -> cell.getStringCellValue();
				});
			}
			lines.add(String.join(" ", cells));
		}
		return lines;
	}

	private long agentTicket(String agent, String type, int impact, int urgency) {
		var body = world.ticket("电话报障");
		body.put("type", type);
		body.put("customerOrgUnitId", world.bureau);
		body.put("reporterName", "张三");
		body.put("impact", impact);
		body.put("urgency", urgency);
		body.put("groupId", world.firstLine);
		return id(api.post("/api/v1/tickets", agent, body));
	}

	private void resolve(long id, String agent) {
		ok(api.post("/api/v1/tickets/" + id + "/resolve", agent,
				Map.of("resolutionCode", "SOLVED", "resolutionText", "已处理")));
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

	/** The SLA engine's breach arrives through the event registry after the resolution's commit. */
	private void awaitBreach(long ticketId, String kind) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline) {
			if (jdbc.sql("select count(*) from ticket where id = ? and " + kind.toLowerCase() + "_breached_at is not null")
				.param(ticketId).query(Long.class).single() == 1) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No " + kind + " breach recorded for ticket " + ticketId);
	}

	private long exports() {
		return jdbc.sql("select count(*) from audit_record where action = 'TICKET_STATISTICS_EXPORT'")
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
