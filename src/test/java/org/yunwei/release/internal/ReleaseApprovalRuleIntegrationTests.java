package org.yunwei.release.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * The release approval rules through the API: the policy keeper creates, edits and retires them, each write audited;
 * bad input is refused naming the field and changes nothing; a submitted release goes to the rule of its type, a type
 * without a rule to the installation's default policy; the policy in force at submission stays the release's policy,
 * also when it is edited under approval and asked again; management's readers of releases read the rules, a
 * provider's people do not.
 */
class ReleaseApprovalRuleIntegrationTests extends IntegrationTestSupport {

	@Test
	void theKeeperKeepsTheRulesAndASubmittedReleaseFollowsTheRuleInForceAtSubmission() {
		ReleaseWorld world = new ReleaseWorld(jdbc, api());
		long management = jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
		String keeper = world.token(world.directory.user(management, "APPROVAL_POLICY_ADMIN"));
		long first = policy(world, keeper, "重大发布审批");
		long second = policy(world, keeper, "重大发布审批（新）");
		long builtIn = jdbc.sql("select id from approval_policy where built_in").query(Long.class).single();
		List<Long> made = new ArrayList<>();
		try {
			// refusals name the field and leave the rules as they were
			int before = rows();
			var empty = api().post("/api/v1/release-approval-rules", keeper, Map.of());
			assertThat(empty.status()).isEqualTo(400);
			assertThat(empty.json().get("errors").has("releaseType")).isTrue();
			assertThat(empty.json().get("errors").has("policyId")).isTrue();
			var badType = api().post("/api/v1/release-approval-rules", keeper,
					Map.of("releaseType", "STANDARD", "policyId", first));
			assertThat(badType.status()).isEqualTo(400);
			assertThat(badType.json().get("errors").has("releaseType")).isTrue();
			var unknown = api().post("/api/v1/release-approval-rules", keeper,
					Map.of("releaseType", "MAJOR", "policyId", 987654321));
			assertThat(unknown.status()).isEqualTo(400);
			assertThat(unknown.json().get("errors").has("policyId")).isTrue();
			assertThat(rows()).isEqualTo(before);

			var created = api().post("/api/v1/release-approval-rules", keeper,
					Map.of("releaseType", "MAJOR", "policyId", first));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			long rule = created.json().get("id").asLong();
			made.add(rule);
			var duplicate = api().post("/api/v1/release-approval-rules", keeper,
					Map.of("releaseType", "MAJOR", "policyId", second));
			assertThat(duplicate.status()).isEqualTo(409);
			assertThat(duplicate.body()).contains("releaseType");
			assertThat(rows()).isEqualTo(before + 1);

			// a major release goes to the type's rule; a minor one, without a rule, to the default policy
			long app = world.item("APPLICATION_SYSTEM", TestDirectory.unique("规则应用"), Map.of("dengbao_level", "L2"));
			Map<String, Object> major = release(world, app, "MAJOR");
			long underApproval = submit(world, major);
			assertThat(policyOf(underApproval)).isEqualTo(first);
			assertThat(requestPolicyOf(underApproval)).isEqualTo(first);
			assertThat(policyOf(submit(world, release(world, app, "MINOR")))).isEqualTo(builtIn);

			// an edit with the version read; a stale version is refused
			int version = created.json().get("version").asInt();
			var edited = api().put("/api/v1/release-approval-rules/" + rule, keeper,
					Map.of("releaseType", "MAJOR", "policyId", second, "version", version));
			assertThat(edited.status()).as(edited.body()).isEqualTo(200);
			assertThat(edited.json().get("policyId").asLong()).isEqualTo(second);
			assertThat(api().put("/api/v1/release-approval-rules/" + rule, keeper,
					Map.of("releaseType", "MAJOR", "policyId", first, "version", version)).status()).isEqualTo(409);

			// the release submitted before keeps its policy, also when edited under approval and asked again
			long requestBefore = requestOf(underApproval);
			major.put("knownErrors", "报表导出偶发超时");
			var reasked = api().put("/api/v1/releases/" + underApproval, world.token(world.manager), major);
			assertThat(reasked.status()).as(reasked.body()).isEqualTo(200);
			assertThat(requestOf(underApproval)).isNotEqualTo(requestBefore);
			assertThat(policyOf(underApproval)).isEqualTo(first);
			assertThat(requestPolicyOf(underApproval)).isEqualTo(first);
			// a major release submitted now goes to the edited rule's policy
			assertThat(policyOf(submit(world, release(world, app, "MAJOR")))).isEqualTo(second);

			// retired, the rule is kept on record and major releases go to the default policy again
			assertThat(api().post("/api/v1/release-approval-rules/" + rule + "/retire", keeper, null).status())
				.isEqualTo(204);
			assertThat(api().get("/api/v1/release-approval-rules/" + rule, keeper).json().get("retiredAt").isNull())
				.isFalse();
			assertThat(api().get("/api/v1/release-approval-rules", keeper).body())
				.doesNotContain("\"id\":" + rule + ",");
			assertThat(api().get("/api/v1/release-approval-rules?retired=true", keeper).body())
				.contains("\"id\":" + rule + ",");
			assertThat(api().put("/api/v1/release-approval-rules/" + rule, keeper,
					Map.of("releaseType", "MAJOR", "policyId", first)).status()).isEqualTo(409);
			assertThat(policyOf(submit(world, release(world, app, "MAJOR")))).isEqualTo(builtIn);

			for (String action : List.of("RELEASE_APPROVAL_RULE_CREATED", "RELEASE_APPROVAL_RULE_EDITED",
					"RELEASE_APPROVAL_RULE_RETIRED")) {
				assertThat(jdbc.sql("""
						select count(*) from audit_record where action = ? and object_type = 'release_approval_rule'
						  and object_id = ?""").params(action, String.valueOf(rule)).query(Integer.class).single())
					.as(action).isEqualTo(1);
			}

			// management reads, a provider's desk manager neither reads nor writes, the service manager cannot write
			assertThat(api().get("/api/v1/release-approval-rules", world.token(world.serviceManager)).status())
				.isEqualTo(200);
			assertThat(api().get("/api/v1/release-approval-rules", world.token(world.supervisor)).status())
				.isEqualTo(200);
			assertThat(api().get("/api/v1/release-approval-rules", world.token(world.manager)).status())
				.isEqualTo(403);
			assertThat(api().post("/api/v1/release-approval-rules", world.token(world.serviceManager),
					Map.of("releaseType", "EMERGENCY", "policyId", first)).status()).isEqualTo(403);
		}
		finally {
			made.forEach(id -> jdbc.sql("update release_approval_rule set retired_at = now() where id = ?").param(id)
				.update());
		}
	}

