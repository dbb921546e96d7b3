package org.yunwei.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.ApiClient.Response;
import org.yunwei.support.IntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Drills through the API: planned for a plan in force with a contact per stage, run step by step in order with the
 * exact instants, screenshots (images only) attached to steps, finished with the summary, and the plan revision it
 * asks for closed once a newer version of the plan is approved.
 */
class EmergencyDrillIntegrationTests extends IntegrationTestSupport {

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
	void aDrillRunsStepByStepWithItsInstantsScreenshotsAndThePlanRevisionTrackedToClosure() {
		long plan = world.approvedPlan(approval, "核心网络中断应急预案");
		Response planned = world.api.post("/api/v1/drills", manager, drill(plan));
		assertThat(planned.status()).isEqualTo(201);
		JsonNode drill = planned.json();
		long id = drill.get("id").asLong();
		assertThat(drill.get("status").asString()).isEqualTo("PLANNED");
		assertThat(drill.get("steps").size()).isEqualTo(3);
		assertThat(drill.get("steps").get(0).get("contactId").asLong()).isEqualTo(world.id(world.agent));
		String base = "/api/v1/drills/" + id;
		long first = drill.get("steps").get(0).get("id").asLong();
		long second = drill.get("steps").get(1).get("id").asLong();

		// nothing runs before the drill starts; steps run in order
		assertThat(world.api.post(base + "/steps/" + first + "/start", agent, null).status()).isEqualTo(409);
		Instant before = Instant.now();
		assertThat(world.api.post(base + "/start", agent, null).status()).isEqualTo(200);
		assertThat(world.api.post(base + "/steps/" + second + "/start", agent, null).status()).isEqualTo(422);
		JsonNode started = world.api.post(base + "/steps/" + first + "/start", agent, null).json();
		// a screenshot must be an image by its bytes
		Response text = world.api.postFile(base + "/steps/" + first + "/screenshots", agent, "截图.png", "image/png",
				"not an image".getBytes());
		assertThat(text.status()).isEqualTo(400);
		Response shot = world.api.postFile(base + "/steps/" + first + "/screenshots", agent, "交换机告警.png",
				"image/png", png());
		assertThat(shot.status()).isEqualTo(201);
		JsonNode finished = world.api.post(base + "/steps/" + first + "/finish", agent, Map.of("note", "已到场"))
			.json();
		Instant after = Instant.now();
		JsonNode step = finished.get("steps").get(0);
		Instant stepStarted = Instant.parse(step.get("startedAt").asString());
		Instant stepFinished = Instant.parse(step.get("finishedAt").asString());
		assertThat(Instant.parse(started.get("startedAt").asString())).isBetween(before, stepStarted);
		assertThat(stepStarted).isBefore(stepFinished);
		assertThat(stepFinished).isBefore(after);
		assertThat(step.get("startedByName").asString()).isNotBlank();
		assertThat(step.get("screenshots").size()).isEqualTo(1);
		long screenshot = step.get("screenshots").get(0).get("id").asLong();
		Response download = world.api.getAccepting(base + "/screenshots/" + screenshot, manager, "image/png");
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.contentType()).startsWith("image/png");
		assertThat(world.audits("EMERGENCY_DRILL_SCREENSHOT_DOWNLOADED", id)).isEqualTo(1);

		// the drill finishes only once every step has
		assertThat(world.api.post(base + "/finish", manager, closing()).status()).isEqualTo(422);
		for (int i = 1; i < 3; i++) {
			long next = drill.get("steps").get(i).get("id").asLong();
			world.api.post(base + "/steps/" + next + "/start", agent, null);
			world.api.post(base + "/steps/" + next + "/finish", agent, null);
		}
		JsonNode done = world.api.post(base + "/finish", manager, closing()).json();
		assertThat(done.get("status").asString()).isEqualTo("FINISHED");
		assertThat(done.get("revisionRequired").asBoolean()).isTrue();
		assertThat(done.get("revisionClosed").asBoolean()).isFalse();

		// the plan's revision, approved, closes it
		world.api.put("/api/v1/emergency-plans/" + plan, manager, world.plan("核心网络中断应急预案（修订）"));
		world.submit(plan);
		var pending = jdbc.sql("""
				select v.id, v.content_hash from emergency_plan p join emergency_plan_version v
				on v.id = p.pending_version_id where p.id = ?""").param(plan)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		approval.granted((Long) pending[0], (String) pending[1], Instant.now());
		assertThat(world.api.get(base, agent).json().get("revisionClosed").asBoolean()).isTrue();
		var evidence = world.api.get("/api/v1/compliance/items/8.2.2a?provider=" + world.fixtures.providerParty,
				world.fixtures.managerToken).json().get("item");
		assertThat(evidence.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(evidence.get("gaps").toString()).doesNotContain("核心网络中断应急预案");
	}

	@Test
	void aPlanInForceWithoutADrillInTwelveMonthsIsFlagged() {
		world.approvedPlan(approval, "数据库宕机应急预案");
		String item = "/api/v1/compliance/items/8.2.2a?provider=" + world.fixtures.providerParty;
		var drilled = world.api.get(item, world.fixtures.managerToken).json().get("item");
		assertThat(drilled.get("state").asString()).isEqualTo("PARTIAL");
		assertThat(drilled.get("gaps").toString()).contains("数据库宕机应急预案");
		var report = world.api.get("/api/v1/compliance/items/8.2.2b?provider=" + world.fixtures.providerParty,
				world.fixtures.managerToken).json().get("item");
		assertThat(report.get("state").asString()).isEqualTo("PARTIAL");
	}

	@Test
	void aBadDrillPlanIsRefusedFieldByField() {
		long draft = world.createPlan("未生效的预案");
		Response refused = world.api.post("/api/v1/drills", manager, Map.of("planId", draft, "method", "PARTY",
				"contacts", List.of(999999999L)));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").propertyNames()).contains("planId", "title", "objective", "subjects",
				"method", "participants", "place", "plannedAt", "contacts[0]");
		assertThat(world.api.post("/api/v1/drills", agent, drill(draft)).status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from emergency_drill where plan_id = ?").param(draft).query(Long.class)
			.single()).isZero();
	}

	private Map<String, Object> drill(long plan) {
		return Map.of("planId", plan, "title", "2026 年核心网络中断应急演练", "objective", "检验网络中断时的响应速度",
				"subjects", "政务外网核心交换机", "method", "FUNCTIONAL", "participants", "网络组、服务台、各委办局信息科",
				"place", "市政务云机房", "plannedAt", "2026-12-20T02:00:00Z", "contacts",
				List.of(world.id(world.agent), world.id(world.manager)));
	}

	private static Map<String, Object> closing() {
		return Map.of("summary", "演练按计划完成，切换用时 12 分钟。", "improvements", "备用链路切换步骤需细化。",
				"revisionRequired", true);
	}

	static byte[] png() {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
