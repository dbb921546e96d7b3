package org.yunwei.ticket.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * The agents' queue on a laptop screen (1366×900): at least fifteen tickets above the fold, the seldom used filters
 * folded (and remembered), the bulk bar only once a ticket is ticked, column headers on one line.
 */
class QueueDensityBrowserTests extends BrowserTestSupport {

	@AfterEach
	void wideAgain() {
		browser.manage().window().setSize(new Dimension(1400, 1000));
		((JavascriptExecutor) browser).executeScript("window.localStorage.clear()");
	}

	@Test
	void aLaptopScreenShowsFifteenTicketsAndTheFiltersFoldAway() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		for (int i = 1; i <= 20; i++) {
			// as long as subjects get: a row stays one line, and the page stays beside the navigation
			world.submitted("队列密度 " + i + "：市政务服务中心三楼大厅自助终端无法打印回执单，群众排队等候，请尽快派人到现场处理并反馈原因");
		}
		signIn(world.agent, TestDirectory.PASSWORD, null);
		waitForPath("/");
		browser.manage().window().setSize(new Dimension(1366, 900));
		open("/tickets?status=open&sort=due");
		find("#ticket-table");
		JavascriptExecutor js = (JavascriptExecutor) browser;

		long visible = (Long) js.executeScript("""
				return Array.from(document.querySelectorAll('#ticket-table tbody tr[id^="ticket-"]'))
				  .filter(row => row.getBoundingClientRect().bottom <= window.innerHeight).length""");
		assertThat(visible).isGreaterThanOrEqualTo(15);
		assertThat((Long) js.executeScript("return Math.round(document.querySelector('main').getBoundingClientRect().top)"))
			.isLessThan(100);
		// the SLA countdown, what an agent works by, is in view without scrolling sideways
		assertThat((Boolean) js.executeScript(
				"return document.getElementById('sort-due').getBoundingClientRect().right <= window.innerWidth")).isTrue();
		for (WebElement header : browser.findElements(By.cssSelector("#ticket-table thead th"))) {
			assertThat(header.getSize().getHeight()).as(header.getText()).isLessThan(40);
		}

		assertThat(find("#more-filters").getAttribute("open")).isNull();
		assertThat(browser.findElement(By.id("bulk-form")).isDisplayed()).isFalse();
		click("#select-all");
		assertThat(find("#bulk-form").isDisplayed()).isTrue();

		// opened once, the fold stays open on the next visit; a set filter behind it opens it by itself
		click("#more-filters-toggle");
		open("/tickets?status=open&sort=due");
		assertThat(find("#f-channel").isDisplayed()).isTrue();
		js.executeScript("window.localStorage.clear()");
		open("/tickets?status=open&channel=PHONE");
		assertThat(find("#more-filters-toggle").getText()).isEqualTo("更多筛选（已设 1 项）");
		assertThat(find("#f-channel").isDisplayed()).isTrue();
		List<WebElement> rows = browser.findElements(By.cssSelector("#ticket-table tbody tr[id^='ticket-']"));
		assertThat(rows).isEmpty();
	}
}
