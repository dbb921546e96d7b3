package org.yunwei.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * A drill planned and run in the browser step by step: each step started and finished with its instant shown to the
 * second, a screenshot uploaded to a step and listed under it, the drill finished with its summary.
 */
class EmergencyDrillBrowserTests extends BrowserTestSupport {

	@Autowired
	EmergencyPlanApproval approval;

	@Test
	void aDrillIsRunStepByStepWithAScreenshot() throws IOException {
		EmergencyWorld world = new EmergencyWorld(jdbc, api());
		long plan = world.approvedPlan(approval, "核心网络中断应急预案");
		signIn(world.manager, TestDirectory.PASSWORD, null);

		open("/emergency/drills/new?planId=" + plan);
		type("#title", "核心网络中断演练");
		type("#objective", "检验网络中断时的响应速度");
		type("#subjects", "政务外网核心交换机");
		new Select(find("#method")).selectByValue("TABLETOP");
		type("#participants", "网络组、服务台");
		type("#place", "市政务云机房");
		// a datetime-local field takes its parts as typed in the browser's own order; set its value directly
		((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("document.getElementById('plannedAt').value = '2026-12-20T10:00'");
		new Select(find("#contact-0")).selectByIndex(1);
		clickAndWaitForTheNextPage("#drill-save");
		assertThat(find("#notice").getText()).isEqualTo("演练计划已保存。");

		clickAndWaitForTheNextPage("#drill-start");
		assertThat(find("#drill-status").getText()).isEqualTo("进行中");
		clickAndWaitForTheNextPage("#step-start-1");
		assertThat(find("#drill-step-1-started").getText()).matches(".+ \\d{2}:\\d{2}:\\d{2} 开始");

		Path screenshot = Files.createTempFile("交换机告警", ".png");
		Files.write(screenshot, EmergencyDrillIntegrationTests.png());
		try {
			find("#step-file-1").sendKeys(screenshot.toAbsolutePath().toString());
			clickAndWaitForTheNextPage("#step-upload-1");
			assertThat(find("#notice").getText()).isEqualTo("截图已上传。");
			assertThat(find("#drill-step-1").getText()).contains(".png");
		}
		finally {
			Files.deleteIfExists(screenshot);
		}
		type("#step-note-1", "网络组已到场");
		clickAndWaitForTheNextPage("#step-finish-1");
		assertThat(find("#drill-step-1-finished").getText()).matches(".+ \\d{2}:\\d{2}:\\d{2} 完成");
		for (int step = 2; step <= 3; step++) {
			clickAndWaitForTheNextPage("#step-start-" + step);
			clickAndWaitForTheNextPage("#step-finish-" + step);
		}
		type("#summary", "演练按计划完成。");
		type("#improvements", "备用链路切换步骤需细化。");
		click("#revisionRequired");
		clickAndWaitForTheNextPage("#drill-finish");
		assertThat(find("#drill-status").getText()).isEqualTo("已结束");
		assertThat(find("#drill-revision-open").getText()).isEqualTo("预案待修订");
		assertThat(find("#drill-finished-at").getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
	}
}
