package org.yunwei.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

class ComplianceBrowserTests extends BrowserTestSupport {

	@Test
	void theRegisterShowsEveryItemByChapterAndLeadsToAnItemAndOnToItsEvidence() {
		TestDirectory directory = new TestDirectory(jdbc);
		long management = jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
		String manager = directory.user(management, "SERVICE_MANAGER");

		signIn(manager, TestDirectory.PASSWORD, null);
		waitForPath("/");
		clickAndWaitForTheNextPage("#nav-compliance");

		assertThat(browser.getCurrentUrl()).endsWith("/compliance");
		assertThat(browser.findElements(By.cssSelector(".yw-chapter"))).hasSize(7);
		assertThat(browser.findElements(By.cssSelector(".yw-item"))).hasSize(89);
		assertThat(find("[id='item-6.1.2e'] .yw-state").getText()).isEqualTo("已提供证据");
		assertThat(find("[id='item-5.3.2b'] .yw-state").getText()).isEqualTo("部分");
		// no module answers 应用系统提升管理 yet
		assertThat(find("[id='item-9.3.2c'] .yw-state").getText()).isEqualTo("未提供");
		assertThat(find("#count-missing").getText()).startsWith("未提供");

		clickAndWaitForTheNextPage("[id='item-6.1.2d'] .yw-item-link");
		assertThat(find("#item-title").getText()).isEqualTo("6.1.2d 运维相关数据统计报告");
		clickAndWaitForTheNextPage(".yw-evidence-link[href^='/tickets/statistics?']");
		assertThat(browser.getCurrentUrl()).contains("/tickets/statistics?from=");
		find("#statistics-summary");
	}
}
