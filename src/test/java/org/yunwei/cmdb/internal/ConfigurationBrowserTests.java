package org.yunwei.cmdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * In a real browser: a CI class is defined on the page with a required attribute and marked for review, an item of it
 * is recorded through the form its attributes make (told what to fix first), related to another item found by typing,
 * edited with a reason — the edit waits for review and applies once the keeper's unit lead approves it, which the
 * history then shows — and its neighbourhood graph and impact analysis are opened.
 */
class ConfigurationBrowserTests extends BrowserTestSupport {

	@Test
	void aClassIsDefinedAndAnItemOfItIsRecordedRelatedEditedAndItsImpactOpened() {
		CmdbFixtures world = new CmdbFixtures(jdbc, api());
		String switchName = TestDirectory.unique("接入交换机");
		long neighbour = world.create("NETWORK_DEVICE", switchName, Map.of("device_type", "SWITCH"));
		// management's configuration keeper in a section of its own, whose lead approves its reviewed changes
		long management = jdbc.sql("select id from party where kind = 'MANAGEMENT' order by id limit 1")
			.query(Long.class).single();
		long section = world.directory.orgUnit(management, null, TestDirectory.unique("配置管理科"));
		String keeper = world.directory.user(section, "SERVICE_MANAGER");
		String lead = world.directory.user(section);
		jdbc.sql("update org_unit set lead_id = ? where id = ?").params(world.directory.userId(lead), section)
			.update();
		signIn(keeper, TestDirectory.PASSWORD, null);
		open("/cmdb/classes");
		String code = TestDirectory.unique("XC");
		type("#code", code);
		type("#name", "信创服务器" + code);
		new Select(find("#parentId")).selectByValue(String.valueOf(world.classId("SERVER")));
		clickAndWaitForTheNextPage("#class-create");
		assertThat(find("#notice").getText()).contains("已保存");
		clickAndWaitForTheNextPage("#class-" + code + " a");
		assertThat(find("#attribute-table").getText()).contains("CPU厂商", "品牌").doesNotContain("cpu_vendor ");
		type("#code", "cabinet_no");
		type("#name", "机柜编号");
		click("#required");
		clickAndWaitForTheNextPage("#attribute-create");
		assertThat(find("#attribute-cabinet_no").getText()).contains("机柜编号", "必填", "本分类");
		assertThat(find("#class-review-state").getText()).contains("立即生效");
		clickAndWaitForTheNextPage("#class-review-toggle");
		assertThat(find("#class-review-state").getText()).contains("须经审核");

		open("/cmdb/items/new");
		new Select(find("#choose-class")).selectByValue(String.valueOf(world.classId(code)));
		clickAndWaitForTheNextPage("#class-choose");
		type("#name", "国产化服务器-01");
		new Select(find("#customerUnitId")).selectByValue(String.valueOf(world.bureau));
		new Select(find("#attr-cpu_vendor")).selectByVisibleText("海光");
		clickAndWaitForTheNextPage("#item-save");
		assertThat(find("#problem").getText()).contains("未保存");
		assertThat(find("#attr-cabinet_no-error").getText()).isEqualTo("此项必填");
		assertThat(find("#name").getAttribute("value")).isEqualTo("国产化服务器-01");
		type("#attr-cabinet_no", "A-07");
		clickAndWaitForTheNextPage("#item-save");
		assertThat(find("#notice").getText()).contains("已保存");
		assertThat(find("#item-attributes").getText()).contains("海光", "A-07");

		new Select(find("#relation-type")).selectByValue("CONNECTED_TO");
		type("#relation-search", switchName);
		waitFor().until(d -> !d.findElements(By.cssSelector("#relation-target option[value='" + neighbour + "']"))
			.isEmpty());
		new Select(find("#relation-target")).selectByValue(String.valueOf(neighbour));
		type("#relation-reason", "上联接入交换机");
		clickAndWaitForTheNextPage("#relation-add");
		// the class is reviewed: a new relation waits for the unit lead's approval like an edit of the item's fields
		assertThat(find("#notice").getText()).contains("已提交审核");
		assertThat(browser.findElements(By.id("relations"))).isEmpty();
		String related = browser.getCurrentUrl();
		approveAndReturn(lead, keeper, find("#review-approval").getAttribute("href"), related,
				() -> !browser.findElements(By.id("relations")).isEmpty());
		assertThat(find("#relations").getText()).contains("连接", switchName);
		assertThat(browser.findElements(By.cssSelector("#item-graph svg .yw-graph-node"))).hasSize(2);

		clickAndWaitForTheNextPage("#item-edit");
		assertThat(find("#review-rule").getText()).contains("须经审核");
		type("#name", "国产化服务器-01（主）");
		type("#reason", "按资产盘点结果更名");
		clickAndWaitForTheNextPage("#item-save");
		assertThat(find("#notice").getText()).contains("已提交审核");
		assertThat(find("#item-name").getText()).isEqualTo("国产化服务器-01");
		assertThat(find("#review-waiting").getText()).contains("等待审核", "按资产盘点结果更名", "国产化服务器-01（主）");
		String item = browser.getCurrentUrl();
		String approval = find("#review-approval").getAttribute("href");

		approveAndReturn(lead, keeper, approval, item, () -> "国产化服务器-01（主）".equals(find("#item-name").getText()));
		assertThat(browser.findElements(By.id("review-waiting"))).isEmpty();
		assertThat(find("#history").getText()).contains("审核通过的修改", "按资产盘点结果更名", "名称", "上联接入交换机")
			.doesNotContain("REVIEWED", "UPDATED", "cmdb.");
		assertThat(find("#reviews").getText()).contains("已批准并生效");

		clickAndWaitForTheNextPage("#item-impact");
		assertThat(find("#impact-table").getText()).contains(switchName);
		assertThat(find("#impact-summary").getText()).contains("共波及 1 个配置项");
	}

	/**
	 * The lead approves in their inbox's request page; back as the keeper, the item's page is read again until the
	 * decision, which reaches the item through an event, shows.
	 */
	private void approveAndReturn(String lead, String keeper, String approval, String item,
			java.util.function.BooleanSupplier applied) {
		browser.manage().deleteAllCookies();
		signIn(lead, TestDirectory.PASSWORD, null);
		browser.get(approval);
		clickAndWaitForTheNextPage("#approve");
		browser.manage().deleteAllCookies();
		signIn(keeper, TestDirectory.PASSWORD, null);
		waitFor().until(d -> {
			d.get(item);
			return applied.getAsBoolean();
		});
	}
}
