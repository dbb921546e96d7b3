package org.yunwei.ticket.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.yunwei.support.ApiClient;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * The top bar's search box in Chromium: a number and Enter open the ticket, text shows the results grouped by kind,
 * and the suggestions under the box are worked with the keyboard alone ({@code /}, arrows, Escape, Enter); on a
 * phone, where the box has no room, the top bar leads to the search page.
 */
class GlobalSearchBrowserTests extends BrowserTestSupport {

	@Test
	void aNumberAndEnterOpenTheTicketAndTextShowsTheResultsByKind() {
		TicketFixtures world = new TicketFixtures(jdbc, new ApiClient(port));
		String word = TestDirectory.unique("核心交换机");
		var created = world.submitted(word + "端口闪断").get("ticket");
		long ticket = created.get("id").asLong();
		String number = created.get("number").asString();

		signIn(world.agent, TestDirectory.PASSWORD, null);
		find("#global-search-q").sendKeys(number);
		leaveThePage(() -> find("#global-search-q").sendKeys(Keys.ENTER));
		assertThat(browser.getCurrentUrl()).endsWith("/tickets/" + ticket);

		find("#global-search-q").sendKeys(word);
		leaveThePage(() -> find("#global-search-q").sendKeys(Keys.ENTER));
		assertThat(browser.getCurrentUrl()).contains("/search?q=");
		assertThat(find("#search-count-ticket").getText()).isEqualTo("工单 1");
		WebElement hit = find("#search-group-ticket .yw-search-hit");
		assertThat(hit.getText()).contains(word + "端口闪断", number, "新建");
		assertThat(hit.getAttribute("href")).endsWith("/tickets/" + ticket);
	}

	@Test
	void theSuggestionsAreWorkedWithTheKeyboard() {
		TicketFixtures world = new TicketFixtures(jdbc, new ApiClient(port));
		String word = TestDirectory.unique("存储阵列");
		long older = world.submitted(word + "磁盘告警").get("ticket").get("id").asLong();
		long newer = world.submitted(word + "控制器故障").get("ticket").get("id").asLong();

		signIn(world.bureauUser, TestDirectory.PASSWORD, null);
		open("/search");
		// "/" typed into another field is text there, not a jump to the box
		find("#search-page-q").sendKeys("a/b");
		assertThat(find("#search-page-q").getAttribute("value")).isEqualTo("a/b");
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("search-page-q");

		browser.findElement(By.tagName("h1")).click();
		new Actions(browser).sendKeys("/").perform();
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("global-search-q");
		new Actions(browser).sendKeys(word).perform();
		// the answer for the whole word: its two tickets, the newest first
		waitFor().until(d -> d.findElements(By.cssSelector("#search-suggestions.show a[href$='/portal/tickets/" + older
				+ "']#search-suggestion-ticket-1")).size() == 1);
		assertThat(find("#global-search-q").getAttribute("value")).isEqualTo(word);

		WebElement box = find("#global-search-q");
		box.sendKeys(Keys.ARROW_DOWN);
		assertThat(chosen()).containsExactly("search-suggestion-ticket-0");
		box.sendKeys(Keys.ARROW_DOWN);
		assertThat(chosen()).containsExactly("search-suggestion-ticket-1");
		box.sendKeys(Keys.ARROW_UP);
		assertThat(chosen()).containsExactly("search-suggestion-ticket-0");
		assertThat(box.getAttribute("aria-activedescendant")).isEqualTo("search-suggestion-ticket-0");

		box.sendKeys(Keys.ESCAPE);
		waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("search-suggestions")));
		assertThat(box.getAttribute("value")).isEqualTo(word);
		assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");

		// down again opens the list on its first suggestion, the newest ticket; then the older one is opened
		box.sendKeys(Keys.ARROW_DOWN);
		assertThat(chosen()).containsExactly("search-suggestion-ticket-0");
		assertThat(find("#search-suggestion-ticket-0").getAttribute("href")).endsWith("/portal/tickets/" + newer);
		box.sendKeys(Keys.ARROW_DOWN);
		leaveThePage(() -> box.sendKeys(Keys.ENTER));
		assertThat(browser.getCurrentUrl()).endsWith("/portal/tickets/" + older);
	}

	@Test
	void onAPhoneTheTopBarLeadsToTheSearchPage() {
		TicketFixtures world = new TicketFixtures(jdbc, new ApiClient(port));
		String word = TestDirectory.unique("机房空调");
		long ticket = world.submitted(word + "温度过高").get("ticket").get("id").asLong();

		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			signIn(world.agent, TestDirectory.PASSWORD, null);
			assertThat(browser.findElement(By.id("global-search")).isDisplayed()).isFalse();
			clickAndWaitForTheNextPage("#top-search");
			assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("search-page-q");
			new Actions(browser).sendKeys(word + Keys.ENTER).perform();
			WebElement hit = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector("#search-group-ticket .yw-search-hit")));
			assertThat(hit.getAttribute("href")).endsWith("/tickets/" + ticket);
		}
		finally {
			browser.manage().window().setSize(new Dimension(1400, 1000));
		}
	}

	private List<String> chosen() {
		return browser.findElements(By.cssSelector("#search-suggestions .yw-suggestion.active")).stream()
			.map(e -> e.getAttribute("id")).toList();
	}
}
