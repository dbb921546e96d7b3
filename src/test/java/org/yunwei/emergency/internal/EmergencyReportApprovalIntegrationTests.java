package org.yunwei.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Reports as documents through the API: drafted from the timeline, edited with versions, refused when edited in
 * review, editable again once rejected, issued and frozen once approved (409 on an edit), printed from the stored
 * text (草稿 before, the approver and date after), who may write and read them, and the register preferring issued
 * reports over drafts (9.2.2c, 8.2.2b).
 */
@EnableScenarios
class EmergencyReportApprovalIntegrationTests extends IntegrationTestSupport {

	@Autowired
	EmergencyPlanApproval planApproval;

	@Autowired
	EmergencyReportApproval reportApproval;

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
	void aFaultReportIsEditedRejectedEditedAgainApprovedAndThenFrozen(Scenario scenario) throws Exception {
		long id = closedEvent("市民卡系统中断", "存储阵列告警");
		String report = "/api/v1/emergency-events/" + id + "/reports/fault";

		JsonNode preview = world.api.get(report, agent).json();
		assertThat(preview.get("status").asString()).isEqualTo("NOT_DRAFTED");
		assertThat(section(preview, "cause")).contains("存储阵列告警");
		assertThat(world.api.post(report, agent, null).status()).isEqualTo(403);
		var drafted = world.api.post(report, manager, null);
		assertThat(drafted.status()).isEqualTo(201);
		assertThat(drafted.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(drafted.json().get("revision").asInt()).isEqualTo(1);
		assertThat(world.api.post(report, manager, null).status()).isEqualTo(409);

		JsonNode edited = world.api.put(report, manager, Map.of("sections",
				Map.of("cause", "根本原因：存储控制器固件缺陷导致卷只读。"))).json();
		assertThat(edited.get("revision").asInt()).isEqualTo(2);
		assertThat(section(edited, "cause")).isEqualTo("根本原因：存储控制器固件缺陷导致卷只读。");
		assertThat(edited.get("history").get(0).get("action").asString()).isEqualTo("EDITED");
		assertThat(edited.get("history").get(0).get("changed").toString()).contains("故障原因");
		assertThat(edited.get("history").get(0).get("actorName").asString()).isNotBlank();
		var refused = world.api.put(report, manager, Map.of("sections", Map.of("bogus", "x", "cause", "改")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").propertyNames()).contains("sections.bogus");
		assertThat(world.api.get(report, agent).json().get("revision").asInt()).isEqualTo(2);
		assertThat(world.api.put(report, agent, Map.of("sections", Map.of("cause", "改"))).status()).isEqualTo(403);

		JsonNode submitted = world.api.post(report + "/submit", manager, null).json();
		assertThat(submitted.get("status").asString()).isEqualTo("IN_REVIEW");
		long request = submitted.get("approvalRequestId").asLong();
		var inReview = world.api.put(report, manager, Map.of("sections", Map.of("cause", "再改")));
		assertThat(inReview.status()).isEqualTo(409);
		assertThat(inReview.body()).contains("emergency-report-in-review");

		String approver = world.token(world.approver);
		scenario.stimulate(() -> world.api.post("/api/v1/approvals/" + request + "/decisions", approver,
				Map.of("decision", "REJECT", "reason", "恢复时间写得不清楚")))
			.andWaitForStateChange(() -> status(id, "FAULT"), "DRAFT"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("DRAFT"));
		assertThat(world.api.get(report, manager).json().get("returnReason").asString()).isEqualTo("恢复时间写得不清楚");
		JsonNode again = world.api.put(report, manager, Map.of("sections",
				Map.of("recovery", "更换控制器后于 10 时 20 分恢复业务。"))).json();
		assertThat(again.get("revision").asInt()).isEqualTo(3);

		long second = world.api.post(report + "/submit", manager, null).json().get("approvalRequestId").asLong();
		scenario.stimulate(() -> world.api.post("/api/v1/approvals/" + second + "/decisions", approver,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> status(id, "FAULT"), "ISSUED"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("ISSUED"));
		String approverName = jdbc.sql("select display_name from app_user where username = ?").param(world.approver)
			.query(String.class).single();
		JsonNode issued = world.api.get(report, agent).json();
		assertThat(issued.get("approvedBy").toString()).contains(approverName);
		assertThat(issued.get("issuedAt").isNull()).isFalse();
		List<String> actions = new ArrayList<>();
		issued.get("history").forEach(h -> actions.add(h.get("action").asString()));
		assertThat(actions).containsExactly("APPROVED", "SUBMITTED", "EDITED", "REJECTED", "SUBMITTED", "EDITED",
				"DRAFTED");

		var frozen = world.api.put(report, manager, Map.of("sections", Map.of("cause", "发布后再改")));
		assertThat(frozen.status()).isEqualTo(409);
		assertThat(frozen.body()).contains("emergency-report-issued");
		assertThat(world.api.post(report + "/submit", manager, null).status()).isEqualTo(409);
		assertThat(world.api.get(report, agent).json().get("revision").asInt()).isEqualTo(3);

		String text = pdfText("/api/v1/emergency-events/" + id + "/fault-report", agent);
		assertThat(text).contains("故障报告", "根本原因：存储控制器固件缺陷导致卷只读。", "更换控制器后于 10 时 20 分恢复业务。",
				"已发布", approverName).doesNotContain("草稿");
		for (JsonNode entry : world.api.get("/api/v1/emergency-events/" + id + "/timeline", agent).json()) {
			assertThat(text).contains(EmergencyReportIntegrationTests.SECONDS
				.format(Instant.parse(entry.get("at").asString())));
		}
		// the Word document is made from the same stored text
		assertThat(wordText("/api/v1/emergency-events/" + id + "/fault-report?format=docx", agent)).contains("故障报告",
				"根本原因：存储控制器固件缺陷导致卷只读。", "更换控制器后于 10 时 20 分恢复业务。", "已发布", approverName)
			.doesNotContain("草稿");
		var evidence = world.api.get("/api/v1/compliance/items/9.2.2c?provider=" + world.fixtures.providerParty,
				world.fixtures.managerToken).json().get("item");
		assertThat(evidence.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(world.audits("EMERGENCY_REPORT_ISSUED", issued.get("id").asLong())).isEqualTo(1);
	}

	@Test
	void aDraftPrintsAsADraftGoesForApprovalOnlyOnceTheEventIsClosedAndTheRegisterNamesIt(Scenario scenario)
			throws Exception {
		long open = world.api.post("/api/v1/emergency-events", manager, Map.of("title", "政务外网出口拥塞",
				"description", "多个委办局访问缓慢。", "level", "GENERAL")).json().get("id").asLong();
		String report = "/api/v1/emergency-events/" + open + "/reports/post-event";
		assertThat(world.api.post(report, manager, null).status()).isEqualTo(201);
		assertThat(world.api.put(report, manager, Map.of("sections", Map.of("summary", "出口带宽不足，临时限流。")))
			.status()).isEqualTo(200);
		var early = world.api.post(report + "/submit", manager, null);
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.body()).contains("emergency-report-not-ended");
		assertThat(pdfText("/api/v1/emergency-events/" + open + "/post-event-report", agent))
			.contains("事后总结报告", "草稿", "出口带宽不足，临时限流。");
		assertThat(world.api.get("/api/v1/emergency-events/" + open + "/reports/nonsense", agent).status())
			.isEqualTo(404);

		long closed = closedEvent("社保卡制卡系统故障", "制卡机驱动异常");
		String fault = "/api/v1/emergency-events/" + closed + "/reports/fault";
		world.api.post(fault, manager, null);
		// a blank section is named, nothing goes for approval
		world.api.put(fault, manager, Map.of("sections", Map.of("lessons", " ")));
		var blank = world.api.post(fault + "/submit", manager, null);
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("errors").propertyNames()).containsExactly("sections.lessons");
		assertThat(status(closed, "FAULT")).isEqualTo("DRAFT");
		world.api.put(fault, manager, Map.of("sections", Map.of("lessons", "增加驱动版本巡检。")));
		JsonNode submitted = world.api.post(fault + "/submit", manager, null).json();
		long reportId = submitted.get("id").asLong();
		// a grant for a hash other than the one in review issues nothing
		reportApproval.granted(reportId, "0".repeat(64), submitted.get("approvalRequestId").asLong(), Instant.now());
		assertThat(status(closed, "FAULT")).isEqualTo("IN_REVIEW");
		// withdrawn by its writer, it is a draft again
		assertThat(world.api.post(fault + "/withdraw", agent, null).status()).isEqualTo(403);
		scenario.stimulate(() -> world.api.post(fault + "/withdraw", manager, null))
			.andWaitForStateChange(() -> status(closed, "FAULT"), "DRAFT"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("DRAFT"));
		assertThat(world.api.post(fault + "/withdraw", manager, null).status()).isEqualTo(409);

		String number = world.api.get("/api/v1/emergency-events/" + closed, agent).json().get("number").asString();
		var evidence = world.api.get("/api/v1/compliance/items/9.2.2c?provider=" + world.fixtures.providerParty,
				world.fixtures.managerToken).json().get("item");
		assertThat(evidence.get("gaps").toString()).contains("应急事件 " + number + " 的故障报告仅有草稿，尚未审批发布");

		// an outsider of the party reads nothing
		assertThat(world.api.get(fault, world.token(world.fixtures.bureauUser)).status()).isEqualTo(403);
	}

	@Test
	void theDrillReportIsEditedApprovedAndIssuedAndThenEvidencesTheDrillReportItem() throws Exception {
		long plan = world.approvedPlan(planApproval, "数据中心制冷故障应急预案");
		JsonNode drill = world.api.post("/api/v1/drills", manager, Map.of("planId", plan, "title", "制冷中断演练",
				"objective", "检验精密空调切换", "subjects", "精密空调", "method", "FUNCTIONAL", "participants", "机房组",
				"place", "市政务云机房", "plannedAt", "2026-12-20T02:00:00Z", "contacts",
				List.of(world.id(world.agent), world.id(world.manager)))).json();
		long drillId = drill.get("id").asLong();
		String base = "/api/v1/drills/" + drillId;
		world.api.post(base + "/start", agent, null);
		for (JsonNode step : drill.get("steps")) {
			world.api.post(base + "/steps/" + step.get("id").asLong() + "/start", agent, null);
			world.api.post(base + "/steps/" + step.get("id").asLong() + "/finish", agent, null);
		}
		world.api.post(base + "/finish", manager, Map.of("summary", "切换顺利。", "improvements", "补充温度告警阈值。",
				"revisionRequired", false));

		assertThat(world.api.post(base + "/report/content", manager, null).status()).isEqualTo(201);
		JsonNode edited = world.api.put(base + "/report/content", manager, Map.of("sections",
				Map.of("improvements", "温度告警阈值由 30 度调整为 27 度，每季度复核。"))).json();
		assertThat(edited.get("kind").asString()).isEqualTo("DRILL");
		assertThat(world.api.put(base + "/report/content", agent, Map.of("sections", Map.of("summary", "x")))
			.status()).isEqualTo(403);
		var before = world.api.get("/api/v1/compliance/items/8.2.2b?provider=" + world.fixtures.providerParty,
				world.fixtures.managerToken).json().get("item");
		assertThat(before.get("gaps").toString()).contains("演练“制冷中断演练”的演练报告仅有草稿，尚未审批发布");

		JsonNode submitted = world.api.post(base + "/report/submit", manager, null).json();
		String hash = submitted.get("contentHash").asString();
		reportApproval.granted(submitted.get("id").asLong(), hash, submitted.get("approvalRequestId").asLong(),
				Instant.now());
		assertThat(world.api.get(base + "/report/content", agent).json().get("status").asString()).isEqualTo("ISSUED");
		assertThat(pdfText(base + "/report", agent)).contains("应急演练报告", "已发布", "温度告警阈值由 30 度调整为 27 度，每季度复核。",
				"切换顺利。");
		var after = world.api.get("/api/v1/compliance/items/8.2.2b?provider=" + world.fixtures.providerParty,
				world.fixtures.managerToken).json().get("item");
		assertThat(after.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(after.get("gaps").toString()).doesNotContain("制冷中断演练");
	}

	/** An event declared, diagnosed, recovered and closed (no plan: no checklist to finish). */
	private long closedEvent(String title, String diagnosis) {
		long id = world.api.post("/api/v1/emergency-events", manager, Map.of("title", title, "description",
				title + "，影响全市窗口。", "level", "SERIOUS")).json().get("id").asLong();
		String base = "/api/v1/emergency-events/" + id;
		world.api.post(base + "/actions", manager, Map.of("phase", "DIAGNOSIS", "text", diagnosis));
		world.api.post(base + "/actions", agent, Map.of("phase", "RECOVERY", "text", "切换备用设备，业务恢复"));
		assertThat(world.api.post(base + "/close", manager, Map.of("summary", "已完成整改。")).status()).isEqualTo(200);
		return id;
	}

	private String status(long eventId, String kind) {
		return jdbc.sql("select status from emergency_report where event_id = ? and kind = ?").params(eventId, kind)
			.query(String.class).optional().orElse("NOT_DRAFTED");
	}

	private static String section(JsonNode report, String key) {
		for (JsonNode section : report.get("sections")) {
			if (section.get("key").asString().equals(key)) {
				return section.get("text").asString();
			}
		}
		throw new AssertionError("no section " + key);
	}

	private String wordText(String path, String token) throws Exception {
		HttpResponse<byte[]> word = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
			.header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(word.statusCode()).isEqualTo(200);
		try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(word.body()));
				var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
			return extractor.getText();
		}
	}

	private String pdfText(String path, String token) throws Exception {
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
			.header("Accept-Language", "zh-CN").build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			return new PDFTextStripper().getText(document).replaceAll("\\s*\\R\\s*", "");
		}
	}
}
