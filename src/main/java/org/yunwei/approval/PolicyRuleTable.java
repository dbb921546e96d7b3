package org.yunwei.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes and reads the table of one {@link PolicyRuleBook}: the columns of its key, {@code policy_id}, {@code version},
 * {@code updated_at} and {@code retired_at}. A retired rule is kept, marked, and chosen no more. Table and column
 * names come from the book's terms, checked there to be plain names, never from a request.
 */
final class PolicyRuleTable {

	/** A row before the policy's name is put beside it. */
	record Row(long id, List<String> key, long policyId, int version, Instant updatedAt, Instant retiredAt) {
	}

	private final JdbcClient jdbc;
	private final PolicyRuleBook.Terms terms;
	private final String columns;
	/** The key's columns compared with one parameter each: {@code category = ? and risk_level = ?}. */
	private final String keyMatches;

	PolicyRuleTable(JdbcClient jdbc, PolicyRuleBook.Terms terms) {
		this.jdbc = jdbc;
		this.terms = terms;
		this.columns = "id, " + keyColumns() + ", policy_id, version, updated_at, retired_at";
		this.keyMatches = terms.key().stream().map(p -> p.column() + " = ?").collect(Collectors.joining(" and "));
	}

	/** The live rules (and the retired ones when asked), live first, then by each key part in its values' order. */
	List<Row> all(boolean withRetired) {
		List<Object> params = new ArrayList<>();
		StringBuilder order = new StringBuilder("retired_at is not null");
		for (PolicyRuleBook.KeyPart part : terms.key()) {
			order.append(", array_position(string_to_array(?, ','), ").append(part.column()).append(')');
			params.add(String.join(",", part.values()));
		}
		return jdbc.sql("select " + columns + " from " + terms.table()
				+ (withRetired ? "" : " where retired_at is null") + " order by " + order + ", retired_at desc, id")
			.params(params).query((rs, n) -> row(rs)).list();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select " + columns + " from " + terms.table() + " where id = ?").param(id)
			.query((rs, n) -> row(rs)).optional();
	}

	/** The policy of the live rule of exactly this key, if any. */
	Optional<Long> livePolicy(List<String> key) {
		return jdbc.sql("select policy_id from " + terms.table() + " where retired_at is null and " + keyMatches)
			.params(key).query(Long.class).optional();
	}

	/** Whether a live rule other than {@code exceptId} already answers for this key. */
	boolean taken(List<String> key, long exceptId) {
		List<Object> params = new ArrayList<>(key);
		params.add(exceptId);
		return jdbc.sql("select exists (select 1 from " + terms.table() + " where " + keyMatches
				+ " and retired_at is null and id <> ?)").params(params).query(Boolean.class).single();
	}

	long insert(List<String> key, long policyId) {
		List<Object> params = new ArrayList<>(key);
		params.add(policyId);
		String marks = "?, ".repeat(key.size());
		return jdbc.sql("insert into " + terms.table() + " (" + keyColumns() + ", policy_id) values (" + marks
				+ "?) returning id").params(params).query(Long.class).single();
	}

	/** Sets the rule's key and policy if its version is still the one read; false when it moved on meanwhile. */
	boolean update(long id, int version, List<String> key, long policyId) {
		List<Object> params = new ArrayList<>(key);
		params.addAll(List.of(policyId, id, version));
		String sets = terms.key().stream().map(p -> p.column() + " = ?, ").collect(Collectors.joining());
		return jdbc.sql("update " + terms.table() + " set " + sets + "policy_id = ?, version = version + 1, "
				+ "updated_at = now() where id = ? and version = ? and retired_at is null").params(params).update() == 1;
	}

	boolean retire(long id, int version) {
		return jdbc.sql("update " + terms.table() + " set retired_at = now(), version = version + 1, updated_at = now() "
				+ "where id = ? and version = ? and retired_at is null").params(id, version).update() == 1;
	}

	private String keyColumns() {
		return terms.key().stream().map(PolicyRuleBook.KeyPart::column).collect(Collectors.joining(", "));
	}

	private Row row(ResultSet rs) throws SQLException {
		List<String> key = new ArrayList<>();
		for (PolicyRuleBook.KeyPart part : terms.key()) {
			key.add(rs.getString(part.column()));
		}
		return new Row(rs.getLong("id"), key, rs.getLong("policy_id"), rs.getInt("version"), instant(rs, "updated_at"),
				instant(rs, "retired_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
