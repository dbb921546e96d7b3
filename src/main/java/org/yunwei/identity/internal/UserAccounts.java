package org.yunwei.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code app_user} table and the password history beside it.
 */
@Repository
class UserAccounts {

	private static final String COLUMNS = """
			id, username, display_name, email, phone, phone_digest, org_unit_id, enabled, password_hash, password_changed_at,
			must_change_password, totp_secret, totp_last_step, failed_attempts, locked_until, sessions_valid_after,
			last_sign_in_at, created_at, service_account""";

	private final JdbcClient jdbc;
	private final DirectoryPhones phones;

	UserAccounts(JdbcClient jdbc, DirectoryPhones phones) {
		this.jdbc = jdbc;
		this.phones = phones;
	}

	Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql("select " + COLUMNS + " from app_user where lower(username) = lower(?)")
			.param(username)
			.query(UserAccounts::map)
			.optional();
	}

	Optional<UserAccount> findById(long id) {
		return jdbc.sql("select " + COLUMNS + " from app_user where id = ?").param(id).query(UserAccounts::map)
			.optional();
	}

	/** Locks the row for the rest of the transaction: sign-in failures are counted without losing one. */
	Optional<UserAccount> lockByUsername(String username) {
		return jdbc.sql("select " + COLUMNS + " from app_user where lower(username) = lower(?) for update")
			.param(username)
			.query(UserAccounts::map)
			.optional();
	}

	boolean usernameTaken(String username) {
		return jdbc.sql("select count(*) from app_user where lower(username) = lower(?)").param(username)
			.query(Long.class).single() > 0;
	}

	long insert(String username, String displayName, String email, String phone, long orgUnitId,
			String passwordHash, boolean mustChangePassword, String totpSecret) {
		long id = jdbc.sql("""
				insert into app_user (username, display_name, email, org_unit_id, password_hash,
				                      must_change_password, totp_secret)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(username, displayName, email, orgUnitId, passwordHash, mustChangePassword, totpSecret)
			.query(Long.class)
			.single();
		setPhone(id, phone);
		rememberPassword(id, passwordHash);
		return id;
	}

	void markServiceAccount(long id) {
		jdbc.sql("update app_user set service_account = true, must_change_password = false where id = ?").param(id)
			.update();
	}

	void updateProfile(long id, String displayName, String email, String phone, boolean keepPhone, long orgUnitId) {
		jdbc.sql("update app_user set display_name = ?, email = ?, org_unit_id = ? where id = ?")
			.params(displayName, email, orgUnitId, id)
			.update();
		if (!keepPhone) {
			setPhone(id, phone);
		}
	}

	/** Seals the number under the person (the plain column is emptied for good). */
	void setPhone(long id, String phone) {
		DirectoryPhones.SealedPhone sealed = phones.seal(phone, id);
		jdbc.sql("update app_user set phone = null, phone_sealed = ?, phone_digest = ? where id = ?")
			.params(sealed.sealed(), sealed.digest(), id)
			.update();
	}

	void setEnabled(long id, boolean enabled, Instant now) {
		jdbc.sql("""
				update app_user set enabled = ?,
				       sessions_valid_after = case when ? then sessions_valid_after else ? end
				where id = ?""")
			.params(enabled, enabled, Timestamp.from(now), id)
			.update();
	}

	void endSessions(long id, Instant now) {
		jdbc.sql("update app_user set sessions_valid_after = ? where id = ?").params(Timestamp.from(now), id).update();
	}

	/** Whether the account is locked for sign-ins from this address at {@code now}. */
	boolean lockedAt(long id, String address, Instant now) {
		return jdbc.sql("select count(*) from sign_in_lockout where user_id = ? and address = ? and locked_until > ?")
			.params(id, AddressThrottle.key(address), Timestamp.from(now))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Counts a failed sign-in of the account from the address and answers how many there have been in a row from it;
	 * a lock of that address that has run out starts the count again.
	 */
	int countFailure(long id, String address, Instant now) {
		return jdbc.sql("""
				insert into sign_in_lockout (user_id, address, failed_attempts) values (?, ?, 1)
				on conflict (user_id, address) do update set
				    failed_attempts = case when sign_in_lockout.locked_until <= ? then 1
				                           else sign_in_lockout.failed_attempts + 1 end,
				    locked_until = case when sign_in_lockout.locked_until <= ? then null
				                        else sign_in_lockout.locked_until end
				returning failed_attempts""")
			.params(id, AddressThrottle.key(address), Timestamp.from(now), Timestamp.from(now))
			.query(Integer.class)
			.single();
	}

	/** Locks the account for sign-ins from the address; the user's row keeps the latest lock for the user list. */
	void lock(long id, String address, int failedAttempts, Instant until) {
		jdbc.sql("update sign_in_lockout set locked_until = ? where user_id = ? and address = ?")
			.params(Timestamp.from(until), id, AddressThrottle.key(address))
			.update();
		jdbc.sql("update app_user set failed_attempts = ?, locked_until = ? where id = ?")
			.params(failedAttempts, Timestamp.from(until), id)
			.update();
	}

	/**
	 * A successful sign-in from the address: its count starts again; the user's row shows a lock only while one of
	 * another address still holds.
	 */
	void recordSuccess(long id, String address, Instant now) {
		jdbc.sql("delete from sign_in_lockout where user_id = ? and address = ?")
			.params(id, AddressThrottle.key(address))
			.update();
		jdbc.sql("""
				update app_user set last_sign_in_at = ?,
				    locked_until = (select max(l.locked_until) from sign_in_lockout l
				                    where l.user_id = app_user.id and l.locked_until > ?),
				    failed_attempts = case when exists (select 1 from sign_in_lockout l where l.user_id = app_user.id
				                                        and l.locked_until > ?) then failed_attempts else 0 end
				where id = ?""")
			.params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	/** Ends every lock of the account, from every address (the security administrator's unlock). */
	void unlock(long id) {
		jdbc.sql("delete from sign_in_lockout where user_id = ?").param(id).update();
		jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where id = ?").param(id).update();
	}

	void changePassword(long id, String passwordHash, boolean mustChange, Instant now) {
		jdbc.sql("""
				update app_user set password_hash = ?, password_changed_at = ?, must_change_password = ?
				where id = ?""")
			.params(passwordHash, Timestamp.from(now), mustChange, id)
			.update();
		rememberPassword(id, passwordHash);
	}

	/** Enrols a second factor whose code of {@code step} was just accepted, so that it cannot be used again. */
	void setTotpSecret(long id, String secret, long step) {
		jdbc.sql("update app_user set totp_secret = ?, totp_last_step = ? where id = ?").params(secret, step, id)
			.update();
	}

	/** Remembers the time step of the code just accepted: that code and every earlier one are refused from now. */
	void rememberTotpStep(long id, long step) {
		jdbc.sql("update app_user set totp_last_step = greatest(coalesce(totp_last_step, ?), ?) where id = ?")
			.params(step, step, id)
			.update();
	}

	/** The hashes of the latest {@code count} passwords, newest first, the current one included. */
	List<String> recentPasswordHashes(long id, int count) {
		return jdbc.sql("""
				select password_hash from password_history where user_id = ?
				order by changed_at desc limit ?""")
			.params(id, count)
			.query(String.class)
			.list();
	}

	/** Whether the account may sign in now and its sessions begun at {@code sessionStart} still hold. */
	boolean sessionStillValid(long id, Instant sessionStart) {
		return jdbc.sql("select count(*) from app_user where id = ? and enabled and sessions_valid_after <= ?")
			.params(id, Timestamp.from(sessionStart))
			.query(Long.class)
			.single() > 0;
	}

	private void rememberPassword(long id, String passwordHash) {
		jdbc.sql("insert into password_history (user_id, password_hash, changed_at) values (?, ?, clock_timestamp())")
			.params(id, passwordHash)
			.update();
	}

	static UserAccount map(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), DirectoryPhones.auditMark(rs.getBytes("phone_digest"), rs.getString("phone")),
				rs.getLong("org_unit_id"), rs.getBoolean("enabled"),
				rs.getString("password_hash"), instant(rs, "password_changed_at"),
				rs.getBoolean("must_change_password"), rs.getString("totp_secret"),
				rs.getObject("totp_last_step", Long.class), rs.getInt("failed_attempts"),
				instant(rs, "locked_until"), instant(rs, "sessions_valid_after"), instant(rs, "last_sign_in_at"),
				instant(rs, "created_at"), rs.getBoolean("service_account"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
