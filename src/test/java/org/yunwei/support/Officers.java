package org.yunwei.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrators of 三员分立 for tests: each a new account of the management party holding one role, with the
 * second factor {@link IntegrationTestSupport#ADMIN_TOTP_SECRET}. A TOTP code is accepted once per account, so a test
 * that signs in as an administrator more than once a minute takes a new account rather than a shared one.
 */
public final class Officers {

	private final JdbcClient jdbc;
	private final ApiClient api;
	private final TestDirectory directory;

	public Officers(JdbcClient jdbc, ApiClient api) {
		this.jdbc = jdbc;
		this.api = api;
		this.directory = new TestDirectory(jdbc);
	}

	/** A new management account with the role and the second factor; not signed in yet. */
	public Officer account(String role) {
		String username = directory.user(managementUnit(), role);
		jdbc.sql("update app_user set totp_secret = ? where username = ?")
			.params(IntegrationTestSupport.ADMIN_TOTP_SECRET, username)
			.update();
		return new Officer(directory.userId(username), username, null);
	}

	/** A new management account with the role and the second factor, with a token from its one sign-in. */
	public Officer signedIn(String role) {
		Officer officer = account(role);
		return new Officer(officer.id(), officer.username(), Accounts.tokenFor(api, officer.username(),
				TestDirectory.PASSWORD, IntegrationTestSupport.ADMIN_TOTP_SECRET));
	}

	private long managementUnit() {
		return jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
	}

	/** An administrator: their user id, name and (once signed in) API token. */
	public record Officer(long id, String username, String token) {
	}
}
