package org.yunwei.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

/** The customer rates a resolved ticket on a phone; an agent then records the return visit from the worklist. */
class SatisfactionBrowserTests extends BrowserTestSupport {

	@Test
	void theCustomerRatesOnAPhoneAndAnAgentRecordsTheReturnVisit() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		long id = new SatisfactionTesting(world).resolved("打印机脱机");
		String number = jdbc.sql("select number from ticket where id = ?").param(id).query(String.class).single();

		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			signIn(world.bureauUser, TestDirectory.PASSWORD, null);
			open("/tickets/" + id + "/rating");
			assertThat(find("#rating-ticket-number").getText()).isEqualTo(number);
			click("label[for=score-4]");
			type("#comment", "工程师很专业，半小时就修好了");
			clickAndWaitForTheNextPage("#rating-submit");
			assertThat(find("#notice").isDisplayed()).isTrue();
			assertThat(find("#rating-score").getText()).isEqualTo("满意");
			assertThat(find("#rating-comment").getText()).isEqualTo("工程师很专业，半小时就修好了");
			assertThat(browser.findElements(By.id("rating-form"))).isEmpty();
		}
		finally {
			browser.manage().window().setSize(new Dimension(1400, 1000));
		}

		browser.manage().deleteAllCookies();
		signIn(world.agent, TestDirectory.PASSWORD, null);
		open("/return-visits?q=" + number);
		assertThat(find("#due-" + id).getText()).contains(number, "★★★★☆");
		clickAndWaitForTheNextPage("#visit-" + id);
		assertThat(find("#contact").getAttribute("value")).startsWith("测试用户");
		assertThat(find("#visit-rating").getText()).contains("工程师很专业");
		click("label[for=result-SATISFIED]");
		type("#comment", "客户确认打印正常");
		clickAndWaitForTheNextPage("#visit-submit");
		waitForPath("/return-visits");
		assertThat(find("#notice").getText()).contains(number);
		assertThat(browser.findElements(By.id("due-" + id))).isEmpty();
		assertThat(jdbc.sql("select result from ticket_return_visit where ticket_id = ?").param(id)
			.query(String.class).list()).containsExactly("SATISFIED");
	}
}
