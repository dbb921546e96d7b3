package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient.Response;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

import tools.jackson.databind.JsonNode;

class StaffImportIntegrationTests extends IntegrationTestSupport {

	private static final String XLSX = StaffImportController.XLSX;

	private final class World {
		final TestDirectory directory = new TestDirectory(jdbc);
		final long provider = directory.party("PROVIDER", TestDirectory.unique("导入运维公司"));
		final long unit = directory.orgUnit(provider, null, "运维部");
		final String keeper = directory.user(unit, "SERVICE_DESK_MANAGER");
		final String first = directory.user(unit, "SERVICE_DESK_AGENT");
		final String second = directory.user(unit, "SERVICE_DESK_AGENT");
		final String supervisor = directory.user(directory.orgUnit(directory.party("SUPERVISION",
				TestDirectory.unique("监理公司")), null, "监理组"), "SUPERVISOR");
		final long post = jdbc.sql("insert into post (org_unit_id, name, responsibilities) values (?, '网络运维岗', '') "
				+ "returning id").param(unit).query(Long.class).single();

		String token(String user) {
			return Accounts.tokenFor(api(), user, TestDirectory.PASSWORD, null);
		}

		long records() {
			return jdbc.sql("select count(*) from staff_member where party_id = ?").param(provider).query(Long.class)
				.single();
		}

		long certificates() {
			return jdbc.sql("select count(*) from staff_certificate c join staff_member s on s.id = c.staff_id "
					+ "where s.party_id = ?").param(provider).query(Long.class).single();
		}
	}

	private static List<String> staffRow(String username, String post, String joined, String clearance, String phone,
			String idNumber) {
		return Arrays.asList(username, post, joined, "网络运维、数据库运维", "麒麟操作系统，达梦数据库", clearance, null, phone,
				idNumber);
	}

