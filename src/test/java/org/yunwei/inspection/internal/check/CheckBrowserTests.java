package org.yunwei.inspection.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.inspection.internal.InspectionWorld;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.HeldClusterLock;
import org.yunwei.support.TestDirectory;

import net.javacrumbs.shedlock.core.LockProvider;

/**
 * In a real browser the desk manager sets up an HTTP check of a server the test starts on loopback: a wrong URL is
 * refused beside its field with what was typed kept, the item is chosen by searching, the check is run now and its
 * result shown; then the target fails and the results page shows the failure and the incident it opened.
 */
class CheckBrowserTests extends BrowserTestSupport {

	@Autowired
	LockProvider locks;

	private final LoopbackTargets targets = new LoopbackTargets();

	@AfterEach
	void close() throws Exception {
		targets.close();
	}

	@Test
	void aCheckIsConfiguredRunAndItsFailureShownWithTheIncident() throws Exception {
		InspectionWorld world = new InspectionWorld(jdbc, api());
		int http = targets.http();
		String name = TestDirectory.unique("门户网站健康检查");
		try (HeldClusterLock checking = HeldClusterLock.hold(locks, "inspection-checks")) {
			signIn(world.lead, TestDirectory.PASSWORD, null);
			open("/inspections");
			clickAndWaitForTheNextPage("#link-checks");
			clickAndWaitForTheNextPage("#check-new");
			type("#name", name);
			new Select(find("#kind")).selectByValue("HTTP");
			type("#target", "portal.example");
			type("#expectStatus", "200");
			type("#bodyContains", "status: ok");
			clickAndWaitForTheNextPage("#check-save");
			assertThat(find("#target-error").getText()).contains("http://");
			assertThat(find("#name").getAttribute("value")).isEqualTo(name);

			find("#target").clear();
			type("#target", "http://127.0.0.1:" + http + "/health");
			type("#check-item-search", "数据局核心数据库服务器");
			waitFor().until(d -> !d.findElements(By.cssSelector("#ci-" + world.server)).isEmpty());
			click("label[for='ci-" + world.server + "']");
			find("#failuresToAlert").clear();
			type("#failuresToAlert", "1");
			clickAndWaitForTheNextPage("#check-save");
			assertThat(find("#notice").getText()).contains("已保存");
			assertThat(find("#results-empty").getText()).contains("立即执行");

			clickAndWaitForTheNextPage("#check-run");
			assertThat(find("#check-last-outcome").getText()).isEqualTo("正常");
			assertThat(find("#results-table").getText()).contains("HTTP 状态 200");
			assertThat(find("#check-availability").getText()).isEqualTo("100 %");

			targets.healthStatus.set(500);
			clickAndWaitForTheNextPage("#check-run");
			assertThat(find("#check-last-outcome").getText()).isEqualTo("故障");
			assertThat(find("#results-table").getText()).contains("HTTP 状态 500，期望 200", "已开事件");
			assertThat(browser.findElements(By.cssSelector("#check-incident"))).hasSize(1);

			// the charts of the last day, with the same figures in words for screen readers and phones
			assertThat(find("#check-period-summary").getText()).startsWith("近 24 小时可用率 50 %")
				.contains("运行 2 次，故障 1 次");
			waitFor().until(d -> "true".equals(find("#chart-millis").getAttribute("data-drawn"))
					&& "true".equals(find("#chart-availability").getAttribute("data-drawn")));
			assertThat(find("#chart-availability").getAttribute("aria-label")).contains("可用率 50 %");
			clickAndWaitForTheNextPage("#period-QUARTER");
			assertThat(find("#period-QUARTER").getAttribute("aria-current")).isEqualTo("page");
			assertThat(find("#check-period-summary").getText()).startsWith("近 90 天可用率 50 %");
			waitFor().until(d -> "true".equals(find("#chart-millis").getAttribute("data-drawn")));

			open("/inspections/checks?sort=failing&q=" + java.net.URLEncoder.encode(name,
					java.nio.charset.StandardCharsets.UTF_8));
			assertThat(find("#checks-table").getText()).contains(name, "故障", "HTTP(S) 检查");
		}
	}
}
