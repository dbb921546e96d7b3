package org.yunwei.change.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * The approval policy of a change follows from its category and risk level at submission and stays its policy: an
 * edit after submission asks again under the same policy even when the installation's rule has changed meanwhile.
 */
@EnableScenarios
class ChangePolicyIntegrationTests extends IntegrationTestSupport {

	@Test
	void thePolicyChosenByCategoryAndRiskAtSubmissionStaysTheChangesPolicy(Scenario scenario) {
		ChangeWorld world = new ChangeWorld(jdbc, api());
		long management = jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
		String keeper = world.token(world.directory.user(management, "APPROVAL_POLICY_ADMIN"));
		var created = api().post("/api/v1/approval-policies", keeper, map("name", TestDirectory.unique("极高风险变更"),
				"description", "变更经理审批", "requesterMayApprove", false, "stages", List.of(map("name", "值班长审批",
						"rule", "ANY", "requiredCount", 1, "approvers",
						List.of(map("kind", "PERSON", "personId", world.directory.userId(world.agent)))))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long policy = created.json().get("id").asLong();
		rule(policy);
		try {
			long server = world.item("PHYSICAL_SERVER", "极高风险物理机", Map.of());
			String manager = world.token(world.manager);
			Map<String, Object> body = world.change("核心系统迁移", List.of(server));
			long id = world.create(body).get("id").asLong();
			assertThat(api().post("/api/v1/changes/" + id + "/risk", manager,
					Map.of("riskLevel", "CRITICAL", "justification", "涉及全市业务")).status()).isEqualTo(200);
			var submitted = api().post("/api/v1/changes/" + id + "/submit", manager, null).json();
			assertThat(submitted.get("approvalPolicyId").asLong()).isEqualTo(policy);

			// the rule changes to the default policy; the change, edited, stays with the policy it was submitted under
			rule(jdbc.sql("select id from approval_policy where built_in").query(Long.class).single());
			body.put("plannedEnd", "2099-03-01T17:00:00Z");
			long again = api().put("/api/v1/changes/" + id, manager, body).json().get("approvalRequestId").asLong();
			assertThat(jdbc.sql("""
					select v.policy_id from approval_request r
					join approval_policy_version v on v.id = r.policy_version_id where r.id = ?""").param(again).query(Long.class).single()).isEqualTo(policy);
			scenario.stimulate(() -> api().post("/api/v1/approvals/" + again + "/decisions",
					world.token(world.agent), Map.of("decision", "APPROVE")))
				.andWaitForStateChange(() -> world.status(id), "APPROVED"::equals)
				.andVerify(status -> assertThat(status).isEqualTo("APPROVED"));
		}
		finally {
			jdbc.sql("delete from change_approval_rule where category = 'NORMAL' and risk_level = 'CRITICAL'")
				.update();
		}
	}

	private void rule(long policy) {
		jdbc.sql("""
				insert into change_approval_rule (category, risk_level, policy_id) values ('NORMAL', 'CRITICAL', ?)
				on conflict (category, risk_level) where retired_at is null do update set policy_id = excluded.policy_id""").param(policy)
			.update();
	}
}
