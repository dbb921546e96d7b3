package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient.Response;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

import tools.jackson.databind.JsonNode;

/**
 * The Excel import of a session's attendance: the session's own template filled in, a file with a bad row refused
 * whole with each row and column named, the valid rows imported when asked, a preview storing nothing, the person's
 * record showing the hours, score and remarks imported, and files that are no template refused.
 */
class TrainingAttendanceImportIntegrationTests extends IntegrationTestSupport {

	private static final String XLSX = StaffImportController.XLSX;

	private final class World {
		final TestDirectory directory = new TestDirectory(jdbc);
		final long provider = directory.party("PROVIDER", TestDirectory.unique("出勤导入运维公司"));
		final long unit = directory.orgUnit(provider, null, "运维部");
		final String keeperName = directory.user(unit, "SERVICE_DESK_MANAGER");
		final String keeper = Accounts.tokenFor(api(), keeperName, TestDirectory.PASSWORD, null);
		final String first = directory.user(unit, "SERVICE_DESK_AGENT");
		final String second = directory.user(unit, "SERVICE_DESK_AGENT");
		final String unrecorded = directory.user(unit, "SERVICE_DESK_AGENT");
		final long firstStaff = staff(first);
		final long secondStaff = staff(second);
		final long plan = api().post("/api/v1/trainings", keeper, map("year", 2026, "title", "年度保密培训")).json()
			.get("id").asLong();
		final long course = api().post("/api/v1/trainings/" + plan + "/courses", keeper, map("title", "保密法律法规",
				"category", "CONFIDENTIALITY_LAW", "hours", 4)).json().get("courses").get(0).get("id").asLong();
		final long session = session();
		final String base = "/api/v1/trainings/" + plan + "/sessions/" + session;

		World() {
			api().put(base + "/exam", keeper, map("title", "保密知识考核", "maxScore", 100, "passScore", 60));
		}

		long staff(String username) {
			Response created = api().post("/api/v1/staff", keeper, map("userId", directory.userId(username)));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			return created.json().get("id").asLong();
		}

		long session() {
			return api().post("/api/v1/trainings/" + plan + "/sessions", keeper, map("courseId", course, "heldOn",
					"2026-11-20")).json().get("id").asLong();
		}

		long attendances() {
			return jdbc.sql("select count(*) from training_attendance where session_id = ?").param(session)
				.query(Long.class).single();
		}

		Response upload(byte[] file, String query) {
			return api().postFile(base + "/attendance-import" + query, keeper, "出勤.xlsx", XLSX, file);
		}

