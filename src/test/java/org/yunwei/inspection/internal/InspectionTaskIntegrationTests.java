package org.yunwei.inspection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.HeldClusterLock;
import org.yunwei.support.IntegrationTestSupport;

import net.javacrumbs.shedlock.core.LockProvider;

/**
 * Doing an inspection through the API: drafts that a late retry cannot overwrite, photos sniffed by their bytes with
 * their EXIF kept, the signed submission refused while items are open, and the anomalies opening an incident for the
 * server inspected with the readings in it.
 */
class InspectionTaskIntegrationTests extends IntegrationTestSupport {

	@Autowired
	TaskGeneration generation;

	@Autowired
	LockProvider locks;

	InspectionWorld world;
	HeldClusterLock generating;
	long task;

	@BeforeEach
	void task() {
		world = new InspectionWorld(jdbc, api());
		generating = HeldClusterLock.hold(locks, "inspection-tasks");
		Map<String, Object> body = world.serverPlan("2026-06-01", "2026-06-30");
		body.put("assigneeIds", List.of(world.userId(world.inspector)));
		long plan = world.plan(body);
		generation.generate(plan, LocalDate.parse("2026-06-01"));
		task = jdbc.sql("select id from inspection_task where plan_id = ?").param(plan).query(Long.class).single();
	}

	@AfterEach
	void release() {
		generating.close();
	}

	private String path(String rest) {
		return "/api/v1/inspection-tasks/" + task + rest;
	}

	@Test
	void keepsTheNewestDraftAndIgnoresALateRetry() {
		String inspector = world.token(world.inspector);
		var saved = api().put(path("/draft"), inspector, Map.of("revision", 2, "results",
				Map.of("cpu", Map.of("value", "50"))));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.json().get("kept").asBoolean()).isTrue();
		var late = api().put(path("/draft"), inspector, Map.of("revision", 1, "results",
				Map.of("cpu", Map.of("value", "99"))));
		assertThat(late.json().get("kept").asBoolean()).isFalse();
		var again = api().put(path("/draft"), inspector, Map.of("revision", 2, "results",
				Map.of("cpu", Map.of("value", "50"))));
		assertThat(again.json().get("kept").asBoolean()).isFalse();
		var read = api().get(path(""), inspector);
		assertThat(read.json().get("results").get("cpu").get("value").asText()).isEqualTo("50");
		assertThat(read.json().get("status").asText()).isEqualTo("IN_PROGRESS");

