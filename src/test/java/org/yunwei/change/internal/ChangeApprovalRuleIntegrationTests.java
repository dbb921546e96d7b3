package org.yunwei.change.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * The change approval rules through the API: the policy keeper creates, edits and retires them, each write audited;
 * bad input is refused naming the field and changes nothing; a submitted change goes to the rule of its level, else to
 * its category's ANY rule; readers of changes on management's side read them, a provider's people do not.
 */
class ChangeApprovalRuleIntegrationTests extends IntegrationTestSupport {

	@Test
	void theKeeperKeepsTheRulesAndASubmittedChangeFollowsThem() {
		ChangeWorld world = new ChangeWorld(jdbc, api());
		long management = jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
		String keeper = world.token(world.directory.user(management, "APPROVAL_POLICY_ADMIN"));
		long high = policy(world, keeper, "高风险变更");
		long any = policy(world, keeper, "一般变更通用");
		List<Long> made = new ArrayList<>();
		try {
			// refusals name the field and leave the rules as they were
			int before = rows();
			var empty = api().post("/api/v1/change-approval-rules", keeper, Map.of());
			assertThat(empty.status()).isEqualTo(400);
			assertThat(empty.body()).contains("category", "riskLevel", "policyId");
			assertThat(api().post("/api/v1/change-approval-rules", keeper,
					Map.of("category", "STANDARD", "riskLevel", "LOW", "policyId", high)).body()).contains("category");
			var override = api().post("/api/v1/change-approval-rules", keeper,
					Map.of("category", "FREEZE_OVERRIDE", "riskLevel", "LOW", "policyId", high));
			assertThat(override.status()).isEqualTo(400);
			assertThat(override.body()).contains("riskLevel");
			var unknown = api().post("/api/v1/change-approval-rules", keeper,
					Map.of("category", "NORMAL", "riskLevel", "HIGH", "policyId", 987654321));
			assertThat(unknown.status()).isEqualTo(400);
			assertThat(unknown.body()).contains("policyId");
			assertThat(rows()).isEqualTo(before);

			var created = api().post("/api/v1/change-approval-rules", keeper,
					Map.of("category", "NORMAL", "riskLevel", "HIGH", "policyId", any));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			long rule = created.json().get("id").asLong();
			made.add(rule);
			var duplicate = api().post("/api/v1/change-approval-rules", keeper,
					Map.of("category", "NORMAL", "riskLevel", "HIGH", "policyId", high));
			assertThat(duplicate.status()).isEqualTo(409);
			assertThat(duplicate.body()).contains("riskLevel");

			// an edit with the version read; a stale version is refused
			int version = created.json().get("version").asInt();
			var edited = api().put("/api/v1/change-approval-rules/" + rule, keeper,
					Map.of("category", "NORMAL", "riskLevel", "HIGH", "policyId", high, "version", version));
			assertThat(edited.status()).as(edited.body()).isEqualTo(200);
			assertThat(edited.json().get("policyId").asLong()).isEqualTo(high);
			assertThat(api().put("/api/v1/change-approval-rules/" + rule, keeper,
					Map.of("category", "NORMAL", "riskLevel", "HIGH", "policyId", any, "version", version)).status())
				.isEqualTo(409);
			var anyRule = api().post("/api/v1/change-approval-rules", keeper,
					Map.of("category", "NORMAL", "riskLevel", "ANY", "policyId", any));
			assertThat(anyRule.status()).isEqualTo(201);
			made.add(anyRule.json().get("id").asLong());

			// a high-risk normal change goes to the level's rule
			assertThat(submitted(world, "HIGH")).isEqualTo(high);
			// retired, the level's rule is kept on record and the category's ANY rule answers
			assertThat(api().post("/api/v1/change-approval-rules/" + rule + "/retire", keeper, null).status())
				.isEqualTo(204);
			assertThat(api().get("/api/v1/change-approval-rules/" + rule, keeper).json().get("retiredAt").isNull())
				.isFalse();
			assertThat(api().get("/api/v1/change-approval-rules", keeper).body()).doesNotContain("\"id\":" + rule + ",");
			assertThat(api().get("/api/v1/change-approval-rules?retired=true", keeper).body())
				.contains("\"id\":" + rule + ",");
			assertThat(api().put("/api/v1/change-approval-rules/" + rule, keeper,
					Map.of("category", "NORMAL", "riskLevel", "HIGH", "policyId", any)).status()).isEqualTo(409);
			assertThat(submitted(world, "HIGH")).isEqualTo(any);

			for (String action : List.of("CHANGE_APPROVAL_RULE_CREATED", "CHANGE_APPROVAL_RULE_EDITED",
					"CHANGE_APPROVAL_RULE_RETIRED")) {
				assertThat(jdbc.sql("""
						select count(*) from audit_record where action = ? and object_type = 'change_approval_rule'
						  and object_id = ?""").params(action, String.valueOf(rule)).query(Integer.class).single())
					.as(action).isEqualTo(1);
			}

			// management reads, a provider's desk manager neither reads nor writes, the service manager cannot write
			assertThat(api().get("/api/v1/change-approval-rules", world.token(world.serviceManager)).status())
				.isEqualTo(200);
			assertThat(api().get("/api/v1/change-approval-rules", world.token(world.manager)).status())
				.isEqualTo(403);
			assertThat(api().post("/api/v1/change-approval-rules", world.token(world.serviceManager),
					Map.of("category", "EMERGENCY", "riskLevel", "LOW", "policyId", any)).status()).isEqualTo(403);
		}
		finally {
			made.forEach(id -> jdbc.sql("update change_approval_rule set retired_at = now() where id = ?").param(id)
				.update());
		}
	}

	private long submitted(ChangeWorld world, String risk) {
		long server = world.item("PHYSICAL_SERVER", TestDirectory.unique("规则服务器"), Map.of());
		long id = world.create(world.change("规则测试变更", List.of(server))).get("id").asLong();
		String manager = world.token(world.manager);
		assertThat(api().post("/api/v1/changes/" + id + "/risk", manager,
				Map.of("riskLevel", risk, "justification", "核心业务")).status()).isEqualTo(200);
		return api().post("/api/v1/changes/" + id + "/submit", manager, null).json().get("approvalPolicyId").asLong();
	}

	private long policy(ChangeWorld world, String keeper, String name) {
		var created = api().post("/api/v1/approval-policies", keeper, map("name", TestDirectory.unique(name),
				"description", "变更审批", "requesterMayApprove", false, "stages", List.of(map("name", "值班长审批",
						"rule", "ANY", "requiredCount", 1, "approvers",
						List.of(map("kind", "PERSON", "personId", world.directory.userId(world.agent)))))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private int rows() {
		return jdbc.sql("select count(*) from change_approval_rule").query(Integer.class).single();
	}
}
