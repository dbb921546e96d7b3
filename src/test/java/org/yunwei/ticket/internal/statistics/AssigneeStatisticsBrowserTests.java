package org.yunwei.ticket.internal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

class AssigneeStatisticsBrowserTests extends BrowserTestSupport {

	@Test
	void theTabShowsEachPersonByNameAndACountLeadsToTheirTickets() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		String agent = world.token(world.agent);
		long id = world.submitted("浏览器按处理人统计").get("ticket").get("id").asLong();
		assertThat(api().post("/api/v1/tickets/" + id + "/start", agent, Map.of()).status()).isEqualTo(200);
		assertThat(api().post("/api/v1/tickets/" + id + "/resolve", agent,
				Map.of("resolutionCode", "SOLVED", "resolutionText", "已处理")).status()).isEqualTo(200);
		long agentId = world.userId(world.agent);
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

		signIn(world.lead, TestDirectory.PASSWORD, null);
		waitForPath("/");
		open("/tickets/statistics?from=" + today + "&to=" + today);
		clickAndWaitForTheNextPage("#tab-assignees");
		open("/tickets/statistics/assignees?from=" + today + "&to=" + today);

		assertThat(find("#assignee-name-" + agentId).getText()).isEqualTo("测试用户 " + world.agent);
		assertThat(find("#resolved-" + agentId).getText()).isEqualTo("1");
		assertThat(find("#tab-assignees").getAttribute("class")).contains("active");
		String page = find("#assignees-table").getText() + find("h1").getText();
		assertThat(page).contains("处理人", "已解决", "90 分位", "满意度").doesNotContain("ticket-stats.", "RESOLVED",
				"IN_PROGRESS", "null");

		clickAndWaitForTheNextPage("#resolved-" + agentId);
		assertThat(browser.getCurrentUrl()).endsWith(
				"/tickets?assignee=" + agentId + "&resolvedFrom=" + today + "&resolvedTo=" + today);
		assertThat(find("#ticket-" + id).getText()).contains("浏览器按处理人统计");
		assertThat(browser.findElements(By.cssSelector("#ticket-table tbody tr[id^='ticket-']"))).hasSize(1);
	}
}
