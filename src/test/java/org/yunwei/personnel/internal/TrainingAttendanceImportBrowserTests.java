package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.yunwei.support.Accounts;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * A keeper imports a session's attendance from Excel in the browser: a file with a bad row is refused whole with the
 * row and column named; asked for the valid rows only, the preview offers them and the import records them; the
 * plan's page and the person's record then show the hours, score and remarks imported.
 */
class TrainingAttendanceImportBrowserTests extends BrowserTestSupport {

	@TempDir
	Path files;

	@Test
	void aBadRowIsNamedThenTheValidRowsAreImportedAndThePersonsRecordShowsThem() throws Exception {
		TestDirectory directory = new TestDirectory(jdbc);
		long unit = directory.orgUnit(directory.party("PROVIDER", TestDirectory.unique("出勤浏览器运维")), null, "运维部");
		String keeper = directory.user(unit, "SERVICE_DESK_MANAGER");
		String engineer = directory.user(unit, "SERVICE_DESK_AGENT");
		jdbc.sql("update app_user set display_name = '李娜' where username = ?").param(engineer).update();
		String token = Accounts.tokenFor(api(), keeper, TestDirectory.PASSWORD, null);
		long staffId = api().post("/api/v1/staff", token, Map.of("userId", directory.userId(engineer))).json()
			.get("id").asLong();
		long plan = api().post("/api/v1/trainings", token, Map.of("year", 2026, "title", "国产化运维培训")).json()
			.get("id").asLong();
		long course = api().post("/api/v1/trainings/" + plan + "/courses", token, Map.of("title", "麒麟系统运维",
				"category", "DOMESTIC_EQUIPMENT", "hours", 8)).json().get("courses").get(0).get("id").asLong();
		long session = api().post("/api/v1/trainings/" + plan + "/sessions", token, Map.of("courseId", course,
				"heldOn", "2026-11-20")).json().get("id").asLong();
		api().put("/api/v1/trainings/" + plan + "/sessions/" + session + "/exam", token,
				Map.of("title", "麒麟上机考核", "maxScore", 100, "passScore", 60));
		Path file = files.resolve("attendance.xlsx");
		Files.write(file, workbook(List.of(List.of(engineer, "6", "92", "提前离场 2 小时"),
				List.of("nobody-" + TestDirectory.unique(""), "", "", ""))));

		signIn(keeper, TestDirectory.PASSWORD, null);
		open("/trainings/" + plan);
		clickAndWaitForTheNextPage("#attendance-import-" + session);
		assertThat(find("#attendance-import-session").getText()).contains("国产化运维培训", "麒麟系统运维", "2026-11-20");
		find("#file").sendKeys(file.toAbsolutePath().toString());
		clickAndWaitForTheNextPage("#import-preview");
		assertThat(find("#import-refused").isDisplayed()).isTrue();
		assertThat(find("#import-refusals").getText()).contains("培训出勤", "4", "登录名", "找不到此登录名的人员档案");
		assertThat(browser.findElements(By.id("import-confirm"))).isEmpty();

		clickAndWaitForTheNextPage("#import-again");
		find("#file").sendKeys(file.toAbsolutePath().toString());
		click("#validRowsOnly");
		clickAndWaitForTheNextPage("#import-preview");
		assertThat(find("#import-partly").isDisplayed()).isTrue();
		assertThat(find("#import-lines").getText()).contains("李娜", "6", "92", "及格", "提前离场 2 小时");
		assertThat(find("#import-confirm").getText()).contains("1");
		clickAndWaitForTheNextPage("#import-confirm");
		waitForPath("/trainings/" + plan);
		assertThat(find("#notice").getText()).isEqualTo("出勤已导入。");
		assertThat(find("#attendees-" + session).getText()).contains("李娜", "6", "92", "及格", "提前离场 2 小时");

		open("/staff/" + staffId);
		assertThat(find("#training-record").getText()).contains("麒麟系统运维", "2026-11-20", "6", "92", "及格",
				"提前离场 2 小时");
	}

	/** A workbook laid out as the template: codes, headings, then the rows; empty strings stay empty cells. */
	private static byte[] workbook(List<List<String>> rows) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("培训出勤");
			Row codes = sheet.createRow(0);
			Row labels = sheet.createRow(1);
			for (int i = 0; i < TrainingAttendanceImport.COLUMNS.size(); i++) {
				codes.createCell(i).setCellValue(TrainingAttendanceImport.COLUMNS.get(i));
				labels.createCell(i).setCellValue("列 " + i);
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 2);
				for (int c = 0; c < rows.get(r).size(); c++) {
					if (!rows.get(r).get(c).isEmpty()) {
						row.createCell(c).setCellValue(rows.get(r).get(c));
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
