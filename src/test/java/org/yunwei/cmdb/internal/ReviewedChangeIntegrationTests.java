package org.yunwei.cmdb.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;

/**
 * 配置管理审核流程 through the API: an edit of an item whose class (or an ancestor class) requires review waits for the
 * approval module and applies only when granted, for the hash submitted; rejected, returned or withdrawn it leaves the
 * item as it was; a newer edit, or any change of the item meanwhile, supersedes it. The reviews and the change records
 * are the evidence of 7.4.2b and 7.4.2c, and a 配置管理制度 in force makes 7.4.2a evidenced.
 */
@EnableScenarios
class ReviewedChangeIntegrationTests extends IntegrationTestSupport {

	@Autowired
	CiReview review;

	CmdbFixtures world;
	String writer;
	String approver;
	long classId;
	long parentClassId;

	@BeforeEach
	void world() {
		world = new CmdbFixtures(jdbc, api());
		writer = world.token(world.lead);
		String approverName = world.directory.user(world.providerUnit);
		jdbc.sql("update org_unit set lead_id = ? where id = ?")
			.params(world.directory.userId(approverName), world.providerUnit).update();
		approver = world.token(approverName);
		String manager = world.token(world.manager);
		var parent = api().post("/api/v1/ci-classes", manager, Map.of("code", TestDirectory.unique("REVIEWED_"),
				"name", TestDirectory.unique("核心网络设备"), "reviewRequired", true));
		assertThat(parent.status()).as(parent.body()).isEqualTo(201);
		parentClassId = parent.json().get("id").asLong();
		var child = api().post("/api/v1/ci-classes", manager, Map.of("code", TestDirectory.unique("CORE_SWITCH_"),
				"name", TestDirectory.unique("核心交换机"), "parentId", parent.json().get("id").asLong()));
		assertThat(child.status()).as(child.body()).isEqualTo(201);
		assertThat(child.json().get("reviewRequired").asBoolean()).isFalse();
		assertThat(child.json().get("reviewInherited").asBoolean()).isTrue();
		classId = child.json().get("id").asLong();
	}

	@Test
	void anEditOfAReviewedClassAppliesOnlyWhenGrantedAndIsKeptInTheHistory(Scenario scenario) {
		long item = create("核心交换机-A");
		var submitted = api().put("/api/v1/cis/" + item, writer, edit("核心交换机-A1", "10.1.1.1", "更换管理地址"));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
		assertThat(submitted.json().get("state").asString()).isEqualTo("PENDING");
		long request = submitted.json().get("approvalRequestId").asLong();
		assertThat(name(item)).isEqualTo("核心交换机-A");
		assertThat(api().get("/api/v1/cis/" + item, writer).json().get("ipAddress").isNull()).isTrue();
		assertThat(audits("CI_CHANGE_SUBMITTED", item)).isEqualTo(1);

		scenario.stimulate(() -> api().post("/api/v1/approvals/" + request + "/decisions", approver,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> name(item), "核心交换机-A1"::equals)
			.andVerify(name -> assertThat(name).isEqualTo("核心交换机-A1"));

		assertThat(api().get("/api/v1/cis/" + item, writer).json().get("ipAddress").asString()).isEqualTo("10.1.1.1");
		JsonNode newest = api().get("/api/v1/cis/" + item + "/history", writer).json().get("items").get(0);
		assertThat(newest.get("kind").asString()).isEqualTo("REVIEWED");
		assertThat(newest.get("reason").asString()).isEqualTo("更换管理地址");
		assertThat(newest.get("changedByName").asString()).isNotBlank();
		JsonNode reviews = api().get("/api/v1/cis/" + item + "/reviews", writer).json();
		assertThat(reviews.get(0).get("state").asString()).isEqualTo("APPLIED");
		assertThat(audits("CI_CHANGE_APPLIED", item)).isEqualTo(1);

		// the grant delivered again changes nothing
		review.granted(item, submitted.json().get("contentHash").asString(), Instant.now());
		assertThat(audits("CI_CHANGE_APPLIED", item)).isEqualTo(1);
		assertThat(api().get("/api/v1/cis/" + item + "/history", writer).json().get("items").size()).isEqualTo(2);
	}

	@Test
	void aRejectionLeavesTheItemAsItWasAndBadInputSubmitsNothing(Scenario scenario) {
		long item = create("核心交换机-B");
		var refused = api().put("/api/v1/cis/" + item, writer, edit("核心交换机-B", "10.0.0.300", "改地址"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("errors").propertyNames()).contains("ipAddress");
		assertThat(pendingCount(item)).isZero();
		var noReason = api().put("/api/v1/cis/" + item, writer, edit("核心交换机-B2", null, " "));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(pendingCount(item)).isZero();

		var submitted = api().put("/api/v1/cis/" + item, writer, edit("核心交换机-B2", null, "改名"));
		assertThat(submitted.status()).isEqualTo(202);
		long pending = submitted.json().get("id").asLong();
		long request = submitted.json().get("approvalRequestId").asLong();
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + request + "/decisions", approver,
				Map.of("decision", "REJECT", "reason", "命名不符合规范")))
			.andWaitForStateChange(() -> state(pending), "REJECTED"::equals)
			.andVerify(state -> assertThat(name(item)).isEqualTo("核心交换机-B"));
		assertThat(api().get("/api/v1/cis/" + item + "/reviews", writer).json().get(0).get("decisionReason")
			.asString()).isEqualTo("命名不符合规范");
		assertThat(api().get("/api/v1/cis/" + item + "/history", writer).json().get("items").size()).isEqualTo(1);
		assertThat(audits("CI_CHANGE_NOT_APPROVED", item)).isEqualTo(1);
		// another customer's people do not see the item, nor its reviews
		assertThat(api().get("/api/v1/cis/" + item + "/reviews", world.token(world.otherCustomerUser)).status())
			.isIn(403, 404);
	}

