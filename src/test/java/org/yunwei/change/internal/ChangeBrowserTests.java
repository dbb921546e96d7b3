package org.yunwei.change.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * In a real browser: a change is raised on the form (refused first without its window's end after its start), its
 * item picked by typing, submitted, approved by the unit lead on the approval's page, implemented step by step,
 * completed and reviewed; and the change calendar's month shows a freeze window and a conflict.
 */
class ChangeBrowserTests extends BrowserTestSupport {

	@Test
	void aChangeGoesFromRequestThroughApprovalAndImplementationToReview() {
		ChangeWorld world = new ChangeWorld(jdbc, api());
		String itemName = TestDirectory.unique("门户服务器");
		long item = world.item("PHYSICAL_SERVER", itemName, Map.of());
		signIn(world.manager, TestDirectory.PASSWORD, null);

		open("/changes");
		clickAndWaitForTheNextPage("#change-new");
		type("#title", "门户服务器内存扩容");
		new Select(find("#type")).selectByValue("INFRASTRUCTURE");
		type("#necessity", "内存使用率长期超过 90%");
		type("#reason", "业务量增长");
		type("#item-search", itemName);
		waitFor().until(d -> !d.findElements(By.cssSelector("#ci-" + item)).isEmpty());
		click("#ci-" + item);
		type("#steps0\\.description", "停机加装内存");
		new Select(find("#steps0\\.ownerId")).selectByValue(String.valueOf(world.directory.userId(world.agent)));
		type("#rollbackPlan", "拆除新内存并开机");
		dateTime("#plannedStart", "2099-04-01T10:00");
		dateTime("#plannedEnd", "2099-04-01T09:00");
		clickAndWaitForTheNextPage("#change-save");
		assertThat(find("#problem").getText()).contains("未保存");
		assertThat(find("#plannedEnd-error").getText()).isEqualTo("计划结束时间须晚于开始时间");
		assertThat(find("#title").getAttribute("value")).isEqualTo("门户服务器内存扩容");
		assertThat(find("#ci-" + item).isSelected()).isTrue();
		dateTime("#plannedEnd", "2099-04-01T12:00");
		clickAndWaitForTheNextPage("#change-save");
		assertThat(find("#notice").getText()).contains("已保存");
		assertThat(find("#change-status").getText()).isEqualTo("草稿");
		assertThat(find("#change-items").getText()).contains(itemName);
		assertThat(find("#change-assessment").getText()).contains("计算风险等级", "低");
		String changePath = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/changes/"));

		clickAndWaitForTheNextPage("#change-submit");
		assertThat(find("#change-status").getText()).isEqualTo("审批中");
		long request = jdbc.sql("select approval_request_id from change_request where id = ?")
			.param(Long.parseLong(changePath.substring("/changes/".length()))).query(Long.class).single();

		browser.manage().deleteAllCookies();
		signIn(world.approver, TestDirectory.PASSWORD, null);
		open("/approvals/" + request);
		clickAndWaitForTheNextPage("#approve");

		browser.manage().deleteAllCookies();
		signIn(world.manager, TestDirectory.PASSWORD, null);
		// the decision reaches the change as an event: the page shows it once it has
		waitFor().until(d -> {
			open(changePath);
			return find("#change-status").getText().equals("已批准");
		});
		clickAndWaitForTheNextPage("#change-start");
		assertThat(find("#change-status").getText()).isEqualTo("实施中");
		type("#step-result-1", "已加装 64GB");
		clickAndWaitForTheNextPage("#step-save-1");
		assertThat(find("#step-1").getText()).contains("完成", "已加装 64GB");
		new Select(find("#outcome")).selectByValue("SUCCESSFUL");
		clickAndWaitForTheNextPage("#complete-save");
		assertThat(find("#change-status").getText()).isEqualTo("已实施待评审");
		clickAndWaitForTheNextPage("#review-save");
		assertThat(find("#review-error").getText()).isEqualTo("此项必填");
		type("#review", "扩容后内存使用率降至 50%");
		clickAndWaitForTheNextPage("#review-save");
		assertThat(find("#change-status").getText()).isEqualTo("已关闭");
		assertThat(find("#change-review").getText()).contains("扩容后内存使用率降至 50%");
		assertThat(find("#change-outcome").getText()).contains("成功");
	}

	@Test
	void theCalendarsMonthShowsAFreezeWindowAndAConflict() {
		ChangeWorld world = new ChangeWorld(jdbc, api());
		var declared = api().post("/api/v1/freeze-windows", world.token(world.serviceManager),
				Map.of("name", TestDirectory.unique("两会保障"), "startsAt", "2097-03-02T16:00:00Z", "endsAt",
						"2097-03-05T16:00:00Z"));
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		long shared = world.item("NETWORK_DEVICE", TestDirectory.unique("汇聚交换机"), Map.of("device_type", "SWITCH"));
		long[] ids = new long[2];
		for (int i = 0; i < 2; i++) {
			Map<String, Object> body = world.change(i == 0 ? "汇聚交换机升级" : "汇聚交换机改配", List.of(shared));
			body.put("plannedStart", "2097-03-10T0" + (2 + i) + ":00:00Z");
			body.put("plannedEnd", "2097-03-10T0" + (4 + i) + ":00:00Z");
			ids[i] = world.create(body).get("id").asLong();
		}
		// four more that evening on items of their own: six in the day, one more than the month shows
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Map<String, Object> body = world.change("机房巡检-" + i, List.of(world.item("PHYSICAL_SERVER",
					TestDirectory.unique("巡检物理机"), Map.of())));
			body.put("plannedStart", "2097-03-10T1" + i + ":00:00Z");
			body.put("plannedEnd", "2097-03-10T1" + i + ":30:00Z");
			numbers.add(world.create(body).get("number").asString());
		}
		signIn(world.manager, TestDirectory.PASSWORD, null);
		open("/changes");
		clickAndWaitForTheNextPage("#change-calendar");
		open("/changes/calendar?month=2097-03");
		assertThat(find("#calendar-heading").getText()).contains("2097-03");
		assertThat(find("#day-2097-03-04").getAttribute("class")).contains("yw-freeze");
		assertThat(find("#day-2097-03-04").getText()).contains("两会保障");
		assertThat(find("#day-2097-03-10").getText()).contains("冲突");
		assertThat(find("#calendar-conflicts").getText()).contains("发现 1 处冲突");
		assertThat(browser.findElements(By.cssSelector("#day-2097-03-10 .yw-conflict"))).hasSize(2);
		assertThat(find("#day-2097-03-10").getText()).contains("共 6 项").contains("还有 1 项")
			.doesNotContain(numbers.getLast());
		clickAndWaitForTheNextPage("#more-2097-03-10");
		assertThat(find("#calendar-heading").getText()).contains("2097-03-04");
		assertThat(find("#day-2097-03-10").getText()).contains(numbers).doesNotContain("还有");
		clickAndWaitForTheNextPage("#calendar-switch");
		assertThat(find("#calendar-heading").getText()).contains("2097-03");
	}

	private void dateTime(String cssSelector, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", find(cssSelector), value);
	}

	@Test
	void thePolicyKeeperAddsEditsAndRetiresAChangeApprovalRule() {
		ChangeWorld world = new ChangeWorld(jdbc, api());
		long management = jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
		String keeper = world.directory.user(management, "APPROVAL_POLICY_ADMIN");
		long builtIn = jdbc.sql("select id from approval_policy where built_in").query(Long.class).single();
		try {
			signIn(keeper, TestDirectory.PASSWORD, null);
			open("/");
			clickAndWaitForTheNextPage("#nav-change-approval-rules");
			assertThat(find("h1").getText()).isEqualTo("变更审批规则");
			// nothing chosen: each field says so, and nothing is saved
			clickAndWaitForTheNextPage("#rule-save");
			assertThat(find("#problem").getText()).contains("未保存");
			assertThat(find("#category-error").isDisplayed()).isTrue();
			assertThat(find("#policyId-error").isDisplayed()).isTrue();
			new Select(find("#category")).selectByValue("EMERGENCY");
			new Select(find("#riskLevel")).selectByValue("CRITICAL");
			new Select(find("#policyId")).selectByValue(String.valueOf(builtIn));
			clickAndWaitForTheNextPage("#rule-save");
			assertThat(find("#notice").getText()).contains("已添加");
			long rule = jdbc.sql("""
					select id from change_approval_rule where category = 'EMERGENCY' and risk_level = 'CRITICAL'
					  and retired_at is null""").query(Long.class).single();
			assertThat(find("#rule-" + rule).getText()).contains("紧急变更", "极高", "生效");

			clickAndWaitForTheNextPage("#rule-edit-" + rule);
			new Select(find("#riskLevel")).selectByValue("");
			clickAndWaitForTheNextPage("#rule-save");
			assertThat(find("#riskLevel-error").isDisplayed()).isTrue();
			new Select(find("#riskLevel")).selectByValue("CRITICAL");
			clickAndWaitForTheNextPage("#rule-save");
			assertThat(find("#notice").getText()).contains("已保存");

			clickAndWaitForTheNextPage("#rule-retire-" + rule);
			assertThat(find("#notice").getText()).contains("已停用");
			assertThat(browser.findElements(By.cssSelector("#rule-" + rule))).isEmpty();
			clickAndWaitForTheNextPage("#rule-show-retired");
			assertThat(find("#rule-" + rule).getText()).contains("已停用");
		}
		finally {
			jdbc.sql("""
					update change_approval_rule set retired_at = now()
					where category = 'EMERGENCY' and risk_level = 'CRITICAL' and retired_at is null""").update();
		}
	}
}
