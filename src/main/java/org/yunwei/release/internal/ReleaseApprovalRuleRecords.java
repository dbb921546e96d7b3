package org.yunwei.release.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads {@code release_approval_rule}; a retired rule is kept, marked, and chosen no more. */
@Repository
class ReleaseApprovalRuleRecords {

	/** A row before the policy's name is put beside it. */
	record Row(long id, String releaseType, long policyId, int version, Instant updatedAt, Instant retiredAt) {
	}

	private static final String COLUMNS = "id, release_type, policy_id, version, updated_at, retired_at";

	private final JdbcClient jdbc;

	ReleaseApprovalRuleRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The live rules (and the retired ones when asked), live first, by type: major, minor, emergency. */
	List<Row> all(boolean withRetired) {
		return jdbc.sql("select " + COLUMNS + " from release_approval_rule"
				+ (withRetired ? "" : " where retired_at is null") + " " + """
				order by retired_at is not null,
				  array_position(array['MAJOR', 'MINOR', 'EMERGENCY'], release_type), retired_at desc, id""")
			.query((rs, n) -> row(rs)).list();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from release_approval_rule where id = ?").param(id)
			.query((rs, n) -> row(rs)).optional();
	}

	/** The policy of the live rule of the type, if any: what a release of the type is submitted under. */
	Optional<Long> policyFor(ReleaseType type) {
		return jdbc.sql("select policy_id from release_approval_rule where retired_at is null and release_type = ?")
			.param(type.name()).query(Long.class).optional();
	}

	/** Whether a live rule other than {@code exceptId} already answers for this type. */
	boolean taken(String releaseType, long exceptId) {
		return jdbc.sql("""
				select exists (select 1 from release_approval_rule
				  where release_type = ? and retired_at is null and id <> ?)""")
			.params(releaseType, exceptId).query(Boolean.class).single();
	}

	long insert(String releaseType, long policyId) {
		return jdbc.sql("insert into release_approval_rule (release_type, policy_id) values (?, ?) returning id")
			.params(releaseType, policyId).query(Long.class).single();
	}

	/** Sets the rule's type and policy if its version is still the one read; false when it moved on meanwhile. */
	boolean update(long id, int version, String releaseType, long policyId) {
		return jdbc.sql("""
				update release_approval_rule set release_type = ?, policy_id = ?, version = version + 1,
				  updated_at = now()
				where id = ? and version = ? and retired_at is null""")
			.params(releaseType, policyId, id, version).update() == 1;
	}

	boolean retire(long id, int version) {
		return jdbc.sql("""
				update release_approval_rule set retired_at = now(), version = version + 1, updated_at = now()
				where id = ? and version = ? and retired_at is null""")
			.params(id, version).update() == 1;
	}

	private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), rs.getString("release_type"), rs.getLong("policy_id"), rs.getInt("version"),
				ReleaseRecords.instant(rs, "updated_at"), ReleaseRecords.instant(rs, "retired_at"));
	}
}