		/** The session's template as a keeper downloads it, with these rows filled in from the third. */
		byte[] filled(List<List<String>> rows) throws Exception {
			WebSession page = new WebSession(port);
			page.signIn(keeperName, TestDirectory.PASSWORD, null);
			WebSession.Download template = page.download("/trainings/" + plan + "/sessions/" + session
					+ "/attendance-import/template");
			assertThat(template.status()).isEqualTo(200);
			try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()));
					ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				Sheet sheet = workbook.getSheetAt(0);
				for (int r = 0; r < rows.size(); r++) {
					Row row = sheet.createRow(r + 2);
					for (int c = 0; c < rows.get(r).size(); c++) {
						String value = rows.get(r).get(c);
						if (value != null && c > 0 && value.matches("\\d+(\\.\\d+)?")) {
							row.createCell(c).setCellValue(Double.parseDouble(value)); // as Excel stores numbers
						}
						else if (value != null) {
							row.createCell(c).setCellValue(value);
						}
					}
				}
				workbook.write(out);
				return out.toByteArray();
			}
		}
	}

	@Test
	void aFileWithAnyBadRowImportsNothingAndNamesEachRowAndColumn() throws Exception {
		World world = new World();
		byte[] file = world.filled(List.of(Arrays.asList(world.first, "3.5", "88", "迟到 10 分钟"),
				Arrays.asList(world.unrecorded, null, "70", null),
				Arrays.asList(world.first, null, null, null),
				Arrays.asList(world.second, "2.25", "101", null),
				Arrays.asList(null, "abc", null, "无人")));

		Response refused = world.upload(file, "");

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		JsonNode report = refused.json();
		assertThat(report.get("rows").asInt()).isEqualTo(5);
		assertThat(report.get("validRows").asInt()).isEqualTo(1);
		assertThat(report.get("refusedRows").asInt()).isEqualTo(4);
		assertThat(report.get("imported").asInt()).isZero();
		String refusals = report.get("refusals").toString();
		assertThat(refusals).contains("\"sheet\":\"培训出勤\"", "\"row\":4", "\"column\":\"登录名\"",
				"找不到此登录名的人员档案", "\"row\":5", "此人在文件中已出现过", "\"row\":6", "\"column\":\"实际学时\"",
				"\"column\":\"考核成绩\"", "成绩应在 0 到满分之间", "\"row\":7", "请输入数字");
		assertThat(world.attendances()).isZero();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'TRAINING_ATTENDANCE_IMPORTED' "
				+ "and object_id = ?").param(String.valueOf(world.plan)).query(Long.class).single()).isZero();
	}

	@Test
	void aPreviewStoresNothingThenTheImportRecordsEveryRowAuditedAndThePersonsRecordShowsIt() throws Exception {
		World world = new World();
		api().put(world.base + "/attendance", world.keeper, map("staffIds", List.of(world.secondStaff)));
		byte[] file = world.filled(List.of(Arrays.asList(world.first, "3.5", "88", "迟到 10 分钟"),
				Arrays.asList(world.second.toUpperCase(), null, "59.5", null)));

		Response preview = world.upload(file, "?dryRun=true");
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(preview.json().get("imported").asInt()).isZero();
		assertThat(preview.json().get("lines").toString()).contains("\"passed\":true", "\"passed\":false");
		assertThat(world.attendances()).isOne();

		Response imported = world.upload(file, "");
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
		assertThat(world.attendances()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'TRAINING_ATTENDANCE_IMPORTED' "
				+ "and object_id = ?").param(String.valueOf(world.plan)).query(Long.class).single()).isOne();

		JsonNode record = api().get("/api/v1/staff/" + world.firstStaff + "/trainings", world.keeper).json();
		assertThat(record).hasSize(1);
		assertThat(record.get(0).get("hours").decimalValue()).isEqualByComparingTo("3.5");
		assertThat(record.get(0).get("score").decimalValue()).isEqualByComparingTo("88");
		assertThat(record.get(0).get("passed").asBoolean()).isTrue();
		assertThat(record.get(0).get("remarks").asString()).isEqualTo("迟到 10 分钟");
		JsonNode second = api().get("/api/v1/staff/" + world.secondStaff + "/trainings", world.keeper).json();
		// no hours in the file: the course's hours; the score below the pass score fails
		assertThat(second.get(0).get("hours").decimalValue()).isEqualByComparingTo("4");
		assertThat(second.get(0).get("passed").asBoolean()).isFalse();
		JsonNode attendees = api().get("/api/v1/trainings/" + world.plan, world.keeper).json().get("courses").get(0)
			.get("sessions").get(0).get("attendees");
		assertThat(attendees.toString()).contains("迟到 10 分钟");
	}

	@Test
	void theValidRowsAreImportedWhenAskedAndTheRefusedOnesListed() throws Exception {
		World world = new World();
		byte[] file = world.filled(List.of(Arrays.asList(world.first, "2", "95", null),
				Arrays.asList("nobody-" + TestDirectory.unique(""), null, null, null)));

		Response partly = world.upload(file, "?validRowsOnly=true");

		assertThat(partly.status()).as(partly.body()).isEqualTo(200);
		assertThat(partly.json().get("imported").asInt()).isOne();
		assertThat(partly.json().get("refusedRows").asInt()).isOne();
		assertThat(partly.json().get("refusals").toString()).contains("\"row\":4");
		assertThat(world.attendances()).isOne();
	}

	@Test
	void refusesWhatIsNoTemplateOfThisSessionAScoreWithoutAnExamAndThoseWhoDoNotKeepRecords() throws Exception {
		World world = new World();
		assertThat(world.upload("not a workbook".getBytes(), "").status()).isEqualTo(415);
		assertThat(world.upload(StaffWorkbooks.of(List.of(), List.of()), "").status()).isEqualTo(400);
		byte[] file = world.filled(List.of(Arrays.asList(world.first, null, "80", null)));
		long other = world.session();
		Response otherSession = api().postFile("/api/v1/trainings/" + world.plan + "/sessions/" + other
				+ "/attendance-import", world.keeper, "出勤.xlsx", XLSX, file);
		assertThat(otherSession.status()).isEqualTo(400);
		assertThat(otherSession.body()).contains("另一场次");

		// a session without an exam takes no score
		World plain = new World();
		long session = plain.session();
		WebSession page = new WebSession(port);
		page.signIn(plain.keeperName, TestDirectory.PASSWORD, null);
		byte[] template = page.download("/trainings/" + plain.plan + "/sessions/" + session
				+ "/attendance-import/template").body();
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			DataFormatter format = new DataFormatter();
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("培训出勤");
			assertThat(workbook.getSheetAt(0).getRow(0).getZeroHeight()).isTrue();
			assertThat(format.formatCellValue(workbook.getSheetAt(0).getRow(1).getCell(0))).isEqualTo("登录名 *");
			StringBuilder choices = new StringBuilder();
			workbook.getSheetAt(1).forEach(r -> r.forEach(c -> choices.append(format.formatCellValue(c)).append('|')));
			assertThat(choices.toString()).contains(plain.first, plain.second).doesNotContain(plain.unrecorded);
			Row row = workbook.getSheetAt(0).createRow(2);
			row.createCell(0).setCellValue(plain.first);
			row.createCell(2).setCellValue(80);
			workbook.write(out);
			Response scored = api().postFile("/api/v1/trainings/" + plain.plan + "/sessions/" + session
					+ "/attendance-import", plain.keeper, "出勤.xlsx", XLSX, out.toByteArray());
			assertThat(scored.status()).isEqualTo(422);
			assertThat(scored.body()).contains("本场次没有考核");
		}

		String reader = Accounts.tokenFor(api(), world.directory.user(world.unit, "SERVICE_DESK_AGENT"),
				TestDirectory.PASSWORD, null);
		assertThat(api().postFile(world.base + "/attendance-import", reader, "出勤.xlsx", XLSX, file).status())
			.isEqualTo(403);
		assertThat(world.attendances()).isZero();
	}
}
