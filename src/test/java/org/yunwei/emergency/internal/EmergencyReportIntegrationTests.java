package org.yunwei.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * The printed reports through the API: the fault report's Chinese text and times read back from the PDF equal the
 * timeline's, the Word document says the same, the post-event and drill reports carry the summary and steps, a bad
 * format is refused naming the field, readers outside the right are refused, and the reports evidence 9.2.2c and
 * 8.2.2b.
 */
class EmergencyReportIntegrationTests extends IntegrationTestSupport {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

	@Autowired
	EmergencyPlanApproval approval;

	EmergencyWorld world;
	String manager;
	String agent;

	@BeforeEach
	void world() {
		world = new EmergencyWorld(jdbc, api());
		manager = world.token(world.manager);
		agent = world.token(world.agent);
	}

	@Test
	void theFaultReportCarriesTheEventsChineseTextAndTheTimelinesTimes() throws Exception {
		long plan = world.approvedPlan(approval, "社保核心系统应急预案");
		long ticket = world.fixtures.submitted("社保缴费系统无法登录").get("ticket").get("id").asLong();
		JsonNode declared = world.api.post("/api/v1/emergency-events", manager, Map.of("title", "社保缴费系统中断",
				"description", "全市社保缴费窗口无法办理业务。", "level", "SERIOUS", "planId", plan, "ticketId", ticket))
			.json();
		long id = declared.get("id").asLong();
		String base = "/api/v1/emergency-events/" + id;
		world.api.post(base + "/actions", manager, Map.of("phase", "DIAGNOSIS", "text", "数据库连接池耗尽导致登录超时"));
		for (JsonNode step : declared.get("steps")) {
			world.api.post(base + "/steps/" + step.get("id").asLong() + "/done", agent, Map.of());
		}
		world.api.post(base + "/actions", agent, Map.of("phase", "RECOVERY", "text", "扩容连接池并重启应用，业务恢复"));
		assertThat(world.api.post(base + "/close", manager, Map.of("summary", "连接池参数已固化到配置基线。")).status())
			.isEqualTo(200);
		JsonNode timeline = world.api.get(base + "/timeline", agent).json();

		HttpResponse<byte[]> pdf = download(base + "/fault-report", agent);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains(".pdf");
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			// a table cell's text may wrap onto a second line: read the page's text without its line breaks
			text = new PDFTextStripper().getText(document).replaceAll("\\s*\\R\\s*", "");
			assertThat(PrintingPixels.inked(new PDFRenderer(document).renderImageWithDPI(0, 72))).isGreaterThan(2_000);
		}
		assertThat(text).contains("故障报告", declared.get("number").asString(), "社保缴费系统中断",
				"全市社保缴费窗口无法办理业务。", "数据库连接池耗尽导致登录超时", "扩容连接池并重启应用，业务恢复",
				"连接池参数已固化到配置基线。");
		// every entry's time, to the second, as the timeline has it; the recovery is the last recovery action
		for (JsonNode entry : timeline) {
			assertThat(text).contains(SECONDS.format(Instant.parse(entry.get("at").asString())));
		}
		Instant recovered = Instant.parse(timeline.get(timeline.size() - 2).get("at").asString());
		assertThat(timeline.get(timeline.size() - 2).get("phase").asString()).isEqualTo("RECOVERY");
		assertThat(text).contains(SECONDS.format(recovered));

