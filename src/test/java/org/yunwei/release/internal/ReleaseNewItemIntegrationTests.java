package org.yunwei.release.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;

/**
 * New configuration items a release brings, through the API: listed on the release and checked then against the
 * CMDB's class rules (each refusal names its field and changes nothing); approved with the release (listing one on an
 * approved release asks again); registered through the CMDB's facade on completion, in use, with the relation to the
 * item in scope and the release in the history — exactly once, and not at all when the CMDB refuses one then, which
 * leaves the release deployed and the versions unrecorded.
 */
class ReleaseNewItemIntegrationTests extends IntegrationTestSupport {

	@Test
	void newItemsAreCheckedWhenListedApprovedWithTheReleaseAndRegisteredOnceOnCompletion() {
		ReleaseWorld world = new ReleaseWorld(jdbc, api());
		String manager = world.token(world.manager);
		long app = world.item("APPLICATION_SYSTEM", TestDirectory.unique("不动产登记系统"), Map.of("dengbao_level", "L3"));
		long outside = world.item("PHYSICAL_SERVER", TestDirectory.unique("范围外服务器"), Map.of());
		String filing = TestDirectory.unique("BA-");
		world.item("APPLICATION_SYSTEM", TestDirectory.unique("已备案系统"),
				Map.of("dengbao_level", "L2", "filing_number", filing + "-taken"));
		JsonNode release = world.createRelease(world.release(TestDirectory.unique("移动端上线"), List.of(app),
				List.of()));
		long id = release.get("id").asLong();
		String number = release.get("number").asString();
		String items = "/api/v1/releases/" + id + "/new-items";
		long appClass = classId("APPLICATION_SYSTEM");
		long dbClass = classId("DATABASE");
		String hash = hash(id);

		// refusals name their fields and change nothing
		var empty = api().post(items, manager, Map.of());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(fields(empty.json())).contains("classId", "name");
		var broken = api().post(items, manager, map("classId", dbClass, "name", "不动产登记库", "ipAddress", "999.1.1.1",
				"attributes", Map.of("colour", "红"), "relationType", "RUNS_ON"));
		assertThat(broken.status()).isEqualTo(400);
		assertThat(fields(broken.json())).contains("attributes.db_product", "attributes.colour", "ipAddress",
				"relatedItemId");
		var notInScope = api().post(items, manager, map("classId", dbClass, "name", "不动产登记库", "attributes",
				Map.of("db_product", "DM"), "relatedItemId", outside, "relationType", "RUNS_ON"));
		assertThat(notInScope.status()).isEqualTo(400);
		assertThat(notInScope.json().get("errors").get("relatedItemId").asString()).isNotBlank();
		var otherUnit = api().post(items, manager, map("classId", dbClass, "name", "不动产登记库", "customerUnitId",
				world.otherCustomerUnit, "attributes", Map.of("db_product", "DM")));
		assertThat(otherUnit.status()).isEqualTo(400);
		assertThat(fields(otherUnit.json())).contains("customerUnitId");
		var taken = api().post(items, manager, map("classId", appClass, "name", "不动产移动端", "attributes",
				Map.of("dengbao_level", "L2", "filing_number", filing + "-taken")));
		assertThat(taken.status()).isEqualTo(400);
		assertThat(fields(taken.json())).contains("attributes.filing_number");
		assertThat(jdbc.sql("select new_items::text from release_record where id = ?").param(id).query(String.class)
			.single()).isEqualTo("[]");
		assertThat(hash(id)).isEqualTo(hash);
		assertThat(world.releaseAudits("RELEASE_NEW_ITEM_ADDED", id)).isZero();

		// listed: shown as a person reads it; taken off and listed again
		String mobile = TestDirectory.unique("不动产移动端");
		var listed = api().post(items, manager, map("classId", appClass, "name", mobile, "customerUnitId",
				world.bureau, "attributes", Map.of("dengbao_level", "L2", "filing_number", filing), "relatedItemId",
				app, "relationType", "DEPENDS_ON"));
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		JsonNode entry = listed.json().get("newItems").get(0);
		assertThat(entry.get("className").asString()).isEqualTo("应用系统");
		assertThat(entry.get("attributeTexts").toString()).contains("等保级别：第二级");
		assertThat(entry.get("customerUnitName").asString()).contains("局机关");
		assertThat(entry.get("createdItemId").isNull()).isTrue();
		String database = TestDirectory.unique("不动产登记库");
		Map<String, Object> db = map("classId", dbClass, "name", database, "ipAddress", "10.1.2.3", "attributes",
				Map.of("db_product", "DM"));
		int key = api().post(items, manager, db).json().get("newItems").get(1).get("key").asInt();
		assertThat(api().delete(items + "/" + key, manager).json().get("newItems").size()).isEqualTo(1);
		assertThat(api().delete(items + "/" + key, manager).status()).isEqualTo(404);

		// approved with the release; a new item listed on the approved release sends it to approval again
		long request = api().post("/api/v1/releases/" + id + "/submit", manager, null).json()
			.get("approvalRequestId").asLong();
		world.decide(request);
		awaitStatus(world, id, "APPROVED");
		JsonNode again = api().post(items, manager, db).json();
		assertThat(again.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(again.get("newItems").size()).isEqualTo(2);
		long second = again.get("approvalRequestId").asLong();
		assertThat(second).isNotEqualTo(request);
		world.decide(second);
		awaitStatus(world, id, "APPROVED");
		assertThat(api().post("/api/v1/releases/" + id + "/deployment", manager, deployment()).status())
			.isEqualTo(200);
		assertThat(api().post(items, manager, db).status()).as("deployed: the list is closed").isEqualTo(409);

		// the filing number is taken meanwhile: completion is refused naming the entry, and nothing changes
		long rival = world.item("APPLICATION_SYSTEM", TestDirectory.unique("抢先备案系统"),
				Map.of("dengbao_level", "L2", "filing_number", filing));
		var refused = api().post("/api/v1/releases/" + id + "/complete", manager, Map.of("note", "发布完成"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(fields(refused.json())).contains("newItems[1].attributes.filing_number");
		assertThat(world.releaseStatus(id)).isEqualTo("DEPLOYED");
		assertThat(items(mobile)).isZero();
		assertThat(items(database)).isZero();
		assertThat(jdbc.sql("select attributes ->> 'app_version' from configuration_item where id = ?").param(app)
			.query(String.class).optional().orElse(null)).isNull();

		// the rival's number is corrected: completion registers both, with the relation, exactly once
		var corrected = api().put("/api/v1/cis/" + rival, manager, map("name", "抢先备案系统", "customerUnitId",
				world.bureau, "attributes", Map.of("dengbao_level", "L2", "filing_number", filing + "-2"), "reason",
				"备案编号录错"));
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		var completed = api().post("/api/v1/releases/" + id + "/complete", manager, Map.of("note", "发布完成，验证通过"));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		JsonNode registered = completed.json().get("newItems");
		long mobileId = registered.get(0).get("createdItemId").asLong();
		long databaseId = registered.get(1).get("createdItemId").asLong();
		assertThat(items(mobile)).isEqualTo(1);
		assertThat(items(database)).isEqualTo(1);
		JsonNode mobileItem = api().get("/api/v1/cis/" + mobileId, manager).json();
		assertThat(mobileItem.get("lifecycle").asString()).isEqualTo("IN_USE");
		assertThat(mobileItem.get("customerUnitId").asLong()).isEqualTo(world.bureau);
		assertThat(mobileItem.get("attributes").get("filing_number").asString()).isEqualTo(filing);
		// a new application system runs the version the release deployed
		assertThat(mobileItem.get("attributes").get("app_version").asString()).isEqualTo("V2.4.0");
		assertThat(api().get("/api/v1/cis/" + databaseId, manager).json().get("ipAddress").asString())
			.isEqualTo("10.1.2.3");
		assertThat(jdbc.sql("select count(*) from ci_relation where source_id = ? and target_id = ? and type = ?")
			.params(mobileId, app, "DEPENDS_ON").query(Integer.class).single()).isEqualTo(1);
		// the history says the release brought it
		assertThat(jdbc.sql("select reason from ci_change where item_id = ? and kind = 'CREATED'").param(mobileId)
			.query(String.class).single()).startsWith(number + " 发布完成");
		assertThat(jdbc.sql("select attributes ->> 'app_version' from configuration_item where id = ?").param(app)
			.query(String.class).single()).isEqualTo("V2.4.0");
		assertThat(api().post("/api/v1/releases/" + id + "/complete", manager, Map.of("note", "再次完成")).status())
			.isEqualTo(409);
		assertThat(items(mobile)).isEqualTo(1);
		assertThat(world.releaseAudits("RELEASE_COMPLETED", id)).isEqualTo(1);
		assertThat(world.releaseAudits("RELEASE_NEW_ITEM_ADDED", id)).isEqualTo(3);
		assertThat(world.releaseAudits("RELEASE_NEW_ITEM_REMOVED", id)).isEqualTo(1);
	}

	private void awaitStatus(ReleaseWorld world, long id, String status) {
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.until(() -> world.releaseStatus(id), status::equals);
	}

	private long classId(String code) {
		return jdbc.sql("select id from ci_class where code = ?").param(code).query(Long.class).single();
	}

	private String hash(long id) {
		return jdbc.sql("select md5(row(title, new_items, version)::text) from release_record where id = ?").param(id)
			.query(String.class).single();
	}

	private int items(String name) {
		return jdbc.sql("select count(*) from configuration_item where name = ?").param(name).query(Integer.class)
			.single();
	}

	private static List<String> fields(JsonNode problem) {
		List<String> names = new java.util.ArrayList<>();
		problem.get("errors").propertyNames().forEach(names::add);
		return names;
	}

	private static Map<String, Object> deployment() {
		Instant now = Instant.now();
		return map("startedAt", now.minus(2, ChronoUnit.HOURS).toString(), "endedAt",
				now.minus(1, ChronoUnit.MINUTES).toString(), "steps",
				List.of(Map.of("description", "部署移动端并初始化数据库", "succeeded", true, "result", "完成")));
	}
}