	private Map<String, Object> release(ReleaseWorld world, long app, String type) {
		Map<String, Object> body = world.release(TestDirectory.unique("规则发布"), List.of(app), List.of());
		body.put("type", type);
		return body;
	}

	private long submit(ReleaseWorld world, Map<String, Object> body) {
		long id = world.createRelease(body).get("id").asLong();
		var submitted = api().post("/api/v1/releases/" + id + "/submit", world.token(world.manager), null);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
		return id;
	}

	private long policyOf(long releaseId) {
		return jdbc.sql("select approval_policy_id from release_record where id = ?").param(releaseId)
			.query(Long.class).single();
	}

	private long requestOf(long releaseId) {
		return jdbc.sql("select approval_request_id from release_record where id = ?").param(releaseId)
			.query(Long.class).single();
	}

	/** The policy the approval module opened the release's current request under. */
	private long requestPolicyOf(long releaseId) {
		return jdbc.sql("""
				select v.policy_id from approval_request r join approval_policy_version v on v.id = r.policy_version_id
				where r.id = ?""").param(requestOf(releaseId)).query(Long.class).single();
	}

	private long policy(ReleaseWorld world, String keeper, String name) {
		var created = api().post("/api/v1/approval-policies", keeper, map("name", TestDirectory.unique(name),
				"description", "发布审批", "requesterMayApprove", false, "stages", List.of(map("name", "值班长审批",
						"rule", "ANY", "requiredCount", 1, "approvers",
						List.of(map("kind", "PERSON", "personId", world.directory.userId(world.agent)))))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private int rows() {
		return jdbc.sql("select count(*) from release_approval_rule").query(Integer.class).single();
	}
}
