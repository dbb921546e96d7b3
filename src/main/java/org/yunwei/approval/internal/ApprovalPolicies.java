package org.yunwei.approval.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes and reads the policy tables: a policy, its versions, their stages and approvers. A change of a policy's
 * stages is a new version; the versions requests started under stay as they were.
 */
@Repository
public class ApprovalPolicies {

	private static final String SELECT = """
			select id, name, description, built_in, retired, version, updated_at from approval_policy""";

	private final JdbcClient jdbc;

	ApprovalPolicies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ApprovalPolicy> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(ApprovalPolicies::policy).optional();
	}

	/** Every policy, retired ones last, by name. */
	public List<ApprovalPolicy> all() {
		return jdbc.sql(SELECT + " order by retired, name, id").query(ApprovalPolicies::policy).list();
	}

	public long builtInId() {
		return jdbc.sql("select id from approval_policy where built_in order by id limit 1").query(Long.class).single();
	}

	public boolean nameTaken(String name, Long exceptId) {
		return jdbc.sql("select count(*) from approval_policy where lower(name) = lower(?) and id <> coalesce(?, -1)")
			.params(name, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	/** The version new requests of the policy start with. */
	public PolicyVersion current(long policyId) {
		long versionId = jdbc.sql("""
				select v.id from approval_policy_version v join approval_policy p on p.id = v.policy_id
				where p.id = ? and v.version = p.version""")
			.param(policyId)
			.query(Long.class)
			.single();
		return version(versionId);
	}

	public PolicyVersion version(long versionId) {
		record Head(long id, long policyId, String name, int version, boolean requesterMayApprove) {
		}
		Head head = jdbc.sql("""
				select v.id, v.policy_id, p.name, v.version, v.requester_may_approve
				from approval_policy_version v join approval_policy p on p.id = v.policy_id where v.id = ?""")
			.param(versionId)
			.query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5)))
			.single();
		Map<Long, List<StageApprover>> approvers = new LinkedHashMap<>();
		jdbc.sql("""
				select a.stage_id, a.kind, a.person_id, a.role_code, a.party_id, a.org_unit_id, a.post_id
				from approval_stage_approver a join approval_stage s on s.id = a.stage_id
				where s.policy_version_id = ? order by a.stage_id, a.position""")
			.param(versionId)
			.query(rs -> {
				approvers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new StageApprover(ApproverKind.valueOf(rs.getString(2)), (Long) rs.getObject(3),
							rs.getString(4), (Long) rs.getObject(5), (Long) rs.getObject(6), (Long) rs.getObject(7)));
			});
		List<PolicyStage> stages = jdbc.sql("""
				select id, position, name, rule, required_count, condition, time_limit_minutes from approval_stage
				where policy_version_id = ? order by position""")
			.param(versionId)
			.query((rs, n) -> new PolicyStage(rs.getInt("position"), rs.getString("name"),
					StageRule.valueOf(rs.getString("rule")), rs.getInt("required_count"), rs.getString("condition"),
					(Integer) rs.getObject("time_limit_minutes"),
					approvers.getOrDefault(rs.getLong("id"), List.of())))
			.list();
		return new PolicyVersion(head.id(), head.policyId(), head.name(), head.version(), head.requesterMayApprove(),
				stages);
	}

	/** A new policy at version 1. */
	public long create(PolicyDraft draft, long userId) {
		long id = jdbc.sql("insert into approval_policy (name, description) values (?, ?) returning id")
			.params(draft.name(), draft.description())
			.query(Long.class)
			.single();
		insertVersion(id, 1, draft, userId);
		return id;
	}

	/**
	 * Renames the policy and, when its stages or the requester rule changed, makes the draft its next version.
	 *
	 * @return whether a new version was made
	 */
	public boolean revise(long policyId, PolicyDraft draft, long userId) {
		PolicyVersion current = current(policyId);
		boolean newVersion = current.requesterMayApprove() != draft.requesterMayApprove()
				|| !current.stages().equals(draft.stages());
		int version = current.version() + (newVersion ? 1 : 0);
		if (newVersion) {
			insertVersion(policyId, version, draft, userId);
		}
		jdbc.sql("update approval_policy set name = ?, description = ?, version = ?, updated_at = now() where id = ?")
			.params(draft.name(), draft.description(), version, policyId)
			.update();
		return newVersion;
	}

	public void retire(long policyId, boolean retired) {
		jdbc.sql("update approval_policy set retired = ?, updated_at = now() where id = ?")
			.params(retired, policyId)
			.update();
	}

	/** Whether any request ever started under a version of the policy (it is then retired, never deleted). */
	public boolean used(long policyId) {
		return jdbc.sql("""
				select exists (select 1 from approval_request r join approval_policy_version v
				  on v.id = r.policy_version_id where v.policy_id = ?)""")
			.param(policyId)
			.query(Boolean.class)
			.single();
	}

	/** Deletes a policy no request ever used. */
	public void delete(long policyId) {
		jdbc.sql("""
				delete from approval_stage_approver where stage_id in (select s.id from approval_stage s
				  join approval_policy_version v on v.id = s.policy_version_id where v.policy_id = ?)""")
			.param(policyId)
			.update();
		jdbc.sql("""
				delete from approval_stage where policy_version_id in
				  (select id from approval_policy_version where policy_id = ?)""")
			.param(policyId)
			.update();
		jdbc.sql("delete from approval_policy_version where policy_id = ?").param(policyId).update();
		jdbc.sql("delete from approval_policy where id = ?").param(policyId).update();
	}

	private void insertVersion(long policyId, int version, PolicyDraft draft, long userId) {
		long versionId = jdbc.sql("""
				insert into approval_policy_version (policy_id, version, requester_may_approve, created_by)
				values (?, ?, ?, ?) returning id""")
			.params(policyId, version, draft.requesterMayApprove(), userId)
			.query(Long.class)
			.single();
		for (PolicyStage stage : draft.stages()) {
			long stageId = jdbc.sql("""
					insert into approval_stage (policy_version_id, position, name, rule, required_count, condition,
					  time_limit_minutes) values (?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(versionId, stage.position(), stage.name(), stage.rule().name(), stage.requiredCount(),
						stage.condition(), stage.timeLimitMinutes())
				.query(Long.class)
				.single();
			int position = 1;
			for (StageApprover approver : stage.approvers()) {
				jdbc.sql("""
						insert into approval_stage_approver (stage_id, position, kind, person_id, role_code, party_id,
						  org_unit_id, post_id) values (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(stageId, position++, approver.kind().name(), approver.personId(), approver.roleCode(),
							approver.partyId(), approver.orgUnitId(), approver.postId())
					.update();
			}
		}
	}

	private static ApprovalPolicy policy(ResultSet rs, int n) throws SQLException {
		return new ApprovalPolicy(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
				rs.getBoolean("built_in"), rs.getBoolean("retired"), rs.getInt("version"),
				rs.getTimestamp("updated_at").toInstant());
	}
}
