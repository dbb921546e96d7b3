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

		// the item moves along its lifecycle meanwhile: the waiting edit no longer applies when granted
		assertThat(api().post("/api/v1/cis/" + item + "/lifecycle", writer,
				Map.of("lifecycle", "UNDER_REPAIR", "reason", "送修")).status()).isEqualTo(200);
		long pending = second.json().get("id").asLong();
		long request = second.json().get("approvalRequestId").asLong();
		scenario.stimulate(() -> api().post("/api/v1/approvals/" + request + "/decisions", approver,
				Map.of("decision", "APPROVE")))
			.andWaitForStateChange(() -> state(pending), "SUPERSEDED"::equals)
			.andVerify(state -> assertThat(name(item)).isEqualTo("核心交换机-C"));
		assertThat(audits("CI_CHANGE_APPLIED", item)).isZero();
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
