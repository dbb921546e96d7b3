package org.yunwei.approval.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads delegations ({@code approval_delegation}). */
@Repository
public class Delegations {

	private static final String SELECT = """
			select id, delegator_id, delegate_id, valid_from, valid_until, reason, revoked_at, created_at
			from approval_delegation""";

	private final JdbcClient jdbc;

	Delegations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long delegatorId, long delegateId, Instant from, Instant until, String reason) {
		return jdbc.sql("""
				insert into approval_delegation (delegator_id, delegate_id, valid_from, valid_until, reason)
				values (?, ?, ?, ?, ?) returning id""")
			.params(delegatorId, delegateId, Timestamp.from(from), Timestamp.from(until), reason)
			.query(Long.class)
			.single();
	}

	public Optional<Delegation> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(Delegations::delegation).optional();
	}

	public void revoke(long id, Instant at) {
		jdbc.sql("update approval_delegation set revoked_at = ? where id = ? and revoked_at is null")
			.params(Timestamp.from(at), id)
			.update();
	}

	/** Whether the delegate may decide for the delegator at the instant. */
	public boolean active(long delegatorId, long delegateId, Instant at) {
		return jdbc.sql("""
				select exists (select 1 from approval_delegation where delegator_id = ? and delegate_id = ?
				  and revoked_at is null and valid_from <= ? and valid_until > ?)""")
			.params(delegatorId, delegateId, Timestamp.from(at), Timestamp.from(at))
			.query(Boolean.class)
			.single();
	}

	/** The delegations a person gave or received, latest first. */
	public List<Delegation> involving(long userId, int limit) {
		return jdbc.sql(SELECT + " where delegator_id = ? or delegate_id = ? order by valid_until desc, id desc limit ?")
			.params(userId, userId, limit)
			.query(Delegations::delegation)
			.list();
	}

	private static Delegation delegation(ResultSet rs, int n) throws SQLException {
		return new Delegation(rs.getLong("id"), rs.getLong("delegator_id"), rs.getLong("delegate_id"),
				rs.getTimestamp("valid_from").toInstant(), rs.getTimestamp("valid_until").toInstant(),
				rs.getString("reason"), ApprovalRequests.instant(rs, "revoked_at"),
				rs.getTimestamp("created_at").toInstant());
	}
}
