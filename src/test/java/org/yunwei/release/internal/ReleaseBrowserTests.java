package org.yunwei.release.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * In a real browser: a release is planned on the form (refused first for a planned time in the past), its application
 * system and an approved change picked by typing, submitted, approved by the unit lead on the approval's page, its
 * deployment recorded (refused first for a failed step without its result), and completed — after which the
 * application system's page in the CMDB shows the release version. On the draft's page a new application system the
 * release brings is listed (refused first without its required 等保级别), related to the item in scope; on completion
 * it is registered in the CMDB, linked from the release's page, its history naming the release.
 */
class ReleaseBrowserTests extends BrowserTestSupport {

	@Test
	void aReleaseGoesFromItsPlanThroughApprovalAndDeploymentToCompletion() {
		ReleaseWorld world = new ReleaseWorld(jdbc, api());
		String appName = TestDirectory.unique("不动产登记系统");
		long app = world.item("APPLICATION_SYSTEM", appName, Map.of("dengbao_level", "L3"));
		String changeTitle = TestDirectory.unique("登记系统升级");
		long change = world.approvedChange(changeTitle, List.of(app));
		signIn(world.manager, TestDirectory.PASSWORD, null);

		open("/releases");
		clickAndWaitForTheNextPage("#release-new");
		type("#title", "不动产登记系统 V3.0 发布");
		new Select(find("#type")).selectByValue("MAJOR");
		type("#releaseVersion", "V3.0.0");
		type("#item-search", appName);
		waitFor().until(d -> !d.findElements(By.cssSelector("#ci-" + app)).isEmpty());
		click("#ci-" + app);
		type("#change-search", changeTitle);
		waitFor().until(d -> !d.findElements(By.cssSelector("#chg-" + change)).isEmpty());
		click("#chg-" + change);
		type("#plan", "周六夜间停机部署，验证后开放");
		type("#knownErrors", "旧版浏览器打印预览错位");
		dateTime("#plannedAt", "2020-01-01T22:00");
		clickAndWaitForTheNextPage("#release-save");
		assertThat(find("#problem").getText()).contains("未保存");
		assertThat(find("#plannedAt-error").getText()).isEqualTo("计划发布时间不能早于现在");
		assertThat(find("#ci-" + app).isSelected()).isTrue();
		assertThat(find("#chg-" + change).isSelected()).isTrue();
		dateTime("#plannedAt", "2099-05-01T22:00");
		clickAndWaitForTheNextPage("#release-save");
		assertThat(find("#notice").getText()).contains("已保存");
		assertThat(find("#release-status").getText()).isEqualTo("草稿");
		assertThat(find("#release-items").getText()).contains(appName);
		assertThat(find("#release-changes").getText()).contains(changeTitle);
		assertThat(find("#release-known-errors").getText()).isEqualTo("旧版浏览器打印预览错位");
		String path = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("/releases/"));
		long id = Long.parseLong(path.substring("/releases/".length()));
		String number = jdbc.sql("select number from release_record where id = ?").param(id).query(String.class)
			.single();

		// a new application system the release brings: its class first, then its fields
		assertThat(find("#release-new-items").getText()).contains("本次发布不新增配置项");
		long appClass = jdbc.sql("select id from ci_class where code = 'APPLICATION_SYSTEM'").query(Long.class)
			.single();
		new Select(find("#itemClass")).selectByValue(String.valueOf(appClass));
		clickAndWaitForTheNextPage("#new-item-class-choose");
		String mobile = TestDirectory.unique("不动产登记移动端");
		type("#newItemName", mobile);
		new Select(find("#newItemUnit")).selectByValue(String.valueOf(world.bureau));
		new Select(find("#newItemRelationType")).selectByValue("DEPENDS_ON");
		new Select(find("#newItemRelated")).selectByValue(String.valueOf(app));
		clickAndWaitForTheNextPage("#new-item-save");
		assertThat(find("#problem").getText()).contains("未登记");
		assertThat(find("#attributes-dengbao_level-error").getText()).isEqualTo("此项必填");
		assertThat(find("#newItemName").getAttribute("value")).isEqualTo(mobile);
		new Select(find("#attr-dengbao_level")).selectByValue("L2");
		clickAndWaitForTheNextPage("#new-item-save");
		assertThat(find("#notice").getText()).contains("已登记");
		assertThat(find("#new-item-1").getText()).contains(mobile, "应用系统", "等保级别：第二级", "依赖", appName);

		clickAndWaitForTheNextPage("#release-submit");
		assertThat(find("#release-status").getText()).isEqualTo("审批中");
		long request = jdbc.sql("select approval_request_id from release_record where id = ?").param(id)
			.query(Long.class).single();

		browser.manage().deleteAllCookies();
		signIn(world.approver, TestDirectory.PASSWORD, null);
		open("/approvals/" + request);
		clickAndWaitForTheNextPage("#approve");

		browser.manage().deleteAllCookies();
		signIn(world.manager, TestDirectory.PASSWORD, null);
		// the decision reaches the release as an event: the page shows it once it has
		waitFor().until(d -> {
			open(path);
			return find("#release-status").getText().equals("已批准");
		});
		type("#steps0\\.description", "停止应用并备份");
		type("#steps0\\.result", "备份完成");
		type("#steps1\\.description", "部署 V3.0.0 并验证");
		new Select(find("#steps1\\.succeeded")).selectByValue("false");
		clickAndWaitForTheNextPage("#deployment-save");
		assertThat(find("#steps-1-result-error").getText()).isEqualTo("失败的步骤须说明情况");
		assertThat(find("#release-status").getText()).isEqualTo("已批准");
		new Select(find("#steps1\\.succeeded")).selectByValue("true");
		type("#steps1\\.result", "验证通过");
		clickAndWaitForTheNextPage("#deployment-save");
		assertThat(find("#release-status").getText()).isEqualTo("已部署");
		assertThat(find("#release-deployment").getText()).contains("停止应用并备份", "验证通过");

		type("#note", "发布完成，业务验证通过，已通知使用单位");
		clickAndWaitForTheNextPage("#complete-save");
		assertThat(find("#release-status").getText()).isEqualTo("已完成");
		assertThat(find("#release-cmdb-updates").getText()).contains(appName + " → V3.0.0");
		assertThat(find("#new-item-1").getText()).contains("已录入配置库");
		clickAndWaitForTheNextPage("#new-item-link-1");
		assertThat(find("h1").getText()).contains(mobile);
		assertThat(find("#history").getText()).contains(number + " 发布完成");
		open("/cmdb/items/" + app);
		assertThat(find("body").getText()).contains("V3.0.0");
	}

	private void dateTime(String cssSelector, String value) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", find(cssSelector), value);
	}
}
