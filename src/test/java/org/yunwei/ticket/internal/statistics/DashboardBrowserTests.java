package org.yunwei.ticket.internal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

class DashboardBrowserTests extends BrowserTestSupport {

	@Test
	void theDashboardDrawsItsChartsAndANumberLeadsToTheTicketList() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		long id = world.submitted("浏览器统计工单").get("ticket").get("id").asLong();
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

		signIn(world.lead, TestDirectory.PASSWORD, null);
		waitForPath("/");
		open("/tickets/statistics?from=" + today + "&to=" + today);

		find("#chart-type[data-drawn='true']");
		assertThat(browser.findElements(By.cssSelector("canvas[data-drawn='true']"))).hasSize(9);
		Object drawn = ((JavascriptExecutor) browser).executeScript(
				"return Chart.getChart(document.getElementById('chart-priority')).data.datasets[0].data;");
		assertThat(drawn.toString()).isEqualTo("[1]");
		assertThat(find("#stat-created").getText()).isEqualTo("1");

		clickAndWaitForTheNextPage("#count-type-INCIDENT");
		assertThat(browser.getCurrentUrl())
			.endsWith("/tickets?createdFrom=" + today + "&createdTo=" + today + "&type=INCIDENT");
		assertThat(find("#ticket-" + id).getText()).contains("浏览器统计工单");
		assertThat(browser.findElements(By.cssSelector("#ticket-table tbody tr[id^='ticket-']"))).hasSize(1);
	}
}
