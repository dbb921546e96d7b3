package org.yunwei.document.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code document_category} table. */
@Repository
class CategoryRecords {

	private static final String SELECT = """
			select id, code, name, items, approval_policy_id, built_in, retired_at is not null as retired
			from document_category""";

	private final JdbcClient jdbc;

	CategoryRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every category, the built-in ones first in the order the standard names them, then the others by name. */
	List<DocumentCategory> all() {
		return jdbc.sql(SELECT + " order by built_in desc, case when built_in then id end, lower(name)")
			.query((rs, n) -> category(rs))
			.list();
	}

	Optional<DocumentCategory> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query((rs, n) -> category(rs)).optional();
	}

	Optional<DocumentCategory> findByCode(String code) {
		return jdbc.sql(SELECT + " where code = ?").param(code).query((rs, n) -> category(rs)).optional();
	}

	boolean nameTaken(String name) {
		return nameTaken(name, null);
	}

	/** Whether another category than {@code exceptId} is called so, whatever the case. */
	boolean nameTaken(String name, Long exceptId) {
		return jdbc.sql("""
				select exists (select 1 from document_category where lower(name) = lower(?) and id is distinct from ?)""")
			.params(name, exceptId)
			.query(Boolean.class)
			.single();
	}

	void rename(long id, String name) {
		jdbc.sql("update document_category set name = ? where id = ?").params(name, id).update();
	}

	void retire(long id, boolean retired) {
		jdbc.sql("update document_category set retired_at = case when ? then now() end where id = ?")
			.params(retired, id)
			.update();
	}

	long insert(String name, List<String> items, Long approvalPolicyId) {
		return jdbc.sql("insert into document_category (name, items, approval_policy_id) values (?, cast(? as text[]), ?)"
				+ " returning id")
			.params(name, "{" + String.join(",", items) + "}", approvalPolicyId)
			.query(Long.class)
			.single();
	}

	void setPolicy(long id, Long approvalPolicyId) {
		jdbc.sql("update document_category set approval_policy_id = ? where id = ?").params(approvalPolicyId, id).update();
	}

	private static DocumentCategory category(ResultSet rs) throws SQLException {
		Array items = rs.getArray("items");
		Long policy = rs.getObject("approval_policy_id", Long.class);
		return new DocumentCategory(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				items == null ? List.of() : Arrays.asList((String[]) items.getArray()), policy,
				rs.getBoolean("built_in"), rs.getBoolean("retired"));
	}
}
