package org.yunwei.change.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads {@code change_approval_rule}; a retired rule is kept, marked, and chosen no more. */
@Repository
class ChangeApprovalRuleRecords {

	/** A row before the policy's name is put beside it. */
	record Row(long id, String category, String riskLevel, long policyId, int version, java.time.Instant updatedAt,
			java.time.Instant retiredAt) {
	}

	private static final String COLUMNS = "id, category, risk_level, policy_id, version, updated_at, retired_at";

	private final JdbcClient jdbc;

	ChangeApprovalRuleRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The live rules (and the retired ones when asked), live first, by category, then by risk level. */
	List<Row> all(boolean withRetired) {
		return jdbc.sql("select " + COLUMNS + " from change_approval_rule"
				+ (withRetired ? "" : " where retired_at is null") + " " + """
				order by retired_at is not null,
				  array_position(array['NORMAL', 'EMERGENCY', 'FREEZE_OVERRIDE'], category),
				  array_position(array['ANY', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'], risk_level), retired_at desc, id""")
			.query((rs, n) -> row(rs)).list();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from change_approval_rule where id = ?").param(id)
			.query((rs, n) -> row(rs)).optional();
	}

	/** Whether a live rule other than {@code exceptId} already answers for this category and level. */
	boolean taken(String category, String riskLevel, long exceptId) {
		return jdbc.sql("""
				select exists (select 1 from change_approval_rule
				  where category = ? and risk_level = ? and retired_at is null and id <> ?)""")
			.params(category, riskLevel, exceptId).query(Boolean.class).single();
	}

	long insert(String category, String riskLevel, long policyId) {
		return jdbc.sql("""
				insert into change_approval_rule (category, risk_level, policy_id) values (?, ?, ?) returning id""")
			.params(category, riskLevel, policyId).query(Long.class).single();
	}

	/** Sets the rule's policy if its version is still the one read; false when it moved on meanwhile. */
	boolean update(long id, int version, String category, String riskLevel, long policyId) {
		return jdbc.sql("""
				update change_approval_rule set category = ?, risk_level = ?, policy_id = ?, version = version + 1,
				  updated_at = now()
				where id = ? and version = ? and retired_at is null""")
			.params(category, riskLevel, policyId, id, version).update() == 1;
	}

	boolean retire(long id, int version) {
		return jdbc.sql("""
				update change_approval_rule set retired_at = now(), version = version + 1, updated_at = now()
				where id = ? and version = ? and retired_at is null""")
			.params(id, version).update() == 1;
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), rs.getString("category"), rs.getString("risk_level"), rs.getLong("policy_id"),
				rs.getInt("version"), ChangeRecords.instant(rs, "updated_at"), ChangeRecords.instant(rs, "retired_at"));
	}
}
