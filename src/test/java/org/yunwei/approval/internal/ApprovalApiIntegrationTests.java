package org.yunwei.approval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.approval.internal.ApprovalWorld.subject;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient.Response;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;

/** The approval API as a client uses it: policies with their refusals, the inbox, a request, decisions. */
class ApprovalApiIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ApplicationContext context;

	ApprovalWorld world;

	@BeforeEach
	void world() {
		world = new ApprovalWorld(context, jdbc);
	}

	private String token(long userId) {
		String username = jdbc.sql("select username from app_user where id = ?").param(userId).query(String.class)
			.single();
		return Accounts.tokenFor(api(), username, TestDirectory.PASSWORD, null);
	}

	private Map<String, Object> policy(String name, String condition, List<Map<String, Object>> approvers) {
		return map("name", name, "description", "测试", "requesterMayApprove", false, "stages",
				List.of(map("name", "部门审核", "rule", "ANY", "requiredCount", 1, "condition", condition,
						"approvers", approvers)));
	}

	@Test
	void aPolicyIsCreatedReadPreviewedAndRevisedToANewVersion() {
		String keeper = token(world.keeper);
		String name = TestDirectory.unique("变更审批");
		Response created = api().post("/api/v1/approval-policies", keeper,
				policy(name, "amount >= 100", List.of(map("kind", "PERSON", "personId", world.first))));
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		long id = body.get("id").asLong();
		assertThat(body.get("version").asInt()).isEqualTo(1);
		assertThat(body.get("stages").get(0).get("approvers").get(0).get("label").asString()).contains("测试用户");

		Response preview = api().post("/api/v1/approval-policies/" + id + "/preview", keeper,
				map("requesterId", world.requester, "facts", map("amount", 500)));
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.json().get("stages").get(0).get("applies").asBoolean()).isTrue();
		assertThat(preview.json().get("stages").get(0).get("approvers").get(0).asString()).contains("测试用户");
		Response skipped = api().post("/api/v1/approval-policies/" + id + "/preview", keeper,
				map("requesterId", world.requester, "facts", map("amount", 5)));
		assertThat(skipped.json().get("stages").get(0).get("applies").asBoolean()).isFalse();

		Response revised = api().put("/api/v1/approval-policies/" + id, keeper,
				policy(name, null, List.of(map("kind", "UNIT_LEAD"))));
		assertThat(revised.status()).isEqualTo(200);
		assertThat(revised.json().get("version").asInt()).isEqualTo(2);
		assertThat(api().get("/api/v1/approval-policies", keeper).body()).contains(name);
		assertThat(api().get("/api/v1/approval-policies", token(world.first)).status()).isEqualTo(403);
	}

	@Test
	void aBadPolicyIsAProblemDocumentAndChangesNothing() {
		String keeper = token(world.keeper);
		long before = jdbc.sql("select count(*) from approval_policy").query(Long.class).single();
		Response syntax = api().post("/api/v1/approval-policies", keeper, policy(TestDirectory.unique("坏条件"),
				"amount >= and risk = 'HIGH'", List.of(map("kind", "PERSON", "personId", world.first))));
		assertThat(syntax.status()).isEqualTo(422);
		assertThat(syntax.contentType()).contains("application/problem+json");
		assertThat(syntax.json().get("detail").asString()).contains("11");
		assertThat(syntax.json().get("errors").has("stages[0].condition")).isTrue();

		Response empty = api().post("/api/v1/approval-policies", keeper,
				policy(TestDirectory.unique("空环节"), null, List.of()));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.json().get("detail").asString()).contains("部门审核");

		Response unknown = api().post("/api/v1/approval-policies", keeper,
				policy(TestDirectory.unique("无此人"), null, List.of(map("kind", "PERSON", "personId", Long.MAX_VALUE))));
		assertThat(unknown.status()).isEqualTo(422);
		Response nameless = api().post("/api/v1/approval-policies", keeper,
				policy(" ", null, List.of(map("kind", "UNIT_LEAD"))));
		assertThat(nameless.status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from approval_policy").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void anApproverFindsTheRequestInTheInboxAndDecidesIt() {
		long policy = world.policy(false, ApprovalWorld.any(ApprovalWorld.person(world.first)));
		long request = world.request(policy, subject(), "v1", Map.of("amount", 300)).requestId();
		String approver = token(world.first);

		JsonNode inbox = api().get("/api/v1/approvals", approver).json();
		assertThat(inbox.get("items").get(0).get("requestId").asLong()).isEqualTo(request);
		assertThat(inbox.get("items").get(0).get("summary").asString()).isEqualTo("测试审批 v1");
		assertThat(inbox.get("items").get(0).get("requesterName").asString()).startsWith("测试用户");

		JsonNode view = api().get("/api/v1/approvals/" + request, approver).json();
		assertThat(view.get("mayDecide").asBoolean()).isTrue();
		assertThat(view.get("stages").get(0).get("approvers").get(0).get("personId").asLong()).isEqualTo(world.first);
		assertThat(api().get("/api/v1/approvals/" + request, token(world.third)).status()).isEqualTo(404);

		Response noReason = api().post("/api/v1/approvals/" + request + "/decisions", approver,
				map("decision", "REJECT"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().get("errors").has("reason")).isTrue();

		Response approved = api().post("/api/v1/approvals/" + request + "/decisions", approver,
				map("decision", "APPROVE", "reason", "同意"));
		assertThat(approved.status()).isEqualTo(201);
		assertThat(approved.json().get("outcome").asString()).isEqualTo("GRANTED");
		assertThat(api().get("/api/v1/approvals", approver).json().get("items").size()).isZero();
		JsonNode decided = api().get("/api/v1/approvals?tab=decided", approver).json();
		assertThat(decided.get("items").get(0).get("requestId").asLong()).isEqualTo(request);
		assertThat(decided.get("items").get(0).get("reason").asString()).isEqualTo("同意");
		assertThat(api().get("/api/v1/approvals?tab=other", approver).status()).isEqualTo(400);
		assertThat(api().get("/api/v1/approvals?limit=0", approver).status()).isEqualTo(400);
		assertThat(api().get("/api/v1/approvals?cursor=%25%25", approver).status()).isEqualTo(400);
	}

	@Test
	void theInboxPagesByKeyset() {
		long policy = world.policy(false, ApprovalWorld.any(ApprovalWorld.person(world.second)));
		for (int i = 0; i < 3; i++) {
			world.request(policy, subject(), "v" + i, Map.of());
		}
		String approver = token(world.second);
		JsonNode first = api().get("/api/v1/approvals?limit=2", approver).json();
		assertThat(first.get("items").size()).isEqualTo(2);
		JsonNode second = api().get("/api/v1/approvals?limit=2&cursor=" + first.get("next").asString(), approver)
			.json();
		assertThat(second.get("items").size()).isEqualTo(1);
		assertThat(second.get("next").isNull()).isTrue();
		assertThat(second.get("items").get(0).get("summary").asString()).isEqualTo("测试审批 v0");
	}

	@Test
	void aDelegationAndAPostAbsenceAreRecordedThroughTheApi() {
		String delegator = token(world.first);
		Response given = api().post("/api/v1/approval-delegations", delegator, map("delegateId", world.second,
				"from", "2026-01-01T00:00:00Z", "until", "2099-01-01T00:00:00Z", "reason", "出差"));
		assertThat(given.status()).isEqualTo(400);
		assertThat(given.json().get("errors").has("until")).isTrue();
		Response valid = api().post("/api/v1/approval-delegations", delegator, map("delegateId", world.second,
				"from", java.time.Instant.now().toString(), "until", java.time.Instant.now().plusSeconds(86400)
					.toString(), "reason", "出差"));
		assertThat(valid.status()).isEqualTo(201);
		long id = valid.json().get("id").asLong();
		assertThat(api().get("/api/v1/approval-delegations", token(world.second)).body()).contains("出差");
		assertThat(api().delete("/api/v1/approval-delegations/" + id, token(world.second)).status()).isEqualTo(404);
		assertThat(api().delete("/api/v1/approval-delegations/" + id, delegator).status()).isEqualTo(204);
	}

	@Test
	void aUnitLeadIsAppointedAndAPostAbsenceRecordedThroughTheApi() {
		long lead = world.person();
		assertThat(api().put("/api/v1/org-units/" + world.unit + "/lead", adminToken(), map("userId", lead)).status())
			.isEqualTo(204);
		assertThat(api().put("/api/v1/org-units/" + world.unit + "/lead", adminToken(),
				map("userId", Long.MAX_VALUE)).status()).isEqualTo(400);
		assertThat(context.getBean(org.yunwei.identity.Positions.class).leadOf(world.unit)).contains(lead);

		long post = jdbc.sql("""
				insert into post (org_unit_id, name, responsibilities, holder_id, backup_id)
				values (?, ?, '值守', ?, ?) returning id""")
			.params(world.unit, TestDirectory.unique("值班长"), world.first, world.second)
			.query(Long.class)
			.single();
		Response wrong = api().post("/api/v1/posts/" + post + "/absences", adminToken(),
				map("from", "2026-12-01T00:00:00Z", "until", "2026-11-01T00:00:00Z", "reason", "年休假"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("errors").has("until")).isTrue();
		Response recorded = api().post("/api/v1/posts/" + post + "/absences", adminToken(),
				map("from", "2026-12-01T00:00:00Z", "until", "2026-12-10T00:00:00Z", "reason", "年休假"));
		assertThat(recorded.status()).isEqualTo(201);
		assertThat(recorded.json().get("holderId").asLong()).isEqualTo(world.first);
		assertThat(api().get("/api/v1/posts/" + post + "/absences", adminToken()).body()).contains("年休假");
		assertThat(api().post("/api/v1/posts/" + post + "/absences", token(world.first),
				map("from", "2026-12-01T00:00:00Z", "until", "2026-12-10T00:00:00Z", "reason", "x")).status())
			.isEqualTo(403);
	}
}
