package org.yunwei.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code administrative_grant} table: requests to give an administrative role, waiting for a second officer.
 */
@Repository
class AdministrativeGrants {

	private static final String SELECT = """
			select g.id, g.user_id, u.username, u.display_name, g.roles_before, g.roles_asked, g.requested_by,
			       r.username as requested_by_username, g.requested_at, g.status, g.decided_by,
			       d.username as decided_by_username, g.decided_at
			from administrative_grant g join app_user u on u.id = g.user_id join app_user r on r.id = g.requested_by
			left join app_user d on d.id = g.decided_by""";

	private final JdbcClient jdbc;

	AdministrativeGrants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return the new request's id, or empty when the person already has one waiting */
	Optional<Long> insert(long userId, Collection<String> before, Collection<String> asked, long requestedBy,
			Instant now) {
		return jdbc.sql("""
				insert into administrative_grant (user_id, roles_before, roles_asked, requested_by, requested_at)
				values (?, ?, ?, ?, ?) on conflict (user_id) where status = 'PENDING' do nothing returning id""")
			.params(userId, before.toArray(String[]::new), asked.toArray(String[]::new), requestedBy,
					Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	List<GrantView> pending(int limit) {
		return jdbc.sql(SELECT + " where g.status = 'PENDING' order by g.requested_at desc, g.id desc limit ?")
			.param(limit)
			.query(AdministrativeGrants::map)
			.list();
	}

	Optional<GrantView> pendingOf(long userId) {
		return jdbc.sql(SELECT + " where g.status = 'PENDING' and g.user_id = ?").param(userId)
			.query(AdministrativeGrants::map)
			.optional();
	}

	/** Locks the request for the rest of the transaction: two officers deciding at once are serialised. */
	Optional<GrantView> lock(long id) {
		jdbc.sql("select id from administrative_grant where id = ? for update").param(id).query(Long.class).optional();
		return jdbc.sql(SELECT + " where g.id = ?").param(id).query(AdministrativeGrants::map).optional();
	}

	void decide(long id, String status, long decidedBy, Instant now) {
		jdbc.sql("update administrative_grant set status = ?, decided_by = ?, decided_at = ? where id = ?")
			.params(status, decidedBy, Timestamp.from(now), id)
			.update();
	}

	private static GrantView map(ResultSet rs, int row) throws SQLException {
		return new GrantView(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"),
				rs.getString("display_name"), codes(rs.getArray("roles_before")), codes(rs.getArray("roles_asked")),
				rs.getLong("requested_by"), rs.getString("requested_by_username"),
				UserAccounts.instant(rs, "requested_at"), rs.getString("status"),
				rs.getObject("decided_by", Long.class), rs.getString("decided_by_username"),
				UserAccounts.instant(rs, "decided_at"));
	}

	private static List<String> codes(Array array) throws SQLException {
		return List.of((String[]) array.getArray());
	}
}