	@Test
	void aNewerEditOrAChangeOfTheItemMeanwhileSupersedesTheWaitingOne(Scenario scenario) {
		long item = create("核心交换机-C");
		var first = api().put("/api/v1/cis/" + item, writer, edit("核心交换机-C1", null, "第一次修改"));
		var second = api().put("/api/v1/cis/" + item, writer, edit("核心交换机-C2", null, "第二次修改"));
		assertThat(second.status()).isEqualTo(202);
		assertThat(state(first.json().get("id").asLong())).isEqualTo("SUPERSEDED");
		assertThat(review.waitingOf(item).orElseThrow().id()).isEqualTo(second.json().get("id").asLong());

		// a lifecycle move of the item is reviewed too, and supersedes the waiting edit
		var move = api().post("/api/v1/cis/" + item + "/lifecycle", writer,
				Map.of("lifecycle", "UNDER_REPAIR", "reason", "送修"));
		assertThat(move.status()).as(move.body()).isEqualTo(202);
		assertThat(state(second.json().get("id").asLong())).isEqualTo("SUPERSEDED");

		// the item changes meanwhile (the rule lifted, the move applied at once): the waiting edit no longer applies
		var third = api().put("/api/v1/cis/" + item, writer, edit("核心交换机-C3", null, "第三次修改"));
		assertThat(third.status()).isEqualTo(202);
		assertThat(state(move.json().get("id").asLong())).isEqualTo("SUPERSEDED");
		jdbc.sql("update ci_class set review_required = false where id = ?").param(parentClassId).update();
		assertThat(api().post("/api/v1/cis/" + item + "/lifecycle", writer,
				Map.of("lifecycle", "UNDER_REPAIR", "reason", "送修")).status()).isEqualTo(200);
		jdbc.sql("update ci_class set review_required = true where id = ?").param(parentClassId).update();
		long pending = third.json().get("id").asLong();
		long request = third.json().get("approvalRequestId").asLong();
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + request + "/decisions", approver,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> state(pending), "SUPERSEDED"::equals)
			.andVerify(state -> assertThat(name(item)).isEqualTo("核心交换机-C"));
		assertThat(audits("CI_CHANGE_APPLIED", item)).isZero();
	}

	@Test
	void aLifecycleMoveOfAReviewedClassWaitsForItsReviewAndAppliesWhenGranted(Scenario scenario) {
		long item = create("核心交换机-E");
		// a move the lifecycle does not allow is refused at once, nothing submitted
		var refused = api().post("/api/v1/cis/" + item + "/lifecycle", writer,
				Map.of("lifecycle", "DISPOSED", "reason", "报废"));
		assertThat(refused.status()).isEqualTo(422);
		var noReason = api().post("/api/v1/cis/" + item + "/lifecycle", writer, Map.of("lifecycle", "RETIRED"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").propertyNames()).contains("reason");
		assertThat(pendingCount(item)).isZero();

		var retire = api().post("/api/v1/cis/" + item + "/lifecycle", writer,
				Map.of("lifecycle", "RETIRED", "reason", "设备到期退役"));
		assertThat(retire.status()).as(retire.body()).isEqualTo(202);
		assertThat(retire.json().get("kind").asString()).isEqualTo("LIFECYCLE");
		assertThat(retire.json().get("changes").get(0).get("after").asString()).isEqualTo("RETIRED");
		assertThat(lifecycle(item)).isEqualTo("IN_USE");
		long request = retire.json().get("approvalRequestId").asLong();
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + request + "/decisions", approver,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> lifecycle(item), "RETIRED"::equals)
			.andVerify(state -> assertThat(state).isEqualTo("RETIRED"));
		JsonNode newest = api().get("/api/v1/cis/" + item + "/history", writer).json().get("items").get(0);
		assertThat(newest.get("kind").asString()).isEqualTo("LIFECYCLE");
		assertThat(newest.get("reason").asString()).isEqualTo("设备到期退役");
		assertThat(audits("CI_CHANGE_APPLIED", item)).isEqualTo(1);
		assertThat(audits("CI_LIFECYCLE_CHANGED", item)).isEqualTo(1);
		// delivered again, nothing more happens
		review.granted(item, retire.json().get("contentHash").asString(), Instant.now());
		assertThat(audits("CI_LIFECYCLE_CHANGED", item)).isEqualTo(1);
	}

	@Test
	void relationsOfAReviewedItemWaitForTheirReviewEitherEndDecides(Scenario scenario) {
		long reviewed = create("核心交换机-F");
		long plain = plainItem("接入交换机-F");
		// related from the item of the class that is not reviewed: the other end's class decides
		var asked = api().post("/api/v1/cis/" + plain + "/relations", writer,
				Map.of("targetId", reviewed, "type", "CONNECTED_TO", "reason", "上联核心"));
		assertThat(asked.status()).as(asked.body()).isEqualTo(202);
		assertThat(asked.json().get("kind").asString()).isEqualTo("RELATION_ADDED");
		assertThat(liveRelations(plain, reviewed)).isZero();
		long addRequest = asked.json().get("approvalRequestId").asLong();
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + addRequest + "/decisions", approver,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> liveRelations(plain, reviewed), n -> n == 1)
			.andVerify(n -> assertThat(n).isEqualTo(1));
		assertThat(api().get("/api/v1/cis/" + reviewed + "/history", writer).json().get("items").get(0).get("kind")
			.asString()).isEqualTo("RELATION_ADDED");

		// removing it is reviewed too; rejected, the relation stays
		long relation = jdbc.sql("select id from ci_relation where source_id = ? and target_id = ?")
			.params(plain, reviewed).query(Long.class).single();
		var removal = api().delete("/api/v1/cis/" + reviewed + "/relations/" + relation + "?reason=拆除", writer);
		assertThat(removal.status()).as(removal.body()).isEqualTo(202);
		long removalId = removal.json().get("id").asLong();
		long removeRequest = removal.json().get("approvalRequestId").asLong();
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + removeRequest + "/decisions", approver,
				Map.of("decision", "REJECT", "reason", "仍在使用")))
			.andWaitForStateChange(() -> state(removalId), "REJECTED"::equals)
			.andVerify(state -> assertThat(liveRelations(plain, reviewed)).isEqualTo(1));

		// asked again and granted, it ends
		var again = api().delete("/api/v1/cis/" + reviewed + "/relations/" + relation + "?reason=拆除", writer);
		long againRequest = again.json().get("approvalRequestId").asLong();
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + againRequest + "/decisions", approver,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> liveRelations(plain, reviewed), n -> n == 0)
			.andVerify(n -> assertThat(audits("CI_CHANGE_APPLIED", reviewed)).isEqualTo(1));

		// two items of classes that are not reviewed relate at once, as before
		long other = plainItem("接入交换机-G");
		assertThat(api().post("/api/v1/cis/" + plain + "/relations", writer,
				Map.of("targetId", other, "type", "CONNECTED_TO")).status()).isEqualTo(201);
	}

	@Test
	void reviewsAndChangeRecordsAreEvidenceAndThePolicyInForceCompletesTheLedgersItem(Scenario scenario) {
		long item = create("核心交换机-D");
		var submitted = api().put("/api/v1/cis/" + item, writer, edit("核心交换机-D1", null, "调整名称"));
		long request = submitted.json().get("approvalRequestId").asLong();
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + request + "/decisions", approver,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> name(item), "核心交换机-D1"::equals)
			.andVerify(name -> assertThat(name).isEqualTo("核心交换机-D1"));

		String manager = world.token(world.manager);
		JsonNode reviews = evidence("7.4.2b", manager);
		assertThat(reviews.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(figure(reviews, "期间提交审核的修改")).isEqualTo(1);
		assertThat(figure(reviews, "其中已批准并生效")).isEqualTo(1);
		assertThat(reviews.get("records").get(0).get("text").asString()).contains("核心交换机-D1", "调整名称");
		JsonNode changes = evidence("7.4.2c", manager);
		assertThat(changes.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(figure(changes, "期间的配置项变化记录")).isEqualTo(2);
		assertThat(figure(changes, "期间经审核生效的修改")).isEqualTo(1);

		assertThat(evidence("7.4.2a", manager).get("missing").toString()).contains("配置管理制度");
		publishConfigurationPolicy();
		JsonNode rules = evidence("7.4.2a", manager);
		assertThat(rules.get("state").asString()).isEqualTo("EVIDENCED");
		assertThat(rules.get("missing").toString()).doesNotContain("配置管理制度");
	}

	private long create(String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("classId", classId);
		body.put("name", name);
		body.put("lifecycle", "IN_USE");
		body.put("customerUnitId", world.bureau);
		body.put("attributes", Map.of());
		var created = api().post("/api/v1/cis", writer, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** An item of a shipped class that requires no review. */
	private long plainItem(String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("classId", world.classId("NETWORK_DEVICE"));
		body.put("name", name);
		body.put("lifecycle", "IN_USE");
		body.put("customerUnitId", world.bureau);
		body.put("attributes", Map.of("device_type", "SWITCH"));
		var created = api().post("/api/v1/cis", writer, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private String lifecycle(long item) {
		return jdbc.sql("select lifecycle from configuration_item where id = ?").param(item).query(String.class)
			.single();
	}

	private long liveRelations(long source, long target) {
		return jdbc.sql("select count(*) from ci_relation where source_id = ? and target_id = ? and removed_at is null")
			.params(source, target).query(Long.class).single();
	}

	private Map<String, Object> edit(String name, String ip, String reason) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("ipAddress", ip);
		body.put("customerUnitId", world.bureau);
		body.put("attributes", Map.of());
		body.put("reason", reason);
		return body;
	}

	private String name(long item) {
		return jdbc.sql("select name from configuration_item where id = ?").param(item).query(String.class).single();
	}

	private String state(long pending) {
		return jdbc.sql("select state from ci_pending_change where id = ?").param(pending).query(String.class)
			.single();
	}

	private long pendingCount(long item) {
		return jdbc.sql("select count(*) from ci_pending_change where item_id = ?").param(item).query(Long.class)
			.single();
	}

	private long audits(String action, long id) {
		return jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(id)).query(Long.class).single();
	}

	private JsonNode evidence(String item, String token) {
		var answer = api().get("/api/v1/compliance/items/" + item + "?provider=" + world.providerParty, token);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json().get("item");
	}

	private static long figure(JsonNode evidence, String label) {
		List<String> seen = new ArrayList<>();
		for (JsonNode figure : evidence.get("figures")) {
			seen.add(figure.toString());
			if (figure.toString().contains(label)) {
				return figure.get("value").asLong();
			}
		}
		throw new AssertionError(label + " not among " + seen);
	}

	/** A 配置管理制度 kept by the provider, published, written straight into the document library's tables. */
	private void publishConfigurationPolicy() {
		long owner = world.directory.userId(world.lead);
		long category = jdbc.sql("select id from document_category where code = 'CONFIGURATION'").query(Long.class)
			.single();
		long document = jdbc.sql("""
				insert into document (category_id, title, owner_id, party_id, effective_date)
				values (?, '配置管理制度', ?, ?, current_date) returning id""")
			.params(category, owner, world.providerParty).query(Long.class).single();
		long version = jdbc.sql("""
				insert into document_version (document_id, number, status, kind, body, sha256, created_by,
				  created_by_name, published_at)
				values (?, 1, 'PUBLISHED', 'TEXT', '配置管理制度正文', 'x', ?, '测试', now()) returning id""")
			.params(document, owner).query(Long.class).single();
		jdbc.sql("update document set current_version_id = ? where id = ?").params(version, document).update();
	}
}
