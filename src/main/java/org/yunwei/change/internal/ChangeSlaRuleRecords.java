package org.yunwei.change.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads {@code change_sla_rule}; a retired rule is kept, marked, and applied no more. */
@Repository
class ChangeSlaRuleRecords {

	private static final String COLUMNS = """
			id, category, risk_level, approval_minutes, approval_basis, window_deadline, warning_percent, version,
			updated_at, retired_at""";

	private final JdbcClient jdbc;

	ChangeSlaRuleRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The live rules (and the retired ones when asked), live first, by category, then by risk level. */
	List<ChangeSlaRule> all(boolean withRetired) {
		return jdbc.sql("select " + COLUMNS + " from change_sla_rule"
				+ (withRetired ? "" : " where retired_at is null") + " " + """
				order by retired_at is not null,
				  array_position(array['STANDARD', 'NORMAL', 'EMERGENCY'], category),
				  array_position(array['ANY', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'], risk_level), retired_at desc, id""")
			.query((rs, n) -> row(rs)).list();
	}

	Optional<ChangeSlaRule> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from change_sla_rule where id = ?").param(id)
			.query((rs, n) -> row(rs)).optional();
	}

	/** The live rule of the category and level, else the category's rule for any level. */
	Optional<ChangeSlaRule> applicable(ChangeCategory category, RiskLevel risk) {
		return jdbc.sql("select " + COLUMNS + """
				 from change_sla_rule where retired_at is null and category = ? and risk_level in (?, 'ANY')
				order by risk_level = 'ANY' limit 1""")
			.params(category.name(), risk.name()).query((rs, n) -> row(rs)).optional();
	}

	/** Whether a live rule other than {@code exceptId} already answers for this category and level. */
	boolean taken(String category, String riskLevel, long exceptId) {
		return jdbc.sql("""
				select exists (select 1 from change_sla_rule
				  where category = ? and risk_level = ? and retired_at is null and id <> ?)""")
			.params(category, riskLevel, exceptId).query(Boolean.class).single();
	}

	long insert(ChangeSlaRules.Draft d) {
		return jdbc.sql("""
				insert into change_sla_rule (category, risk_level, approval_minutes, approval_basis, window_deadline,
				  warning_percent) values (?, ?, ?, ?, ?, ?) returning id""")
			.params(d.category(), d.riskLevel(), d.approvalMinutes(), d.approvalBasis(), d.windowDeadline(),
					d.warningPercent())
			.query(Long.class).single();
	}

	/** Sets the rule if its version is still the one read; false when it moved on meanwhile. */
	boolean update(long id, int version, ChangeSlaRules.Draft d) {
		return jdbc.sql("""
				update change_sla_rule set category = ?, risk_level = ?, approval_minutes = ?, approval_basis = ?,
				  window_deadline = ?, warning_percent = ?, version = version + 1, updated_at = now()
				where id = ? and version = ? and retired_at is null""")
			.params(d.category(), d.riskLevel(), d.approvalMinutes(), d.approvalBasis(), d.windowDeadline(),
					d.warningPercent(), id, version)
			.update() == 1;
	}

	boolean retire(long id, int version) {
		return jdbc.sql("""
				update change_sla_rule set retired_at = now(), version = version + 1, updated_at = now()
				where id = ? and version = ? and retired_at is null""")
			.params(id, version).update() == 1;
	}

	/** Notes that a clock's warning or breach was told; false when it was told before (a repeated delivery). */
	boolean alerted(long changeId, String clock, int percent) {
		return jdbc.sql("""
				insert into change_sla_alert (change_id, clock, percent) values (?, ?, ?) on conflict do nothing""")
			.params(changeId, clock, percent).update() == 1;
	}

	private static ChangeSlaRule row(ResultSet rs) throws SQLException {
		Integer minutes = rs.getObject("approval_minutes", Integer.class);
		return new ChangeSlaRule(rs.getLong("id"), rs.getString("category"), rs.getString("risk_level"), minutes, rs.getString("approval_basis"), rs.getBoolean("window_deadline"),
				rs.getInt("warning_percent"), rs.getInt("version"), ChangeRecords.instant(rs, "updated_at"),
				ChangeRecords.instant(rs, "retired_at"));
	}
}
