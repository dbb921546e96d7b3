package org.yunwei.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * In the browser: an emergency event's page shows who is on duty now and downloads its fault report as a PDF whose
 * Chinese text reads back; the agent's home page shows who is on duty now as well. The fault report is drafted,
 * edited and submitted on its page, approved in the approver's inbox, and then shows as issued with a PDF that
 * carries the edited text and names the approver.
 */
class EmergencyReportBrowserTests extends BrowserTestSupport {

	@Autowired
	EmergencyPlanApproval approval;

	@Test
	void theEventPageShowsWhoIsOnDutyAndDownloadsTheFaultReportAsPdf() throws Exception {
		EmergencyWorld world = new EmergencyWorld(jdbc, api());
		String manager = world.token(world.manager);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long roster = world.api.post("/api/v1/duty-rosters", manager, Map.of("name", "日常值守", "kind", "NORMAL",
				"startsOn", today.toString(), "endsOn", today.plusDays(1).toString())).json().get("id").asLong();
		Instant now = Instant.now();
		assertThat(world.api.post("/api/v1/duty-rosters/" + roster + "/shifts", manager, Map.of("startsAt",
				now.minusSeconds(3600).toString(), "endsAt", now.plusSeconds(3600).toString(), "personId",
				world.id(world.manager), "lead", true)).status()).isEqualTo(201);
		String lead = jdbc.sql("select display_name from app_user where id = ?").param(world.id(world.manager))
			.query(String.class).single();
		long id = world.api.post("/api/v1/emergency-events", manager, Map.of("title", "电子证照系统中断",
				"description", "各窗口无法调取电子证照。", "level", "SERIOUS")).json().get("id").asLong();
		world.api.post("/api/v1/emergency-events/" + id + "/actions", manager, Map.of("phase", "DIAGNOSIS", "text",
				"证照库存储卷只读"));

		signIn(world.agent, TestDirectory.PASSWORD, null);
		assertThat(find("#home-on-duty").getText()).contains("当前值班", lead, "值班长");

		open("/emergency/events/" + id);
		assertThat(find("#on-duty-now").getText()).contains(lead);
		String href = find("#fault-report-pdf").getDomAttribute("href");
		assertThat(href).contains("/emergency/events/" + id + "/fault-report");
		// the link fetched by the page itself, in the signed-in session, as a click downloads it
		Object fetched = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.arrayBuffer().then(b => {
				  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x));
				  done(r.status + ' ' + r.headers.get('Content-Type') + ' ' + btoa(s));
				}));""", href);
		String[] parts = fetched.toString().split(" ", 3);
		assertThat(parts[0]).isEqualTo("200");
		assertThat(parts[1]).startsWith("application/pdf");
		try (PDDocument pdf = Loader.loadPDF(Base64.getDecoder().decode(parts[2]))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("故障报告", "电子证照系统中断", "各窗口无法调取电子证照。",
					"证照库存储卷只读");
		}
	}

	@Test
	void aFaultReportIsDraftedEditedSubmittedApprovedAndIssued() throws Exception {
		EmergencyWorld world = new EmergencyWorld(jdbc, api());
		String manager = world.token(world.manager);
		long id = world.api.post("/api/v1/emergency-events", manager, Map.of("title", "政务外网核心交换机故障",
				"description", "全市委办局无法访问政务外网。", "level", "MAJOR")).json().get("id").asLong();
		world.api.post("/api/v1/emergency-events/" + id + "/actions", manager, Map.of("phase", "DIAGNOSIS", "text",
				"核心交换机板卡故障"));
		assertThat(world.api.post("/api/v1/emergency-events/" + id + "/close", manager, Map.of("summary",
				"已更换板卡。")).status()).isEqualTo(200);

		signIn(world.manager, TestDirectory.PASSWORD, null);
		open("/emergency/events/" + id);
		assertThat(find("#fault-report-page").getText()).contains("故障报告", "未起草");
		clickAndWaitForTheNextPage("#fault-report-page");
		assertThat(find("#report-status").getText()).isEqualTo("未起草");
		assertThat(find("#section-cause").getText()).contains("核心交换机板卡故障");
		clickAndWaitForTheNextPage("#report-draft");
		assertThat(find("#report-status").getText()).isEqualTo("草稿");
		type("#section-cause", "根本原因：光模块老化导致板卡掉电。");
		clickAndWaitForTheNextPage("#report-save");
		assertThat(find("#notice").getText()).contains("已保存");
		assertThat(find("#report-history").getText()).contains("保存第 2 版", "故障原因");
		clickAndWaitForTheNextPage("#report-submit");
		assertThat(find("#report-status").getText()).isEqualTo("审批中");
		long request = jdbc.sql("select approval_request_id from emergency_report where event_id = ? and kind = 'FAULT'")
			.param(id).query(Long.class).single();

		browser.manage().deleteAllCookies();
		signIn(world.approver, TestDirectory.PASSWORD, null);
		open("/approvals/" + request);
		clickAndWaitForTheNextPage("#approve");

		browser.manage().deleteAllCookies();
		signIn(world.manager, TestDirectory.PASSWORD, null);
		// the grant reaches the report after the approval's commit, as an event
		waitFor().until(d -> {
			open("/emergency/events/" + id + "/reports/fault");
			return "已发布".equals(d.findElement(org.openqa.selenium.By.id("report-status")).getText());
		});
		String approver = jdbc.sql("select display_name from app_user where username = ?").param(world.approver)
			.query(String.class).single();
		assertThat(find("#report-issued").getText()).contains(approver);
		assertThat(browser.findElements(org.openqa.selenium.By.id("report-form"))).isEmpty();
		assertThat(find("#section-cause").getText()).isEqualTo("根本原因：光模块老化导致板卡掉电。");
		try (PDDocument pdf = Loader.loadPDF(fetch(find("#report-pdf").getDomAttribute("href")))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("故障报告", "根本原因：光模块老化导致板卡掉电。", "已发布",
					approver);
		}
	}

	/** The link fetched by the page itself, in the signed-in session, as a click downloads it. */
	private byte[] fetch(String href) {
		Object fetched = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.arrayBuffer().then(b => {
				  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x));
				  done(r.status + ' ' + r.headers.get('Content-Type') + ' ' + btoa(s));
				}));""", href);
		String[] parts = fetched.toString().split(" ", 3);
		assertThat(parts[0]).isEqualTo("200");
		assertThat(parts[1]).startsWith("application/pdf");
		return Base64.getDecoder().decode(parts[2]);
	}
}
