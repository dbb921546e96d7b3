package org.yunwei.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * In a real browser the size of a phone (390×844): the inspector opens today's task, answers the items (each answer
 * saved as a draft at once, so that a reload loses nothing; typed offline, sent when the connection returns), takes a
 * photo whose EXIF time is shown, signs and
 * submits; the reading out of range and the failed item open an incident.
 */
class InspectionBrowserTests extends BrowserTestSupport {

	@Autowired
	TaskGeneration generation;

	@Test
	void anInspectionIsDoneOnAPhoneWithAPhotoAndItsAnomaliesOpenAnIncident() throws Exception {
		InspectionWorld world = new InspectionWorld(jdbc, api());
		LocalDate today = LocalDate.now(BusinessCalendar.SHANGHAI);
		Map<String, Object> body = world.serverPlan(today.toString(), today.toString());
		body.put("workingDaysOnly", false);
		body.put("assigneeIds", List.of(world.userId(world.inspector)));
		long plan = world.plan(body);
		generation.generate(plan, today);
		long task = jdbc.sql("select id from inspection_task where plan_id = ?").param(plan).query(Long.class)
			.single();
		Path photo = Files.createTempFile("IMG_", ".jpg");
		Files.write(photo, TestPhotos.jpegWithExif());

		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			signIn(world.inspector, TestDirectory.PASSWORD, null);
			open("/inspections");
			clickAndWaitForTheNextPage("#task-" + task);
			assertThat(find("#task-target").getText()).startsWith("数据局核心数据库服务器");

			click("label[for='f-lights']");
			type("#n-lights", "电源模块告警灯亮");
			type("#v-cpu", "95");
			type("#v-memory", "40");
			type("#v-disk", "50");
			click("label[for='v-logs']");
			// every answer is a draft on the server at once: a reload shows them all
			waitFor().until(d -> jdbc.sql("select results ->> 'logs' is not null from inspection_task where id = ?")
				.param(task).query(Boolean.class).single());
			leaveThePage(() -> browser.navigate().refresh());
			assertThat(find("#v-cpu").getAttribute("value")).isEqualTo("95");
			assertThat(browser.findElement(By.id("f-lights")).isSelected()).isTrue();

			// offline, an answer waits in the browser and goes to the server when the connection returns
			HasNetworkConditions network = (HasNetworkConditions) browser;
			ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
			offline.setOffline(true);
			network.setNetworkConditions(offline);
			try {
				type("#v-memory", "45");
				waitFor().until(d -> find("#draft-status").getText().contains("暂未联网"));
			}
			finally {
				network.deleteNetworkConditions();
			}
			// the browser tells the page it is online again (Chromium's emulation may not, so the test does)
			((JavascriptExecutor) browser).executeScript("window.dispatchEvent(new Event('online'))");
			waitFor().until(d -> "45".equals(jdbc.sql(
					"select results -> 'memory' ->> 'value' from inspection_task where id = ?").param(task)
				.query(String.class).single()));

			find("#photo-lights").sendKeys(photo.toString());
			clickAndWaitForTheNextPage("#photo-upload-lights");
			assertThat(find("#notice").getText()).contains("照片已上传");
			assertThat(find("#item-lights figcaption").getText()).contains("拍摄于 2026-12-01 09:30");
			assertThat(find("#n-lights").getAttribute("value")).isEqualTo("电源模块告警灯亮");

			type("#signature", "李巡检");
			clickAndWaitForTheNextPage("#task-submit");
			assertThat(find("#notice").getText()).contains("事件单");
			assertThat(find("#task-status").getText()).isEqualTo("已完成");
			assertThat(find("#task-results").getText()).contains("95 %", "异常", "电源模块告警灯亮");
			assertThat(browser.findElements(By.cssSelector("#task-incident a"))).hasSize(1);
			Number width = (Number) ((JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth");
			assertThat(width.intValue()).isLessThanOrEqualTo(390);
		}
		finally {
			browser.manage().window().setSize(new Dimension(1400, 1000));
			Files.deleteIfExists(photo);
		}
	}
}