		// not the agent's task; an unknown item or a word for a number is refused and changes nothing
		assertThat(api().put(path("/draft"), world.token(world.agent), Map.of("revision", 3, "results", Map.of()))
			.status()).isEqualTo(403);
		var refused = api().put(path("/draft"), inspector, Map.of("revision", 3, "results",
				Map.of("cpu", Map.of("value", "五十"), "nothing", Map.of("value", "x"))));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").propertyNames()).contains("results.cpu", "results.nothing");
		assertThat(api().get(path(""), inspector).json().get("draftRevision").asInt()).isEqualTo(2);
	}

	@Test
	void keepsAPhotoWithItsExifOnceAndRefusesWhatIsNoPhoto() {
		String inspector = world.token(world.inspector);
		byte[] photo = TestPhotos.jpegWithExif();
		var added = api().postFile(path("/photos?item=lights"), inspector, "IMG_0001.JPG", "image/jpeg", photo);
		assertThat(added.status()).isEqualTo(201);
		long id = added.json().get("photoId").asLong();
		var retried = api().postFile(path("/photos?item=lights"), inspector, "IMG_0001.JPG", "image/jpeg", photo);
		assertThat(retried.json().get("photoId").asLong()).isEqualTo(id);

		var view = api().get(path(""), inspector).json().get("photos");
		assertThat(view).hasSize(1);
		assertThat(view.get(0).get("takenAt").asText()).startsWith("2026-12-01T09:30");
		assertThat(view.get(0).get("latitude").asDouble()).isEqualTo(23.125);
		assertThat(view.get(0).get("longitude").asDouble()).isEqualTo(113.25);

		var notPhoto = api().postFile(path("/photos?item=lights"), inspector, "photo.jpg", "image/jpeg",
				"<html>not a photo</html>".getBytes());
		assertThat(notPhoto.status()).isEqualTo(415);
		var content = api().getAccepting(path("/photos/" + id), world.token(world.lead), "image/jpeg");
		assertThat(content.status()).isEqualTo(200);
		assertThat(content.contentType()).startsWith("image/jpeg");
		assertThat(api().get(path("/photos/" + id), world.token(world.otherLead)).status()).isEqualTo(404);
	}

	@Test
	void refusesAnUnsignedOrIncompleteSubmissionAndOpensAnIncidentForTheAnomalies() {
		String inspector = world.token(world.inspector);
		var incomplete = api().post(path("/submit"), inspector, Map.of("results",
				Map.of("cpu", Map.of("value", "95"))));
		assertThat(incomplete.status()).isEqualTo(400);
		assertThat(incomplete.json().get("errors").propertyNames())
			.contains("signature", "results.lights", "results.memory", "results.disk", "results.logs");
		assertThat(jdbc.sql("select status from inspection_task where id = ?").param(task).query(String.class)
			.single()).isEqualTo("OPEN");

		var submitted = api().post(path("/submit"), inspector, Map.of("signature", "李巡检", "results", Map.of(
				"lights", Map.of("value", "FAIL", "note", "电源模块告警灯亮"),
				"cpu", Map.of("value", "95"),
				"memory", Map.of("value", "40"),
				"disk", Map.of("value", "60"),
				"logs", Map.of("value", "PASS"))));
		assertThat(submitted.status()).isEqualTo(200);
		assertThat(submitted.json().get("anomalies")).hasSize(2);
		long incident = submitted.json().get("incidentTicketId").asLong();
		var ticket = jdbc.sql("""
				select type, channel, customer_org_unit_id, configuration_item, description, provider_party_id
				from ticket where id = ?""").param(incident).query((rs, n) -> Map.of("type", rs.getString(1),
						"channel", rs.getString(2), "unit", rs.getLong(3), "item", rs.getString(4), "description",
						rs.getString(5), "provider", rs.getLong(6))).single();
		assertThat(ticket.get("type")).isEqualTo("INCIDENT");
		assertThat(ticket.get("unit")).isEqualTo(world.bureau);
		assertThat(ticket.get("provider")).isEqualTo(world.providerParty);
		assertThat((String) ticket.get("item")).startsWith("数据局核心数据库服务器");
		assertThat((String) ticket.get("description")).contains("CPU 使用率: 95 %", "0 ~ 80", "电源模块告警灯亮");

		var read = api().get(path(""), world.token(world.lead)).json();
		assertThat(read.get("status").asText()).isEqualTo("DONE");
		assertThat(read.get("incidentTicketId").asLong()).isEqualTo(incident);
		assertThat(read.get("signature").asText()).isEqualTo("李巡检");
		assertThat(api().post(path("/submit"), inspector, Map.of("signature", "李巡检")).status()).isEqualTo(409);
	}

	@Test
	void aMachineRoomNeedsItsPhotoAndItsAnomaliesAreToldToThePlansOwner() {
		Map<String, Object> body = world.serverPlan("2026-06-01", "2026-06-30");
		body.put("templateId", world.shippedTemplate("LOCATION"));
		body.remove("ciIds");
		body.put("locations", List.of("1号楼3层机房", " ", "1号楼3层机房"));
		body.put("assigneeIds", List.of(world.userId(world.inspector)));
		long plan = world.plan(body);
		assertThat(jdbc.sql("select count(*) from inspection_plan_target where plan_id = ?").param(plan)
			.query(Integer.class).single()).isEqualTo(1);
		generation.generate(plan, LocalDate.parse("2026-06-01"));
		long room = jdbc.sql("select id from inspection_task where plan_id = ?").param(plan).query(Long.class)
			.single();
		String inspector = world.token(world.inspector);
		Map<String, Object> results = Map.of("temperature", Map.of("value", "31", "note", "空调停机"), "humidity",
				Map.of("value", "50"), "ups", Map.of("value", "PASS"), "air", Map.of("value", "FAIL"), "fire",
				Map.of("value", "PASS"), "access", Map.of("value", "PASS"), "leak", Map.of("value", "PASS"));
		var withoutPhoto = api().post("/api/v1/inspection-tasks/" + room + "/submit", inspector,
				Map.of("signature", "李巡检", "results", results));
		assertThat(withoutPhoto.status()).isEqualTo(400);
		assertThat(withoutPhoto.json().get("errors").propertyNames()).containsExactly("results.photo");

		assertThat(api().postFile("/api/v1/inspection-tasks/" + room + "/photos?item=photo", inspector, "room.jpg",
				"image/jpeg", TestPhotos.jpeg()).status()).isEqualTo(201);
		var submitted = api().post("/api/v1/inspection-tasks/" + room + "/submit", inspector,
				Map.of("signature", "李巡检", "results", results));
		assertThat(submitted.status()).isEqualTo(200);
		assertThat(submitted.json().get("anomalies")).hasSize(2);
		assertThat(submitted.json().get("incidentTicketId").isNull()).isTrue();
		assertThat(jdbc.sql("select count(*) from notification where user_id = ? and topic = 'inspection.anomaly'")
			.param(world.userId(world.lead)).query(Integer.class).single()).isEqualTo(1);
	}
}
