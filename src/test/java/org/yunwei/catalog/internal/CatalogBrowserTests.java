package org.yunwei.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/** A manager files a new service in the catalogue; a customer of a unit that may order it finds it on a phone. */
class CatalogBrowserTests extends BrowserTestSupport {

	@Test
	void managerCreatesAServiceThatTheCustomerFindsOnAPhone() {
		var testing = new CatalogTesting(jdbc, api());
		long category = testing.category(testing.managerToken(), null);
		String name = TestDirectory.unique("视频会议保障");

		signIn(testing.manager, TestDirectory.PASSWORD, null);
		open("/catalog");
		find("#new-service").click();
		new Select(find("#categoryId")).selectByValue(String.valueOf(category));
		type("#code", TestDirectory.unique("MEET"));
		type("#name", name);
		type("#description", "重要会议的视频会议系统现场保障");
		new Select(find("#providerOrgUnitId")).selectByValue(String.valueOf(testing.providerUnit));
		find("#object-INFRASTRUCTURE").click();
		find("#customer-" + testing.office).click();
		type("#indicator-name-0", "保障成功率");
		type("#indicator-target-0", "99.5");
		type("#indicator-unit-0", "%");
		var save = find("#service-save");
		// below the fold; Bootstrap's smooth scrolling would still be moving when the click lands
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", save);
		save.click();
		waitForPath("/catalog");
		assertThat(find("#notice").isDisplayed()).isTrue();
		assertThat(browser.getPageSource()).contains(name);

		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			signIn(testing.directory.user(testing.section), TestDirectory.PASSWORD, null);
			open("/catalog");
			assertThat(find("#catalog-tree").getText()).contains(name, "保障成功率", "99.5 %");
			assertThat(browser.findElements(By.id("new-service"))).isEmpty();
		}
		finally {
			browser.manage().window().setSize(new Dimension(1400, 1000));
		}
	}
}
