package org.yunwei.ticket.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.OffsetDateTime;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.yunwei.support.ApiClient;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * The workspace list filtered by creation days and a catalogue category in Chromium, its export button, and an
 * internal attachment that the agent sees marked 内部 and the customer never sees in the portal.
 */
class TicketListBrowserTests extends BrowserTestSupport {

	@Test
	void anAgentFiltersByCreationDaysAndCategoryAndExportsWhatIsShown() throws Exception {
		ApiClient api = new ApiClient(port);
		TicketFixtures world = new TicketFixtures(jdbc, api);
		long category = jdbc.sql("insert into catalog_category (code, name, path) values (?, ?, '') returning id")
			.params(TestDirectory.unique("C"), TestDirectory.unique("网络类"))
			.query(Long.class)
			.single();
		jdbc.sql("update catalog_category set path = '/' || id || '/' where id = ?").param(category).update();
		long network = jdbc.sql("""
				insert into catalog_service (category_id, code, name, provider_org_unit_id) values (?, ?, ?, ?)
				returning id""")
			.params(category, TestDirectory.unique("S"), TestDirectory.unique("网络运维"), world.providerUnit)
			.query(Long.class)
			.single();
		jdbc.sql("insert into catalog_service_customer (service_id, org_unit_id) values (?, ?)")
			.params(network, world.bureau).update();
		String bureau = world.token(world.bureauUser);
		long inApril = submit(api, world, bureau, network, "交换机掉线", "2025-04-10T10:00");
		long inMay = submit(api, world, bureau, network, "交换机又掉线", "2025-05-10T10:00");
		long otherService = submit(api, world, bureau, world.service, "打印机卡纸", "2025-04-12T10:00");

		signIn(world.agent, TestDirectory.PASSWORD, null);
		open("/tickets?status=");
		find("#ticket-filter");
		JavascriptExecutor js = (JavascriptExecutor) browser;
		// the dates and the category are behind the "more filters" fold
		js.executeScript("document.getElementById('more-filters').open = true");
		js.executeScript("arguments[0].value = '2025-04-01'", find("#f-created-from"));
		js.executeScript("arguments[0].value = '2025-04-30'", find("#f-created-to"));
		new Select(find("#f-category")).selectByValue(String.valueOf(category));
		click("#filter-submit");
		waitFor().until(d -> d.getCurrentUrl().contains("createdFrom=2025-04-01"));
		find("#ticket-" + inApril);
		assertThat(browser.findElements(By.id("ticket-" + inMay))).isEmpty();
		assertThat(browser.findElements(By.id("ticket-" + otherService))).isEmpty();
		assertThat(browser.getCurrentUrl()).contains("createdTo=2025-04-30", "categoryId=" + category);
		assertThat(find("#f-created-from").getAttribute("value")).isEqualTo("2025-04-01");

		String export = find("#ticket-export").getAttribute("href");
		assertThat(export).contains("/tickets/export?", "categoryId=" + category);
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
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("交换机掉线");
		}

		// a backward range is told beside the field
		js.executeScript("arguments[0].value = '2025-03-01'", find("#f-created-to"));
		click("#filter-submit");
		assertThat(find("#f-created-to-error").getText()).contains("结束日期不能早于开始日期");
	}

	@Test
	void anInternalAttachmentIsMarkedForAgentsAndNotShownInThePortal() throws Exception {
		ApiClient api = new ApiClient(port);
		TicketFixtures world = new TicketFixtures(jdbc, api);
		long id = world.submitted("服务器宕机").get("ticket").get("id").asLong();
		Path log = Files.createTempDirectory("yunwei").resolve("server-trace.log");
		Files.writeString(log, "kernel panic");

		signIn(world.agent, TestDirectory.PASSWORD, null);
		open("/tickets/" + id + "?tab=attachments");
		find("#file").sendKeys(log.toAbsolutePath().toString());
		click("#attach-internal");
		clickAndWaitForTheNextPage("#attach-submit");
		assertThat(find("#attachments").getText()).contains("server-trace.log", "内部");

		browser.manage().deleteAllCookies();
		signIn(world.bureauUser, TestDirectory.PASSWORD, null);
		open("/portal/tickets/" + id);
		find("#attach-form");
		assertThat(browser.getPageSource()).contains("服务器宕机").doesNotContain("server-trace.log");
	}

	private long submit(ApiClient api, TicketFixtures world, String token, long service, String subject,
			String createdLocal) {
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
}
