package org.yunwei.sla.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.sla.Calendars;
import org.yunwei.support.Accounts;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

class CalendarBrowserTests extends BrowserTestSupport {

	@Autowired
	private Calendars calendars;

	private String manager;

	@BeforeEach
	void signInAsServiceManager() {
		var directory = new TestDirectory(jdbc);
		manager = directory.user(directory.orgUnit(directory.party("MANAGEMENT", "数据局"), null, "运维科"),
				"SERVICE_MANAGER");
		signIn(manager, TestDirectory.PASSWORD, null);
		waitForPath("/");
	}

	@Test
	void theMonthViewMovesBetweenMonthsInPlace() {
		open("/sla/calendars/" + calendars.defaultCalendarId() + "?month=2026-02");
		assertThat(find("#day-2026-02-14").getText()).contains("班");
		find("#month-next").click();
		waitForMonth("2026-03");
		assertThat(browser.getCurrentUrl()).endsWith("month=2026-03");
		assertThat(browser.findElements(By.cssSelector("nav.yw-topbar"))).hasSize(1);
		find("#month-previous").click();
		waitForMonth("2026-02");
		find("#month-previous").click();
		waitForMonth("2026-01");
		assertThat(find("#day-2026-01-01").getAttribute("data-kind")).isEqualTo("HOLIDAY");
		assertThat(find("#day-2026-01-04").getText()).contains("班");
	}

	@Test
	void theCalendarCheckAnswersInPlace() {
		open("/sla/calendars/" + calendars.defaultCalendarId());
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", find("#check-start"),
				"2026-02-13T17:00");
		type("#check-hours", "8");
		type("#check-minutes", "0");
		click("#check-submit");
		assertThat(find("#check-due").getText()).isEqualTo("2026-02-24 09:30:00");
		assertThat(browser.findElements(By.cssSelector("#check"))).hasSize(1);
	}

	@Test
	void importShowsTheBadLineAndThenImports() throws Exception {
		String token = Accounts.tokenFor(api(), manager, TestDirectory.PASSWORD, null);
		long id = api().post("/api/v1/calendars", token, map("code", TestDirectory.unique("BRW"), "name", "浏览器日历",
				"zone", "Asia/Shanghai", "workingHours", Map.of("MONDAY", List.of("09:00-17:00")))).json().get("id").asLong();
		Path bad = Files.createTempFile("calendar", ".csv");
		Files.writeString(bad, "date,kind,name\n2027-05-01,HOLIDAY,劳动节\n2027-05-02,HOLIDAY\n2027-05-03,DAYOFF,劳动节\n",
				StandardCharsets.UTF_8);
		open("/sla/calendars/" + id);
		find("#import-file").sendKeys(bad.toString());
		click("#import-submit");
		assertThat(find("#import-error").getText()).contains("第 4 行");

		Files.writeString(bad, "2027-05-01,HOLIDAY,劳动节\n", StandardCharsets.UTF_8);
		find("#import-file").sendKeys(bad.toString());
		click("#import-submit");
		assertThat(find("#notice").getText()).contains("2027");
		open("/sla/calendars/" + id + "?month=2027-05");
		assertThat(find("#day-2027-05-01").getText()).contains("劳动节");
		Files.delete(bad);
	}

	private void waitForMonth(String month) {
		// htmx swaps the month out while the wait may be reading the old title
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElement(By.id("month-title")).getText().equals(month));
	}
}
