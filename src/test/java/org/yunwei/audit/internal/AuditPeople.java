package org.yunwei.audit.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.support.Accounts;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * API tokens of people in the roles that matter to the audit trail. Administrators get a second factor first, as the
 * 等保 profile requires before they may work.
 */
final class AuditPeople {

	private final JdbcClient jdbc;
	private final ApiClient api;
	private final TestDirectory directory;

	AuditPeople(JdbcClient jdbc, ApiClient api) {
		this.jdbc = jdbc;
		this.api = api;
		this.directory = new TestDirectory(jdbc);
	}

	String tokenOf(String partyKind, String... roles) {
		String user = withSecondFactor(userOf(partyKind, roles));
		return Accounts.tokenFor(api, user, TestDirectory.PASSWORD, IntegrationTestSupport.ADMIN_TOTP_SECRET);
	}

	String userOf(String partyKind, String... roles) {
		return directory.user(directory.orgUnit(directory.party(partyKind, "审计测试"), null, "部门"), roles);
	}

	/** Gives the user the second factor {@link IntegrationTestSupport#ADMIN_TOTP_SECRET}; returns the user. */
	String withSecondFactor(String user) {
		jdbc.sql("update app_user set totp_secret = ? where username = ?")
			.params(IntegrationTestSupport.ADMIN_TOTP_SECRET, user)
			.update();
		return user;
	}

	String auditAdmin() {
		return tokenOf("MANAGEMENT", "AUDIT_ADMIN");
	}

	String supervisor() {
		return tokenOf("SUPERVISION", "SUPERVISOR");
	}

	String systemAdmin() {
		return tokenOf("MANAGEMENT", "SYSTEM_ADMIN");
	}

	String customer() {
		return tokenOf("CUSTOMER");
	}
}
