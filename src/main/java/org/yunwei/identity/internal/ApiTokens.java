package org.yunwei.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.Actor;

/**
 * The {@code api_token} table. Tokens are found by the digest of what the client presents.
 */
@Repository
class ApiTokens {

	private final JdbcClient jdbc;

	private static final long USE_NOTED_EVERY_SECONDS = 60;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long userId, String name, String digest, Instant expiresAt) {
		return jdbc.sql("insert into api_token (user_id, name, digest, expires_at) values (?, ?, ?, ?) returning id")
			.params(userId, name, digest, Timestamp.from(expiresAt))
			.query(Long.class)
			.single();
	}

	/**
	 * The user of a token that is neither expired nor revoked and whose account is enabled, with their party, roles
	 * and permissions: one statement per API request.
	 */
	Optional<ActiveToken> activeUser(String digest, Instant now) {
		return jdbc.sql("select t.last_used_at, " + ActorDirectory.ACTOR_COLUMNS
				+ " from api_token t join app_user u on u.id = t.user_id " + ActorDirectory.ACTOR_JOINS
				+ " where t.digest = ? and t.revoked_at is null and t.expires_at > ? and u.enabled")
			.params(digest, Timestamp.from(now))
			.query((rs, n) -> new ActiveToken(ActorDirectory.actor(rs),
					rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant()))
			.optional();
	}

	/** Notes the use at most once a minute per token, so that busy scripts do not write on every call. */
	void noteUse(String digest, Instant now) {
		jdbc.sql("""
				update api_token set last_used_at = ? where digest = ?
				and (last_used_at is null or last_used_at < ?)""")
			.params(Timestamp.from(now), digest, Timestamp.from(now.minusSeconds(USE_NOTED_EVERY_SECONDS)))
			.update();
	}

	/** A token's user and when its use was last noted ({@code null}: never). */
	record ActiveToken(Actor actor, Instant lastUsedAt) {

		/** Whether the use is to be noted now: the update is skipped, round trip and all, within the minute. */
		boolean useToNote(Instant now) {
			return lastUsedAt == null || lastUsedAt.isBefore(now.minusSeconds(USE_NOTED_EVERY_SECONDS));
		}
	}

	List<TokenView> ofUser(long userId) {
		return jdbc.sql("""
				select id, name, created_at, expires_at, revoked_at, last_used_at from api_token
				where user_id = ? order by created_at desc""")
			.param(userId)
			.query(TokenView.class)
			.list();
	}

	Optional<TokenView> find(long userId, long tokenId) {
		return jdbc.sql("""
				select id, name, created_at, expires_at, revoked_at, last_used_at from api_token
				where user_id = ? and id = ?""")
			.params(userId, tokenId)
			.query(TokenView.class)
			.optional();
	}

	void revoke(long tokenId, Instant now) {
		jdbc.sql("update api_token set revoked_at = ? where id = ? and revoked_at is null")
			.params(Timestamp.from(now), tokenId)
			.update();
	}

	int revokeAllOf(long userId, Instant now) {
		return jdbc.sql("update api_token set revoked_at = ? where user_id = ? and revoked_at is null")
			.params(Timestamp.from(now), userId)
			.update();
	}

	/** A token as its owner sees it: never the token itself. */
	record TokenView(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt,
			Instant lastUsedAt) {
	}
}
