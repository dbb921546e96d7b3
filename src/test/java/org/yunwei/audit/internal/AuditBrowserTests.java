package org.yunwei.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.internal.TestTotp;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

/**
 * What the audit administrator and supervision do on the audit trail page.
 */
class AuditBrowserTests extends BrowserTestSupport {

	private static final String ROWS = "#audit-table tbody tr[id^='audit-']:not(#audit-more)";

	@Autowired
	AuditTrail trail;

	@Test
	void auditAdministratorFiltersByActionVerifiesTheChainAndExportsWhatIsShown() throws IOException {
		String action = TestDirectory.unique("BROWSER_CHECK_");
		for (int i = 1; i <= 3; i++) {
			trail.record(AuditEntry.of(action, "ticket", i).detail("巡检第 " + i + " 次"));
		}
		var people = new AuditPeople(jdbc, api());
		String auditor = people.withSecondFactor(people.userOf("MANAGEMENT", "AUDIT_ADMIN"));

		signIn(auditor, TestDirectory.PASSWORD, TestTotp.codeAt(ADMIN_TOTP_SECRET, Instant.now()));
		clickAndWaitForTheNextPage("a[href='/audit']");
		assertThat(find("h1").getText()).isEqualTo("审计记录");
		type("#action", action);
		clickAndWaitForTheNextPage("#audit-search");
		List<WebElement> rows = browser.findElements(By.cssSelector(ROWS));
		assertThat(rows).hasSize(3);
		// an action no bundle names reads as words, and links to the trail filtered by it
		assertThat(rows).allSatisfy(row -> assertThat(row.findElement(By.cssSelector("td:nth-child(4) a"))
			.getAttribute("href")).endsWith("action=" + action));
		assertThat(rows.getFirst().getText()).contains("Browser check", "工单 #3", "巡检第 3 次", "成功")
			.doesNotContain(action);
		assertThat(find("#action").getAttribute("value")).isEqualTo(action);

		String filtered = browser.getCurrentUrl();
		click("#audit-verify");
		assertThat(find("#audit-chain-intact").getText()).startsWith("完整");
		assertThat(browser.getCurrentUrl()).isEqualTo(filtered);

		String export = find("#audit-export").getAttribute("href");
		assertThat(export).contains("/audit/export?").contains("action=" + action);
		WebSession sameSession = new WebSession(port);
		for (Cookie cookie : browser.manage().getCookies()) {
			sameSession.useCookie(cookie.getName(), cookie.getValue());
		}
		URI exportUri = URI.create(export);
		var download = sameSession.download(exportUri.getRawPath() + "?" + exportUri.getRawQuery());
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo(action);
		}
	}

	@Test
	void supervisionFiltersByActorAndSeesNoChainVerification() {
		String supervisor = new AuditPeople(jdbc, api()).userOf("SUPERVISION", "SUPERVISOR");
		signIn(supervisor, TestDirectory.PASSWORD, null);
		assertThat(find("#party-kind").getAttribute("data-kind")).isEqualTo("SUPERVISION");

		open("/audit");
		type("#actor", supervisor);
		clickAndWaitForTheNextPage("#audit-search");
		List<WebElement> rows = browser.findElements(By.cssSelector(ROWS));
		assertThat(rows).isNotEmpty()
			.allSatisfy(row -> assertThat(row.findElements(By.tagName("td")).get(1).getText()).isEqualTo(supervisor));
		assertThat(rows).anySatisfy(row -> assertThat(row.findElements(By.tagName("td")).get(3).getText()).isEqualTo("登录"));
		assertThat(browser.findElements(By.id("audit-verify"))).isEmpty();
		assertThat(find("#audit-export").getText()).isEqualTo("导出 Excel");
	}

	@Test
	void theLanguageSwitchShowsTheAuditTrailInEnglish() {
		String supervisor = new AuditPeople(jdbc, api()).userOf("SUPERVISION", "SUPERVISOR");
		signIn(supervisor, TestDirectory.PASSWORD, null);
		find("#party-kind");
		open("/audit");
		assertThat(find("label[for='actor']").getText()).isEqualTo("操作人");

		click("#language-switch");
		waitFor().until(ExpectedConditions.textToBe(By.cssSelector("label[for='actor']"), "Actor"));
		assertThat(find("h1").getText()).isEqualTo("Audit trail");
		assertThat(find("#audit-search").getText()).isEqualTo("Search");
		assertThat(find("#audit-export").getText()).isEqualTo("Export to Excel");
	}
}
