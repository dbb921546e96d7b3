package org.yunwei.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.audit.Outcome;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;

class AuditApiIntegrationTests extends IntegrationTestSupport {

	@Autowired
	AuditTrail trail;

	private AuditPeople people;

	@BeforeEach
	void people() {
		people = new AuditPeople(jdbc, api());
	}

	@Test
	void auditAdministratorAndSupervisionReadRecordsOthersAreDenied() {
		String objectType = TestDirectory.unique("perm");
		trail.record(AuditEntry.of("TEST_READ", objectType, 1));

		for (String token : List.of(people.auditAdmin(), people.supervisor())) {
			var response = api().get("/api/v1/audit/records?objectType=" + objectType, token);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().get("items")).hasSize(1);
		}
		String systemAdmin = people.systemAdmin();
		assertThat(api().get("/api/v1/audit/records", systemAdmin).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/audit/verify", systemAdmin).status()).isEqualTo(200);
		String customer = people.customer();
		assertThat(api().get("/api/v1/audit/verify", customer).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/audit/records", customer).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/audit/verify", null).status()).isEqualTo(401);
	}

	@Test
	void accessDenialsAreRecorded() {
		String customer = people.customer();
		assertThat(api().get("/api/v1/audit/records?action=ACCESS_DENIED", customer).status()).isEqualTo(403);
		var denials = api().get("/api/v1/audit/records?action=ACCESS_DENIED&outcome=DENIED&limit=5",
				people.auditAdmin());
		assertThat(denials.json().get("items").get(0).get("detail").asString())
			.isEqualTo("GET /api/v1/audit/records");
	}

	@Test
	void verifyReportsAnIntactChainWithItsAlgorithm() {
		var response = api().get("/api/v1/audit/verify", people.auditAdmin());
		assertThat(response.status()).isEqualTo(200);
		JsonNode result = response.json();
		assertThat(result.get("intact").asBoolean()).isTrue();
		assertThat(result.get("algorithm").asString()).isEqualTo("SHA-256");
		assertThat(result.get("checked").asLong()).isPositive();
	}

	@Test
	void filtersAndPagesByKeysetNewestFirst() {
		String objectType = TestDirectory.unique("page");
		for (int i = 1; i <= 5; i++) {
			trail.record(AuditEntry.of("TEST_PAGE", objectType, i).outcome(i == 3 ? Outcome.FAILURE : Outcome.SUCCESS)
				.before(java.util.Map.of("n", i - 1)).after(java.util.Map.of("n", i)));
		}
		String token = people.auditAdmin();
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			var page = api().get("/api/v1/audit/records?objectType=" + objectType + "&limit=2"
					+ (cursor == null ? "" : "&cursor=" + cursor), token).json();
			page.get("items").forEach(item -> seen.add(item.get("objectId").asString()));
			cursor = page.get("next").isNull() ? null : page.get("next").asString();
			pages++;
		}
		while (cursor != null);
		assertThat(seen).containsExactly("5", "4", "3", "2", "1");
		assertThat(pages).isEqualTo(3);

		var failures = api().get("/api/v1/audit/records?objectType=" + objectType + "&outcome=failure", token).json();
		assertThat(failures.get("items")).hasSize(1);
		JsonNode failure = failures.get("items").get(0);
		assertThat(failure.get("objectId").asString()).isEqualTo("3");
		assertThat(failure.get("after").get("n").asInt()).isEqualTo(3);

		var one = api().get("/api/v1/audit/records/" + failure.get("id").asLong(), token);
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json().get("before").get("n").asInt()).isEqualTo(2);

		assertThat(api().get("/api/v1/audit/records?objectType=" + objectType + "&from=2000-01-01&to=2000-01-02",
				token).json().get("items")).isEmpty();
		assertThat(api().get("/api/v1/audit/records?objectType=" + objectType + "&from=2000-01-01T00:00:00Z",
				token).json().get("items")).hasSize(5);
		assertThat(api().get("/api/v1/audit/records?objectId=3&objectType=" + objectType + "&actor=anonymous",
				token).json().get("items")).hasSize(1);
	}

	@Test
	void badInputGetsAProblemDetailNotAnError() {
		String token = people.auditAdmin();
		for (String query : List.of("from=yesterday", "to=2026-13-45", "limit=0", "limit=201", "limit=x",
				"cursor=%21%21", "cursor=djE6LTU", "outcome=MAYBE", "from=2026-02-01&to=2026-01-01")) {
			var response = api().get("/api/v1/audit/records?" + query, token);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("errors")).as(query).isNotNull();
		}
		assertThat(api().get("/api/v1/audit/records/999999999999", token).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/audit/records/abc", token).status()).isEqualTo(400);
	}

	@Test
	void purgeRefusesYoungCutoffsAndBelongsToTheAuditAdministrator() {
		String admin = people.auditAdmin();
		long before = jdbc.sql("select count(*) from audit_record").query(Long.class).single();

		var young = api().post("/api/v1/audit/purge", admin, map("before", java.time.LocalDate.now().minusDays(30)
			.toString()));
		assertThat(young.status()).isEqualTo(422);
		assertThat(young.json().get("type").asString()).isEqualTo("urn:yunwei:problem:audit-retention");
		assertThat(jdbc.sql("select count(*) from audit_record where id <= (select max(id) from audit_record)")
			.query(Long.class).single()).isGreaterThanOrEqualTo(before);

		assertThat(api().post("/api/v1/audit/purge", admin, map("before", "soon")).status()).isEqualTo(400);
		assertThat(api().post("/api/v1/audit/purge", people.supervisor(), map("before", "2000-01-01")).status())
			.isEqualTo(403);
		var old = api().post("/api/v1/audit/purge", admin, map("before", "2000-01-01"));
		assertThat(old.status()).isEqualTo(200);
		assertThat(old.json().get("removed").asLong()).isZero();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'AUDIT_PURGE'").query(Long.class)
			.single()).isPositive();
		assertThat(api().get("/api/v1/audit/verify", admin).json().get("intact").asBoolean()).isTrue();
	}

	@Test
	void exportsAReadableWorkbookAndRecordsTheExport() throws Exception {
		String objectType = TestDirectory.unique("xlsx");
		trail.record(AuditEntry.of("TEST_EXPORT", objectType, 7).detail("导出测试"));
		String token = people.supervisor();

		HttpResponse<byte[]> response = download("/api/v1/audit/export?objectType=" + objectType, token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("时间");
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("TEST_EXPORT");
			assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("导出测试");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
		}
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'AUDIT_EXPORT' and after_value->>'objectType' = ?")
			.param(objectType).query(Long.class).single()).isEqualTo(1);
		assertThat(download("/api/v1/audit/export", people.systemAdmin()).statusCode()).isEqualTo(403);
	}

	private HttpResponse<byte[]> download(String path, String token) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}
