package org.yunwei.ticket.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * The ticket list's creation days and catalogue categories, through the API and the workspace page, and its Excel
 * export with the same filters and scope. The world: a catalogue category with a sub-category, a service in each,
 * and four tickets of the bureau dated around April 2025 in Asia/Shanghai (one at 00:30 on 1 April, which is still
 * 31 March in UTC), plus a second provider with its own customer for the scope.
 */
class TicketListIntegrationTests extends IntegrationTestSupport {

	static TicketFixtures world;
	static TicketFixtures other;
	static long parentCategory;
	static long childCategory;
	static long hardware;
	static long printers;
	static long firstApril;
	static long lastApril;
	static long firstMay;
	static long department;
	static long elsewhere;
	static String marker;

	@Autowired
	TicketListExport export;

	ApiClient api;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		if (world != null) {
			return;
		}
		world = new TicketFixtures(jdbc, api);
		other = new TicketFixtures(jdbc, api);
		marker = TestDirectory.unique("清单");
		parentCategory = category(null);
		childCategory = category(parentCategory);
		hardware = service(parentCategory);
		printers = service(childCategory);
		String bureau = world.token(world.bureauUser);
		firstApril = submit(bureau, hardware, "硬件 " + marker, "2025-04-01T00:30");
		lastApril = submit(bureau, printers, "打印机 " + marker, "2025-04-30T23:50");
		firstMay = submit(bureau, world.service, "五月 " + marker, "2025-05-01T00:10");
		department = submit(world.token(world.departmentUser), world.service, "信息科 " + marker, "2025-04-15T09:00");
		elsewhere = submit(other.token(other.bureauUser), other.service, "别家 " + marker, "2025-04-10T09:00");
	}

	@Test
	void filtersByCreationDaysInTheServiceDesksZoneBothEndsIncluded() {
		String agent = world.token(world.agent);
		assertThat(ids("createdFrom=2025-04-01&createdTo=2025-04-30", agent))
			.containsExactly(lastApril, department, firstApril);
		assertThat(ids("createdFrom=2025-04-30", agent)).containsExactly(firstMay, lastApril);
		assertThat(ids("createdTo=2025-04-01", agent)).containsExactly(firstApril);
		assertThat(ids("createdFrom=2025-04-01&createdTo=2025-04-30&sort=due", agent))
			.containsExactlyInAnyOrder(lastApril, department, firstApril);
		// keyset pages go on within the range
		JsonNode first = api.get("/api/v1/tickets?createdFrom=2025-04-01&createdTo=2025-05-31&q=" + marker + "&limit=2",
				agent).json();
		assertThat(first.get("items").size()).isEqualTo(2);
		JsonNode second = api.get("/api/v1/tickets?createdFrom=2025-04-01&createdTo=2025-05-31&q=" + marker
				+ "&limit=2&cursor=" + first.get("next").asString(), agent).json();
		assertThat(second.get("items").valueStream().map(t -> t.get("id").asLong()))
			.containsExactly(department, firstApril);
	}

	@Test
	void refusesUnreadableDatesAndBackwardRangesNamingTheField() {
		String agent = world.token(world.agent);
		var malformed = api.get("/api/v1/tickets?createdFrom=2025-02-30&createdTo=1999-01-01", agent);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("type").asString()).isEqualTo("urn:yunwei:problem:validation");
		assertThat(malformed.json().get("errors").get("createdFrom").asString()).contains("有效日期");
		assertThat(malformed.json().get("errors").has("createdTo")).isTrue();
		var backwards = api.get("/api/v1/tickets?createdFrom=2025-04-30&createdTo=2025-04-01", agent);
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.json().get("errors").get("createdTo").asString()).contains("不能早于");
		assertThat(api.get("/api/v1/tickets?categoryId=999999999", agent).json().get("errors").has("categoryId"))
			.isTrue();
		assertThat(api.get("/api/v1/tickets?age=FOREVER", agent).status()).isEqualTo(400);

		JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
		assertThat(paths.has("/api/v1/tickets/export")).isTrue();
		assertThat(paths.get("/api/v1/tickets").get("get").get("parameters").valueStream()
			.map(p -> p.get("name").asString())).contains("createdFrom", "createdTo", "categoryId", "serviceId", "sla",
					"cursor");

		WebSession session = new WebSession(port);
		session.signIn(world.agent, TestDirectory.PASSWORD, null);
		var page = session.get("/tickets?createdFrom=2025-04-30&createdTo=2025-04-01");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"f-created-to-error\"", "结束日期不能早于开始日期", "id=\"tickets-empty\"");
	}

	@Test
	void aCatalogueCategoryTakesInItsSubCategoriesAndCombinesWithTheService() {
		String agent = world.token(world.agent);
		assertThat(ids("categoryId=" + parentCategory, agent)).containsExactly(lastApril, firstApril);
		assertThat(ids("categoryId=" + childCategory, agent)).containsExactly(lastApril);
		assertThat(ids("categoryId=" + parentCategory + "&serviceId=" + hardware, agent)).containsExactly(firstApril);
		assertThat(ids("serviceId=" + world.service, agent)).containsExactly(firstMay, department);

		WebSession session = new WebSession(port);
		session.signIn(world.agent, TestDirectory.PASSWORD, null);
		var page = session.get("/tickets?categoryId=" + childCategory + "&createdFrom=2025-04-01");
		assertThat(page.body()).contains("id=\"ticket-" + lastApril + "\"", "id=\"ticket-export\"",
				"href=\"/tickets/export?createdFrom=2025-04-01&amp;categoryId=" + childCategory + "\"")
			.doesNotContain("id=\"ticket-" + firstApril + "\"");
	}

	@Test
	void exportsTheFilteredListWithChineseHeadersAndAuditsIt() throws Exception {
		String agent = world.token(world.agent);
		long before = exports();
		var response = download("/api/v1/tickets/export?createdFrom=2025-04-01&createdTo=2025-04-30", agent, "zh-CN");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("tickets-");
		List<String> lines = lines(response.body());
		assertThat(lines.getFirst()).startsWith("编号 类型 状态 优先级 标题 受理渠道 客户单位 服务 分类 处理组 处理人");
		assertThat(lines).hasSize(4);
		assertThat(lines.get(1)).startsWith(number(lastApril) + " 事件 新建 P1 打印机 " + marker)
			.contains("2025-04-30 23:50");
		assertThat(lines.get(3)).startsWith(number(firstApril)).contains("2025-04-01 00:30");

		assertThat(exports()).isEqualTo(before + 1);
		String after = jdbc.sql("""
				select after_value::text from audit_record where action = 'TICKET_LIST_EXPORT' order by id desc limit 1""")
			.query(String.class).single();
		assertThat(after).contains("createdFrom=2025-04-01&createdTo=2025-04-30", "\"rows\": 3",
				"PROVIDER " + world.providerParty);

		var english = download("/api/v1/tickets/export?q=" + marker, agent, "en");
		assertThat(lines(english.body()).getFirst()).startsWith("Number Type Status Priority Subject");

		var refused = download("/api/v1/tickets/export?createdFrom=2025-13-01", agent, "zh-CN");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(exports()).isEqualTo(before + 2);
	}

	@Test
	void eachExporterGetsOnlyTheTicketsOfTheirScope() throws Exception {
		String query = "/api/v1/tickets/export?q=" + marker;
		assertThat(numbers(query, world.token(world.departmentUser))).containsExactly(number(department));
		assertThat(numbers(query, world.token(world.bureauUser))).containsExactlyInAnyOrder(number(firstApril),
				number(lastApril), number(firstMay), number(department));
		assertThat(numbers(query, world.token(world.agent))).hasSize(4).doesNotContain(number(elsewhere));
		assertThat(numbers(query, other.token(other.agent))).containsExactly(number(elsewhere));
		assertThat(numbers(query, other.token(other.bureauUser))).containsExactly(number(elsewhere));

		long supervision = world.directory.party("SUPERVISION", "监理单位");
		String supervisor = world.directory.user(world.directory.orgUnit(supervision, null, "监理部"), "SUPERVISOR");
		assertThat(numbers(query, world.token(supervisor))).hasSize(5).contains(number(elsewhere));

		String nobody = world.directory.user(world.providerUnit);
		assertThat(download(query, world.token(nobody), "zh-CN").statusCode()).isEqualTo(403);
	}

	@Test
	void aListLongerThanTheLimitIsRefusedWithTheLimitNamed() throws Exception {
		String agent = world.token(world.agent);
		long before = exports();
		int limit = export.capAt(3);
		try {
			var refused = download("/api/v1/tickets/export?q=" + marker, agent, "zh-CN");
			assertThat(refused.statusCode()).isEqualTo(422);
			assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8))
				.contains("urn:yunwei:problem:export-too-large", "最多导出 3 张工单");
			assertThat(download("/api/v1/tickets/export?categoryId=" + parentCategory, agent, "zh-CN").statusCode())
				.isEqualTo(200);

			WebSession session = new WebSession(port);
			session.signIn(world.agent, TestDirectory.PASSWORD, null);
			var back = session.get("/tickets/export?q=" + marker);
			assertThat(back.status()).isEqualTo(302);
			assertThat(session.follow(back).body()).contains("最多导出 3 张工单");
		}
		finally {
			export.capAt(limit);
		}
		assertThat(exports()).isEqualTo(before + 1);

		WebSession session = new WebSession(port);
		session.signIn(world.agent, TestDirectory.PASSWORD, null);
		var file = session.download("/tickets/export?q=" + marker + "&status=");
		assertThat(file.status()).isEqualTo(200);
		assertThat(lines(file.body())).hasSize(5);
	}

	private List<Long> ids(String filter, String token) {
		var response = api.get("/api/v1/tickets?" + filter + "&q=" + marker, token);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		response.json().get("items").forEach(t -> ids.add(t.get("id").asLong()));
		return ids;
	}

	private List<String> numbers(String path, String token) throws Exception {
		var response = download(path, token, "zh-CN");
		assertThat(response.statusCode()).isEqualTo(200);
		return lines(response.body()).stream().skip(1).map(line -> line.split(" ")[0]).toList();
	}

	private HttpResponse<byte[]> download(String path, String token, String language) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept-Language", language)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static List<String> lines(byte[] xlsx) throws Exception {
		List<String> lines = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					var cell = row.getCell(i);
					cells.add(cell == null ? "" : cell.getStringCellValue());
				}
				lines.add(String.join(" ", cells));
			}
		}
		return lines;
	}

	private String number(long id) {
		return jdbc.sql("select number from ticket where id = ?").param(id).query(String.class).single();
	}

	private long exports() {
		return jdbc.sql("select count(*) from audit_record where action = 'TICKET_LIST_EXPORT'").query(Long.class)
			.single();
	}

	private long submit(String token, long service, String subject, String createdLocal) {
		var body = world.ticket(subject);
		body.put("serviceId", service);
		var response = api.post("/api/v1/tickets", token, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		long id = response.json().get("ticket").get("id").asLong();
		jdbc.sql("update ticket set created_at = ? where id = ?")
			.params(Timestamp.from(OffsetDateTime.parse(createdLocal + ":00+08:00").toInstant()), id)
			.update();
		return id;
	}

	/** A catalogue category as the catalogue keeps them: its path lists the ids from the top. */
	private long category(Long parent) {
		long id = jdbc.sql("insert into catalog_category (parent_id, code, name, path) values (?, ?, ?, '') returning id")
			.params(parent, TestDirectory.unique("C"), TestDirectory.unique("类别"))
			.query(Long.class)
			.single();
		String parentPath = parent == null ? "/"
				: jdbc.sql("select path from catalog_category where id = ?").param(parent).query(String.class).single();
		jdbc.sql("update catalog_category set path = ? where id = ?").params(parentPath + id + "/", id).update();
		return id;
	}

	private long service(long category) {
		long id = jdbc.sql("""
				insert into catalog_service (category_id, code, name, provider_org_unit_id) values (?, ?, ?, ?)
				returning id""")
			.params(category, TestDirectory.unique("S"), TestDirectory.unique("硬件运维"), world.providerUnit)
			.query(Long.class)
			.single();
		jdbc.sql("insert into catalog_service_customer (service_id, org_unit_id) values (?, ?)").params(id, world.bureau)
			.update();
		return id;
	}
}