		HttpResponse<byte[]> word = download(base + "/fault-report?format=docx", agent);
		assertThat(word.headers().firstValue("Content-Type").orElseThrow())
			.startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(word.body()));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			assertThat(extractor.getText()).contains("故障报告", "社保缴费系统中断", "数据库连接池耗尽导致登录超时",
					SECONDS.format(recovered));
		}

		try (PDDocument document = Loader.loadPDF(download(base + "/post-event-report", agent).body())) {
			assertThat(new PDFTextStripper().getText(document).replaceAll("\\s*\\R\\s*", "")).contains("事后总结报告", "连接池参数已固化到配置基线。",
					"共 " + declared.get("steps").size() + " 步，已完成 " + declared.get("steps").size() + " 步");
		}

		var evidence = world.api.get("/api/v1/compliance/items/9.2.2c?provider=" + world.fixtures.providerParty,
				world.fixtures.managerToken).json().get("item");
		// the closed event's report is not drafted yet: the register says so (EmergencyReportApprovalIntegrationTests
		// issues one and sees the item evidenced)
		assertThat(evidence.get("state").asString()).isEqualTo("PARTIAL");
		assertThat(evidence.get("gaps").toString()).contains("应急事件 " + declared.get("number").asString() + " 尚未起草故障报告");
		assertThat(evidence.toString()).contains("/emergency/events/" + id + "/fault-report?format=pdf");
	}

	@Test
	void theDrillReportCarriesTheStepsAndTheSummaryAndEvidencesTheDrillReportItem() throws Exception {
		long plan = world.approvedPlan(approval, "政务云机房断电应急预案");
		JsonNode drill = world.api.post("/api/v1/drills", manager, Map.of("planId", plan, "title", "机房断电切换演练",
				"objective", "检验双路市电切换", "subjects", "UPS 与柴油发电机", "method", "FULL_SCALE", "participants",
				"机房组、网络组", "place", "市政务云机房", "plannedAt", "2026-12-20T02:00:00Z", "contacts",
				List.of(world.id(world.agent), world.id(world.manager)))).json();
		String base = "/api/v1/drills/" + drill.get("id").asLong();
		world.api.post(base + "/start", agent, null);
		for (JsonNode step : drill.get("steps")) {
			world.api.post(base + "/steps/" + step.get("id").asLong() + "/start", agent, null);
			world.api.post(base + "/steps/" + step.get("id").asLong() + "/finish", agent, null);
		}
		JsonNode finished = world.api.post(base + "/finish", manager, Map.of("summary", "切换用时 4 分钟，符合预期。",
				"improvements", "发电机油量巡检改为每周。", "revisionRequired", false)).json();

		try (PDDocument document = Loader.loadPDF(download(base + "/report", agent).body())) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s*\\R\\s*", "");
			assertThat(text).contains("应急演练报告", "机房断电切换演练", "检验双路市电切换", "切换用时 4 分钟，符合预期。",
					"发电机油量巡检改为每周。", "无需修订预案。");
			for (JsonNode step : finished.get("steps")) {
				assertThat(text).contains(SECONDS.format(Instant.parse(step.get("finishedAt").asString())));
			}
		}
		var evidence = world.api.get("/api/v1/compliance/items/8.2.2b?provider=" + world.fixtures.providerParty,
				world.fixtures.managerToken).json().get("item");
		assertThat(evidence.get("state").asString()).isEqualTo("PARTIAL");
		assertThat(evidence.get("gaps").toString()).contains("演练“机房断电切换演练”尚未起草演练报告");
		assertThat(evidence.toString()).contains(base.replace("/api/v1/drills", "/emergency/drills") + "/report");
	}

	@Test
	void aBadFormatIsRefusedNamingTheFieldAndOutsidersAreRefused() {
		long id = world.api.post("/api/v1/emergency-events", manager, Map.of("title", "机房空调故障", "description",
				"机房温度升高。", "level", "GENERAL")).json().get("id").asLong();
		var refused = world.api.get("/api/v1/emergency-events/" + id + "/fault-report?format=xlsx", agent);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").propertyNames()).contains("format");
		assertThat(download("/api/v1/emergency-events/" + id + "/fault-report",
				world.token(world.fixtures.bureauUser)).statusCode()).isEqualTo(403);
		assertThat(download("/api/v1/emergency-events/999999999/post-event-report", agent).statusCode())
			.isEqualTo(404);
		assertThat(download("/api/v1/drills/999999999/report", agent).statusCode()).isEqualTo(404);
	}

	private HttpResponse<byte[]> download(String path, String token) {
		try {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN").build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (Exception failed) {
			throw new AssertionError(failed);
		}
	}

	/** Dark pixels on a rendered page. */
	static final class PrintingPixels {

		static int inked(java.awt.image.BufferedImage image) {
			int dark = 0;
			for (int y = 0; y < image.getHeight(); y++) {
				for (int x = 0; x < image.getWidth(); x++) {
					int rgb = image.getRGB(x, y);
					if ((((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3 < 128) {
						dark++;
					}
				}
			}
			return dark;
		}
	}
}
