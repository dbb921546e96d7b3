package org.yunwei.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * A keeper imports staff records from Excel in the browser: a file with a bad row is refused with the row and column
 * named, the corrected file is previewed and imported; then the organisation chart shows the people in their posts.
 */
class StaffImportBrowserTests extends BrowserTestSupport {

	@TempDir
	Path files;

	@Test
	void aBadRowIsNamedThenTheCorrectedFileIsImportedAndTheChartShowsThePeople() throws Exception {
		TestDirectory directory = new TestDirectory(jdbc);
		long party = directory.party("PROVIDER", TestDirectory.unique("浏览器导入运维"));
		String partyName = jdbc.sql("select name from party where id = ?").param(party).query(String.class).single();
		long unit = directory.orgUnit(party, null, "运维部");
		String keeper = directory.user(unit, "SERVICE_DESK_MANAGER");
		String engineer = directory.user(unit, "SERVICE_DESK_AGENT");
		jdbc.sql("update app_user set display_name = '王芳' where username = ?").param(engineer).update();
		jdbc.sql("insert into post (org_unit_id, name, responsibilities, holder_id) values (?, '桌面运维岗', '', ?)")
			.params(unit, directory.userId(engineer)).update();

		Path bad = files.resolve("bad.xlsx");
		Files.write(bad, StaffWorkbooks.of(List.of(Arrays.asList(engineer, "桌面运维岗", "2026-02-30")), List.of()));
		Path good = files.resolve("good.xlsx");
		Files.write(good, StaffWorkbooks.of(List.of(Arrays.asList(engineer, "桌面运维岗", "2026-02-28")),
				List.of(Arrays.asList(engineer, "信息安全意识证书", "某培训中心"))));

		signIn(keeper, TestDirectory.PASSWORD, null);
		open("/staff");
		clickAndWaitForTheNextPage("#staff-import");
		find("#file").sendKeys(bad.toAbsolutePath().toString());
		clickAndWaitForTheNextPage("#import-preview");
		assertThat(find("#import-refused").isDisplayed()).isTrue();
		assertThat(find("#import-refusals").getText()).contains("3", "入职日期", "请按 2026-01-31 的格式填写日期");
		assertThat(browser.findElements(By.id("import-confirm"))).isEmpty();

		clickAndWaitForTheNextPage("#import-again");
		find("#file").sendKeys(good.toAbsolutePath().toString());
		clickAndWaitForTheNextPage("#import-preview");
		assertThat(find("#import-lines").getText()).contains("王芳", "/桌面运维岗", "1");
		assertThat(jdbc.sql("select count(*) from staff_member where party_id = ?").param(party).query(Long.class)
			.single()).isZero();
		clickAndWaitForTheNextPage("#import-confirm");
		waitForPath("/staff");
		assertThat(find("#notice").getText()).isEqualTo("人员档案已导入。");
		assertThat(find("#staff-table").getText()).contains("王芳");

		clickAndWaitForTheNextPage("#staff-chart");
		assertThat(find("#chart-heading").getText()).contains("运维人员组织架构图");
		if (!browser.findElements(By.id("partyId")).isEmpty()) {
			new org.openqa.selenium.support.ui.Select(find("#partyId")).selectByVisibleText(partyName);
			clickAndWaitForTheNextPage("#chart-filter-apply");
		}
		assertThat(find("#chart-heading").getText()).contains(partyName);
		assertThat(find("#chart-drawing svg").isDisplayed()).isTrue();
		assertThat(find("#chart-drawing").getText()).contains("运维部", "桌面运维岗：王芳", "人员 2 人");
		assertThat(find("#chart-print").isDisplayed()).isTrue();
	}
}
