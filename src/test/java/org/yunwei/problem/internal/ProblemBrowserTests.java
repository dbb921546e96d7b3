package org.yunwei.problem.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * The desk manager opens a problem from one incident's page, adds a second incident through the picker, is refused
 * work before the emergency plan, records the plans, resolves and closes; the proposed article goes through 入库审批
 * and is published.
 */
class ProblemBrowserTests extends BrowserTestSupport {

	@Test
	void aProblemFromTwoIncidentsGetsItsPlansIsClosedAndItsArticleIsApproved() {
		TicketFixtures world = new TicketFixtures(jdbc, api());
		long first = world.submitted("打印机无法连接").get("ticket").get("id").asLong();
		long second = world.submitted("打印机连接超时").get("ticket").get("id").asLong();
		String secondNumber = jdbc.sql("select number from ticket where id = ?").param(second).query(String.class)
			.single();
		String approver = world.directory.user(world.providerUnit);
		jdbc.sql("update org_unit set lead_id = ? where id = ?").params(world.directory.userId(approver),
				world.providerUnit).update();

		signIn(world.lead, TestDirectory.PASSWORD, null);
		open("/tickets/" + first);
		clickAndWaitForTheNextPage("#problem-from-incident");
		assertThat(find("#incident-" + first).isSelected()).isTrue();
		type("#incident-search", secondNumber);
		click("#incident-" + second);
		type("#description", "多个部门反映打印机每天上午无法连接");
		type("#impact", "各部门无法打印公文");
		clickAndWaitForTheNextPage("#problem-save");
		assertThat(find("#problem-status").getText()).isEqualTo("已登记");
		assertThat(find("#problem-incidents").getText()).contains(secondNumber);
		long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/problems/(\\d+).*", "$1"));

		clickAndWaitForTheNextPage("#problem-start-analysis");
		assertThat(find("#problem-status").getText()).isEqualTo("分析中");
		clickAndWaitForTheNextPage("#problem-start-work");
		assertThat(find("#problem").getText()).contains("应急方案");
		assertThat(find("#problem-status").getText()).isEqualTo("分析中");

		record("emergency-plan", "连接中断时切换到备用打印服务器");
		record("root-cause", "打印服务器驱动与安全补丁冲突");
		String owner = Long.toString(world.userId(world.lead));
		type("#solution-input", "回退补丁并升级打印驱动");
		new Select(find("#solution-owner")).selectByValue(owner);
		date("#solution-due", LocalDate.now().plusDays(7));
		clickAndWaitForTheNextPage("#solution-save");
		type("#implementation-input", "周六维护窗口分批实施");
		new Select(find("#implementation-owner")).selectByValue(owner);
		date("#implementation-start", LocalDate.now().plusDays(1));
		date("#implementation-end", LocalDate.now().plusDays(2));
		clickAndWaitForTheNextPage("#implementation-save");
		assertThat(find("#implementation-text").getText()).isEqualTo("周六维护窗口分批实施");
		clickAndWaitForTheNextPage("#problem-start-work");
		assertThat(find("#problem-status").getText()).isEqualTo("处理中");
		record("known-error", "重启打印后台服务可临时恢复");
		record("resolve", "补丁回退后一周未再中断");
		assertThat(find("#problem-status").getText()).isEqualTo("已解决");
		clickAndWaitForTheNextPage("#problem-close");
		assertThat(find("#problem-status").getText()).isEqualTo("已关闭");
		assertThat(find("#notice").getText()).contains("知识入库审批");
		assertThat(find("#problem-article").isDisplayed()).isTrue();

		// the second incident's page shows the known error's workaround
		open("/tickets/" + second);
		assertThat(find("#problem-box .known-error-workaround").getText()).isEqualTo("重启打印后台服务可临时恢复");

		browser.manage().deleteAllCookies();
		signIn(approver, TestDirectory.PASSWORD, null);
		open("/approvals");
		assertThat(find("#inbox-table").getText()).contains("问题处理：打印机无法连接");
		clickAndWaitForTheNextPage("#inbox-table a[id^=open-]");
		clickAndWaitForTheNextPage("#approve");

		long article = jdbc.sql("select article_id from problem where id = ?").param(id).query(Long.class).single();
		// the grant reaches the knowledge base after the approval's commit, as an event
		waitFor().until(d -> "PUBLISHED".equals(jdbc.sql("select status from knowledge_article where id = ?")
			.param(article).query(String.class).single()));
		browser.manage().deleteAllCookies();
		signIn(world.agent, TestDirectory.PASSWORD, null);
		open("/knowledge/" + article);
		assertThat(find("#article-body").getText()).contains("打印服务器驱动与安全补丁冲突", "回退补丁并升级打印驱动");
		assertThat(browser.findElements(By.id("article-return-reason"))).isEmpty();
	}

	/** Records one of the problem's texts through its card's form. */
	private void record(String name, String text) {
		type("#" + name + "-input", text);
		clickAndWaitForTheNextPage("#" + name + "-save");
		assertThat(find("#" + name + "-text").getText()).isEqualTo(text);
	}

	/** Sets a date field's value as the browser's date picker would (typing depends on the browser's locale). */
	private void date(String selector, LocalDate day) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", find(selector),
				day.toString());
	}
}
