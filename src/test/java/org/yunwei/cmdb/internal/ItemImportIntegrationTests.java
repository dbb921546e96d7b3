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
 * its bytes whatever its name.
 */
class ItemImportIntegrationTests extends IntegrationTestSupport {

	private static final int ROWS = 60;

	private CmdbFixtures world;

	@BeforeEach
	void world() {
		world = new CmdbFixtures(jdbc, api());
	}

	@Test
	void badRowsAreReportedAndNothingIsImportedUnlessTheValidRowsAreAskedFor() throws Exception {
		long classId = world.classId("PHYSICAL_SERVER");
		String token = world.token(world.lead);
		byte[] template = send("GET", "/api/v1/ci-classes/" + classId + "/import-template", token, null, null).body();
		String tag = TestDirectory.unique("IMP");
		String unitCode = jdbc.sql("select code from org_unit where id = ?").param(world.bureau).query(String.class)
			.single();
		byte[] filled;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> columns = new ArrayList<>();
			sheet.getRow(0).forEach(cell -> columns.add(cell.getStringCellValue()));
			assertThat(columns).contains("name", "customerUnit", "attributes.cpu_vendor", "attributes.bmc_ip");
			assertThat(sheet.getRow(1).getCell(columns.indexOf("attributes.cpu_vendor")).getStringCellValue())
				.contains("CPU厂商", "KUNPENG");
			for (int i = 0; i < ROWS; i++) {
				Row row = sheet.createRow(i + 2);
				row.createCell(columns.indexOf("name")).setCellValue(tag + "-" + i);
				row.createCell(columns.indexOf("customerUnit")).setCellValue(unitCode);
				row.createCell(columns.indexOf("assetTag")).setCellValue(tag + "-A" + i);
				row.createCell(columns.indexOf("attributes.cpu_vendor")).setCellValue(i == 10 ? "酷睿" : "HYGON");
				row.createCell(columns.indexOf("attributes.memory_gb")).setCellValue(256);
				row.createCell(columns.indexOf("attributes.bmc_ip"))
					.setCellValue(i == 31 ? "10.99.0.1" : "10.99." + (i / 200) + "." + (i % 200 + 1));
			}
			sheet.getRow(22 + 2).getCell(columns.indexOf("name")).setBlank();
			workbook.write(out);
			filled = out.toByteArray();
		}
		long before = count();

		var refused = upload(classId, filled, false, token, "servers.xlsx");
		assertThat(refused.statusCode()).as(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo(422);
		JsonNode report = JsonMapper.builder().build().readTree(refused.body());
		assertThat(report.get("rows").asInt()).isEqualTo(ROWS);
		assertThat(report.get("invalidRows").asInt()).isEqualTo(3);
		assertThat(report.get("imported").asInt()).isZero();
		List<String> refusals = new ArrayList<>();
		report.get("refusals").forEach(r -> refusals.add(r.get("row").asInt() + " " + r.get("column").asString()
				+ " " + r.get("reason").asString()));
		assertThat(refusals).containsExactlyInAnyOrder("13 CPU厂商 取值无效", "25 名称 此项必填",
				"34 带外管理IP 与文件中前面的行重复");
		assertThat(count()).isEqualTo(before);

		var partial = upload(classId, filled, true, token, "servers.xlsx");
		assertThat(partial.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.builder().build().readTree(partial.body()).get("imported").asInt()).isEqualTo(ROWS - 3);
		assertThat(count()).isEqualTo(before + ROWS - 3);

		var notAWorkbook = upload(classId, "name,ip\n服务器,10.0.0.1\n".getBytes(StandardCharsets.UTF_8), true, token,
				"servers.xlsx");
		assertThat(notAWorkbook.statusCode()).isEqualTo(415);
		assertThat(count()).isEqualTo(before + ROWS - 3);
		assertThat(upload(classId, filled, true, world.token(world.agent), "servers.xlsx").statusCode())
			.isEqualTo(403);
	}

	private long count() {
		return jdbc.sql("select count(*) from configuration_item").query(Long.class).single();
	}

	private HttpResponse<byte[]> upload(long classId, byte[] file, boolean validRowsOnly, String token,
			String filename) throws Exception {
		String boundary = "cmdbImport" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(file);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send("POST", "/api/v1/cis/import?classId=" + classId + "&validRowsOnly=" + validRowsOnly, token,
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