	@Test
	void aFileWithAnyBadRowImportsNothingAndNamesEachRowAndColumn() {
		World world = new World();
		String keeper = world.token(world.keeper);
		byte[] file = StaffWorkbooks.of(List.of(
				staffRow(world.first, "网络运维岗", "2026-03-01", "核心机房", "13912345678", "11010519491231002X"),
				staffRow(world.second, "不存在的岗位", "2026/13/40", "无", null, "110105194912310021"),
				staffRow("nobody-" + TestDirectory.unique(""), null, null, null, null, null)),
				List.of(Arrays.asList(world.first, "信息系统运行维护工程师", "工信部", "IT-001", "2026-05-01", "2025-05-01")));
		Response refused = api().postFile("/api/v1/staff/import", keeper, "人员.xlsx", XLSX, file);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		JsonNode report = refused.json();
		assertThat(report.get("imported").asBoolean()).isFalse();
		assertThat(report.get("rows").asInt()).isEqualTo(3);
		assertThat(report.get("refusedRows").asInt()).isEqualTo(3);
		String refusals = report.get("refusals").toString();
		assertThat(refusals).contains("\"row\":4", "\"column\":\"岗位\"", "此人所在服务方没有此岗位",
				"\"column\":\"入职日期\"", "请按 2026-01-31 的格式填写日期", "\"column\":\"身份证号\"",
				"\"row\":5", "\"column\":\"登录名\"", "找不到此登录名的服务方人员", "\"sheet\":\"资质证书\"",
				"\"column\":\"有效期至\"");
		// the good first row was not kept either, nor its audit
		assertThat(world.records()).isZero();
		assertThat(world.certificates()).isZero();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'STAFF_RECORDED' and detail like ?")
			.param("%" + world.first + "%").query(Long.class).single()).isZero();
	}

	@Test
	void aPreviewStoresNothingAndTheImportRecordsEveryRowWithItsCertificatesSealedAndAudited() {
		World world = new World();
		String keeper = world.token(world.keeper);
		byte[] file = StaffWorkbooks.of(List.of(
				staffRow(world.first, "网络运维岗", "2026-03-01", "核心机房", "13912345678", "11010519491231002x"),
				staffRow(world.second, null, "2026-04-15", null, null, null)),
				List.of(Arrays.asList(world.first, "信息系统运行维护工程师", "工信部", "IT-001", "2026-05-01", "2029-05-01"),
						Arrays.asList(world.second, "麒麟操作系统认证工程师", "麒麟软件", null, null, null)));

		Response preview = api().postFile("/api/v1/staff/import?dryRun=true", keeper, "人员.xlsx", XLSX, file);
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(preview.json().get("imported").asBoolean()).isFalse();
		assertThat(preview.json().get("lines")).hasSize(2);
		assertThat(preview.json().get("lines").get(0).get("post").asString()).startsWith("运维部").endsWith("/网络运维岗");
		assertThat(preview.json().get("lines").get(0).get("certificates").asInt()).isEqualTo(1);
		assertThat(world.records()).isZero();

		Response imported = api().postFile("/api/v1/staff/import", keeper, "人员.xlsx", XLSX, file);
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("imported").asBoolean()).isTrue();
		assertThat(world.records()).isEqualTo(2);
		assertThat(world.certificates()).isEqualTo(2);
		long firstId = jdbc.sql("select id from staff_member where user_id = ?")
			.param(world.directory.userId(world.first)).query(Long.class).single();
		JsonNode record = api().get("/api/v1/staff/" + firstId, keeper).json();
		assertThat(record.get("postId").asLong()).isEqualTo(world.post);
		assertThat(record.get("clearance").asString()).isEqualTo("MACHINE_ROOM");
		assertThat(record.get("idNumber").asString()).isEqualTo("11010519491231002X");
		assertThat(record.get("skills").toString()).contains("网络运维", "数据库运维");
		assertThat(StaffRowText.of(jdbc, firstId)).doesNotContain("13912345678", "11010519491231002X");
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'STAFF_IMPORTED' and detail = ?")
			.param(world.keeper).query(Long.class).single()).isEqualTo(1);

		// the same file again: both people have records now, so nothing more is stored
		Response again = api().postFile("/api/v1/staff/import", keeper, "人员.xlsx", XLSX, file);
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.json().get("refusals").toString()).contains("\"row\":3", "此人已有人员档案");
		assertThat(world.records()).isEqualTo(2);
		assertThat(world.certificates()).isEqualTo(2);
	}

	@Test
	void refusesWhatIsNoWorkbookOrNoTemplateAndThoseWhoDoNotKeepRecords() {
		World world = new World();
		String keeper = world.token(world.keeper);
		Response text = api().postFile("/api/v1/staff/import", keeper, "人员.xlsx", XLSX,
				"登录名,岗位".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.body()).contains("file");
		Response empty = api().postFile("/api/v1/staff/import", keeper, "人员.xlsx", XLSX, new byte[0]);
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("file");
		assertThat(api().postFile("/api/v1/staff/import", world.token(world.supervisor), "人员.xlsx", XLSX,
				StaffWorkbooks.of(List.of(), List.of())).status()).isEqualTo(403);
		assertThat(world.records()).isZero();
	}

	@Test
	void theTemplateHasBothSheetsAndThePeopleAndPostsTheKeeperMayName() throws Exception {
		World world = new World();
		WebSession page = new WebSession(port);
		page.signIn(world.keeper, TestDirectory.PASSWORD, null);
		WebSession.Download template = page.download("/staff/import/template");
		assertThat(template.status()).isEqualTo(200);
		assertThat(template.contentType()).startsWith(XLSX);
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
			DataFormatter format = new DataFormatter();
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("人员档案");
			assertThat(workbook.getSheetAt(1).getSheetName()).isEqualTo("资质证书");
			assertThat(format.formatCellValue(workbook.getSheetAt(0).getRow(1).getCell(0))).isEqualTo("登录名 *");
			assertThat(workbook.getSheetAt(0).getRow(0).getZeroHeight()).isTrue();
			StringBuilder choices = new StringBuilder();
			workbook.getSheetAt(2).forEach(r -> r.forEach(c -> choices.append(format.formatCellValue(c)).append('|')));
			assertThat(choices.toString()).contains(world.first, "/网络运维岗");
		}
		assertThat(page.get("/staff/import").body()).contains("import-template", "import-preview");
	}
}
