package org.yunwei.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code sign_in_origin} table: the addresses each person has signed in from successfully, and when last.
 */
@Repository
class SignInOrigins {

	private final JdbcClient jdbc;

	SignInOrigins(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean knownSince(long userId, String address, Instant since) {
		return jdbc.sql("select count(*) from sign_in_origin where user_id = ? and address = ? and last_success_at >= ?")
			.params(userId, AddressThrottle.key(address), Timestamp.from(since))
			.query(Long.class)
			.single() > 0;
	}

	void remember(long userId, String address, Instant now) {
		jdbc.sql("""
				insert into sign_in_origin (user_id, address, last_success_at) values (?, ?, ?)
				on conflict (user_id, address) do update set last_success_at = excluded.last_success_at""")
			.params(userId, AddressThrottle.key(address), Timestamp.from(now))
			.update();
	}
}
