package org.yunwei.cmdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Excel import through the API: the class's template, a workbook with three bad rows reported by row, column and
 * reason with nothing imported, the valid rows imported when asked for, and a file that is not a workbook refused by
 * its bytes whatever its name; a large import in the background with its progress and report.
 */
class ItemImportIntegrationTests extends IntegrationTestSupport {

	private static final int ROWS = 60;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CmdbFixtures world;

	@BeforeEach
	void world() {
		world = new CmdbFixtures(jdbc, api());
	}

	@Test
	void badRowsAreReportedAndNothingIsImportedUnlessTheValidRowsAreAskedFor() throws Exception {
		long classId = world.classId("PHYSICAL_SERVER");
		String token = world.token(world.lead);
		byte[] filled = workbook(classId, token, TestDirectory.unique("IMP"), ROWS, 99);
		long before = count();

		var refused = upload("/api/v1/cis/import", classId, filled, false, token, "servers.xlsx");
		assertThat(refused.statusCode()).as(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo(422);
		JsonNode report = JSON.readTree(refused.body());
		assertThat(report.get("rows").asInt()).isEqualTo(ROWS);
		assertThat(report.get("invalidRows").asInt()).isEqualTo(3);
		assertThat(report.get("imported").asInt()).isZero();
		List<String> refusals = new ArrayList<>();
		report.get("refusals").forEach(r -> refusals.add(r.get("row").asInt() + " " + r.get("column").asString()
				+ " " + r.get("reason").asString()));
		assertThat(refusals).containsExactlyInAnyOrder("13 CPU厂商 取值无效", "25 名称 此项必填",
				"34 带外管理IP 与文件中前面的行重复");
		assertThat(count()).isEqualTo(before);

		var partial = upload("/api/v1/cis/import", classId, filled, true, token, "servers.xlsx");
		assertThat(partial.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(partial.body()).get("imported").asInt()).isEqualTo(ROWS - 3);
		assertThat(count()).isEqualTo(before + ROWS - 3);

		// the stored items now hold these asset tags: the same rows again are refused, row by row
		var again = upload("/api/v1/cis/import", classId, filled, false, token, "servers.xlsx");
		assertThat(JSON.readTree(again.body()).get("refusals").toString()).contains("资产编号");
		assertThat(count()).isEqualTo(before + ROWS - 3);

		var notAWorkbook = upload("/api/v1/cis/import", classId,
				"name,ip\n服务器,10.0.0.1\n".getBytes(StandardCharsets.UTF_8), true, token, "servers.xlsx");
		assertThat(notAWorkbook.statusCode()).isEqualTo(415);
		assertThat(count()).isEqualTo(before + ROWS - 3);
		assertThat(upload("/api/v1/cis/import", classId, filled, true, world.token(world.agent), "servers.xlsx")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void aLargeImportRunsInTheBackgroundAndTellsItsProgressAndReport() throws Exception {
		long classId = world.classId("PHYSICAL_SERVER");
		String token = world.token(world.lead);
		int rows = 600;
		String tag = TestDirectory.unique("BG");
		byte[] filled = workbook(classId, token, tag, rows, 98);
		long before = count();
		assertThat(upload("/api/v1/cis/imports", classId, "不是工作簿".getBytes(StandardCharsets.UTF_8), true, token,
				"servers.xlsx").statusCode()).isEqualTo(415);

		var started = upload("/api/v1/cis/imports", classId, filled, true, token, "servers.xlsx");
		assertThat(started.statusCode()).as(new String(started.body(), StandardCharsets.UTF_8)).isEqualTo(202);
		long job = JSON.readTree(started.body()).get("id").asLong();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2))
			.until(() -> !"RUNNING".equals(job(job, token).get("state").asString()));
		JsonNode done = job(job, token);
		assertThat(done.get("state").asString()).isEqualTo("DONE");
		assertThat(done.get("rowsChecked").asInt()).isEqualTo(rows);
		assertThat(done.get("report").get("invalidRows").asInt()).isEqualTo(3);
		assertThat(done.get("report").get("imported").asInt()).isEqualTo(rows - 3);
		assertThat(count()).isEqualTo(before + rows - 3);
		// each item has its history's first entry, and the import is on the audit trail under the person's name
		assertThat(jdbc.sql("""
				select count(*) from ci_change c join configuration_item i on i.id = c.item_id
				where c.kind = 'CREATED' and i.name like ?""").param(tag + "-%").query(Long.class).single())
			.isEqualTo(rows - 3);
		assertThat(jdbc.sql("""
				select count(*) from audit_record where action = 'CI_IMPORTED' and object_id = ? and actor = ?""")
			.params(String.valueOf(classId), world.lead).query(Long.class).single()).isPositive();
		// nobody else follows the person's import
		assertThat(send("GET", "/api/v1/cis/imports/" + job, world.token(world.otherLead), null, null).statusCode())
			.isEqualTo(404);
	}

	private JsonNode job(long job, String token) throws Exception {
		return JSON.readTree(send("GET", "/api/v1/cis/imports/" + job, token, null, null).body());
	}

	/**
	 * The class's template filled with {@code rows} servers, three of them refused: row 13 (a CPU vendor that is no
	 * choice), row 25 (no name) and row 34 (the BMC address of row 33 again).
	 */
	private byte[] workbook(long classId, String token, String tag, int rows, int network) throws Exception {
		byte[] template = send("GET", "/api/v1/ci-classes/" + classId + "/import-template", token, null, null).body();
		String unitCode = jdbc.sql("select code from org_unit where id = ?").param(world.bureau).query(String.class)
			.single();
		int subnet = java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 250);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> columns = new ArrayList<>();
			sheet.getRow(0).forEach(cell -> columns.add(cell.getStringCellValue()));
			assertThat(columns).contains("name", "customerUnit", "attributes.cpu_vendor", "attributes.bmc_ip");
			assertThat(sheet.getRow(1).getCell(columns.indexOf("attributes.cpu_vendor")).getStringCellValue())
				.contains("CPU厂商", "KUNPENG");
			for (int i = 0; i < rows; i++) {
				Row row = sheet.createRow(i + 2);
				row.createCell(columns.indexOf("name")).setCellValue(tag + "-" + i);
				row.createCell(columns.indexOf("customerUnit")).setCellValue(unitCode);
				row.createCell(columns.indexOf("assetTag")).setCellValue(tag + "-A" + i);
				row.createCell(columns.indexOf("attributes.cpu_vendor")).setCellValue(i == 10 ? "酷睿" : "HYGON");
				row.createCell(columns.indexOf("attributes.memory_gb")).setCellValue(256);
				int n = i == 31 ? 30 : i;
				row.createCell(columns.indexOf("attributes.bmc_ip"))
					.setCellValue(network + "." + subnet + "." + (n / 200) + "." + (n % 200 + 1));
			}
			sheet.getRow(22 + 2).getCell(columns.indexOf("name")).setBlank();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private long count() {
		return jdbc.sql("select count(*) from configuration_item").query(Long.class).single();
	}

	private HttpResponse<byte[]> upload(String path, long classId, byte[] file, boolean validRowsOnly, String token,
			String filename) throws Exception {
		String boundary = "cmdbImport" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send("POST", path + "?classId=" + classId + "&validRowsOnly=" + validRowsOnly, token,
				body.toByteArray(), "multipart/form-data; boundary=" + boundary);
	}

	private HttpResponse<byte[]> send(String method, String path, String token, byte[] body, String contentType)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token).header("Accept", "application/json");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(body));
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}
