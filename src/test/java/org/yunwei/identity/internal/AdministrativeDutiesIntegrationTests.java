package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.Accounts;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.Officers.Officer;
import org.yunwei.support.TestDirectory;

/**
 * 三员分立 as an assessor tries to break it: the system administrator gives no roles, administrative roles go to
 * management people only and wait for a second officer, and a change of roles ends what the person holds.
 */
class AdministrativeDutiesIntegrationTests extends IntegrationTestSupport {

	private DirectoryTesting testing;

	@BeforeEach
	void setUp() {
		testing = new DirectoryTesting(jdbc, api());
	}

	@Test
	void theSystemAdministratorAloneCreatesAUserButCannotMakeThemAuditAdministrator() {
		String admin = adminToken();
		String username = TestDirectory.unique("aud");
		var created = api().post("/api/v1/users", admin, map("username", username, "displayName", "审计员",
				"orgUnitId", testing.managementUnit(), "password", "Initial#2026x"));
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();

		var given = api().put("/api/v1/users/" + id + "/roles", admin, map("roles", List.of("AUDIT_ADMIN")));

		assertThat(given.status()).isEqualTo(403);
		assertThat(rolesOf(id)).isZero();
		assertThat(pendingGrantsOf(id)).isZero();
	}

	@Test
	void theSystemAdministratorCannotSlipRolesIntoANewUserAndNoAccountIsLeftBehind() {
		String username = TestDirectory.unique("slip");
		var created = api().post("/api/v1/users", adminToken(), map("username", username, "displayName", "夹带",
				"orgUnitId", testing.managementUnit(), "password", "Initial#2026x", "roles", List.of("SECURITY_ADMIN")));

		assertThat(created.status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class)
			.single()).isZero();
	}

	@Test
	void theSecurityAdministratorCannotGiveAnAdministrativeRoleToAProvidersUser() {
		long provider = testing.directory.orgUnit(testing.directory.party("PROVIDER", "服务方"), null, "驻场组");
		long id = testing.directory.userId(testing.directory.user(provider));

		var given = api().put("/api/v1/users/" + id + "/roles", securityAdminToken(),
				map("roles", List.of("AUDIT_ADMIN")));

		assertThat(given.status()).isEqualTo(422);
		assertThat(given.json().get("type").asString()).isEqualTo("urn:yunwei:problem:separation-of-duties");
		assertThat(given.json().get("errors").get("roles").asString()).contains("管理方");
		assertThat(rolesOf(id)).isZero();
		assertThat(pendingGrantsOf(id)).isZero();
	}

	@Test
	void aTokenIssuedBeforeARoleChangeStopsWorking() {
		long unit = testing.directory.orgUnit(testing.directory.party("PROVIDER", "服务方"), null, "一线");
		String username = testing.directory.user(unit);
		String token = Accounts.tokenFor(api(), username, TestDirectory.PASSWORD, null);
		String role = testing.directory.role("USER_READ");

		var given = api().put("/api/v1/users/" + testing.directory.userId(username) + "/roles", securityAdminToken(),
				map("roles", List.of(role)));

		assertThat(given.status()).isEqualTo(200);
		assertThat(api().get("/api/v1/auth/tokens", token).status()).isEqualTo(401);
		assertThat(testing.audited("USER_ROLES_ASSIGN", testing.directory.userId(username))[1]
			.get("tokensRevoked").asInt()).isOne();
	}

	@Test
	void anAdministrativeRoleWaitsForASecondOfficerAndThenLeavesNoOldTokenWithoutASecondFactor() {
		String username = testing.directory.user(testing.managementUnit());
		long id = testing.directory.userId(username);
		String earlier = Accounts.tokenFor(api(), username, TestDirectory.PASSWORD, null);
		Officer asking = officers().signedIn("SECURITY_ADMIN");

		var asked = api().put("/api/v1/users/" + id + "/roles", asking.token(), map("roles", List.of("AUDIT_ADMIN")));

		assertThat(asked.status()).isEqualTo(202);
		assertThat(asked.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(asked.json().get("rolesAsked").get(0).asString()).isEqualTo("AUDIT_ADMIN");
		assertThat(rolesOf(id)).as("nothing applies before the confirmation").isZero();
		assertThat(api().get("/api/v1/audit/records", earlier).status()).isEqualTo(403);
		assertThat(testing.auditCount("ADMIN_GRANT_REQUEST", id)).isOne();
		long grant = asked.json().get("id").asLong();
		assertThat(api().put("/api/v1/users/" + id + "/roles", asking.token(), map("roles", List.of("AUDIT_ADMIN")))
			.status()).as("one open request per person").isEqualTo(409);

		var own = api().post("/api/v1/administrative-grants/" + grant + "/confirm", asking.token(), null);
		assertThat(own.status()).isEqualTo(422);
		assertThat(own.json().get("type").asString()).isEqualTo("urn:yunwei:problem:separation-of-duties");
		String auditor = officers().signedIn("AUDIT_ADMIN").token();
		assertThat(api().get("/api/v1/administrative-grants", auditor).status()).isEqualTo(403);
		assertThat(api().post("/api/v1/administrative-grants/" + grant + "/confirm", auditor, null).status())
			.isEqualTo(403);
		assertThat(rolesOf(id)).isZero();

		Officer second = officers().signedIn("SECURITY_ADMIN");
		assertThat(api().get("/api/v1/administrative-grants", second.token()).body()).contains("\"id\":" + grant);
		var confirmed = api().post("/api/v1/administrative-grants/" + grant + "/confirm", second.token(), null);

		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.json().get("roles").get(0).asString()).isEqualTo("AUDIT_ADMIN");
		assertThat(api().get("/api/v1/audit/records", earlier).status()).isEqualTo(401);
		var decided = testing.audited("ADMIN_GRANT_CONFIRM", id);
		assertThat(decided[1].get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(testing.audited("USER_ROLES_ASSIGN", id)[1].get("grantId").asLong()).isEqualTo(grant);
		assertThat(jdbc.sql("select decided_by from administrative_grant where id = ?").param(grant)
			.query(Long.class).single()).isEqualTo(second.id());
		assertThat(api().post("/api/v1/administrative-grants/" + grant + "/reject", second.token(), null).status())
			.isEqualTo(409);

		var withoutSecondFactor = api().post("/api/v1/auth/tokens", null, map("username", username, "password",
				TestDirectory.PASSWORD, "name", "auditor", "expiresInDays", 1));
		assertThat(withoutSecondFactor.status()).isEqualTo(403);
	}

	@Test
	void aRejectedGrantChangesNothingAndAStaleOneCannotBeConfirmed() {
		long rejectedId = testing.directory.userId(testing.directory.user(testing.managementUnit()));
		long staleId = testing.directory.userId(testing.directory.user(testing.managementUnit()));
		String security = securityAdminToken();
		String admin = adminToken();
		long rejected = api().put("/api/v1/users/" + rejectedId + "/roles", security,
				map("roles", List.of("SECURITY_ADMIN"))).json().get("id").asLong();
		long stale = api().put("/api/v1/users/" + staleId + "/roles", security,
				map("roles", List.of("SYSTEM_ADMIN"))).json().get("id").asLong();

		assertThat(api().post("/api/v1/administrative-grants/" + rejected + "/reject", admin, null).status())
			.isEqualTo(204);
		assertThat(rolesOf(rejectedId)).isZero();
		assertThat(testing.audited("ADMIN_GRANT_REJECT", rejectedId)[1].get("status").asString())
			.isEqualTo("REJECTED");

		assertThat(api().put("/api/v1/users/" + staleId + "/roles", security,
				map("roles", List.of(testing.directory.role("USER_READ")))).status()).isEqualTo(200);
		var confirmed = api().post("/api/v1/administrative-grants/" + stale + "/confirm", admin, null);
		assertThat(confirmed.status()).isEqualTo(409);
		assertThat(jdbc.sql("""
				select count(*) from user_role ur join role r on r.id = ur.role_id
				where ur.user_id = ? and r.code = 'SYSTEM_ADMIN'""").param(staleId).query(Long.class).single()).isZero();
		assertThat(api().post("/api/v1/administrative-grants/99999999/confirm", admin, null).status()).isEqualTo(404);
	}

	@Test
	void theSystemAdministratorResetsAPasswordToATemporaryOneAndTheOldTokensStop() {
		long unit = testing.directory.orgUnit(testing.directory.party("CUSTOMER", "使用方"), null, "档案科");
		String username = testing.directory.user(unit);
		long id = testing.directory.userId(username);
		String token = Accounts.tokenFor(api(), username, TestDirectory.PASSWORD, null);
		String admin = adminToken();

		var weak = api().post("/api/v1/users/" + id + "/password-reset", admin, map("password", "abcdefgh"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().get("errors").has("password")).isTrue();
		assertThat(api().get("/api/v1/auth/tokens", token).status()).isEqualTo(200);
		assertThat(api().post("/api/v1/users/" + id + "/password-reset", securityAdminToken(),
				map("password", "Temp#2026-reset")).status()).isEqualTo(403);

		var reset = api().post("/api/v1/users/" + id + "/password-reset", admin, map("password", "Temp#2026-reset"));

		assertThat(reset.status()).isEqualTo(200);
		assertThat(reset.json().get("mustChangePassword").asBoolean()).isTrue();
		assertThat(api().get("/api/v1/auth/tokens", token).status()).isEqualTo(401);
		assertThat(testing.audited("USER_PASSWORD_RESET", id)[1].get("tokensRevoked").asInt()).isOne();
		var officer = officers().account("AUDIT_ADMIN");
		jdbc.sql("update app_user set totp_secret = null where id = ?").param(officer.id()).update();
		assertThat(api().post("/api/v1/users/" + officer.id() + "/password-reset", admin,
				map("password", "Temp#2026-reset")).status()).isEqualTo(422);
	}

	@Test
	void customRolesNeverCarryTheDutiesOfTwoAdministrators() {
		String security = securityAdminToken();
		String code = TestDirectory.unique("MIX_").toUpperCase();
		var mixed = api().post("/api/v1/roles", security, map("code", code, "name", "万能 " + code,
				"permissions", List.of("USER_MANAGE", "ROLE_ASSIGN")));
		assertThat(mixed.status()).isEqualTo(422);
		assertThat(mixed.json().get("errors").has("permissions")).isTrue();

		String accounts = testing.directory.role("USER_MANAGE", "USER_READ");
		String reader = testing.directory.role("USER_READ");
		long id = testing.directory.userId(testing.directory.user(testing.managementUnit(), accounts, reader));
		String grants = testing.directory.role("ROLE_ASSIGN");
		var both = api().put("/api/v1/users/" + id + "/roles", security, map("roles", List.of(accounts, grants)));
		assertThat(both.status()).isEqualTo(422);
		assertThat(both.json().get("errors").has("roles")).isTrue();
		long readerId = jdbc.sql("select id from role where code = ?").param(reader).query(Long.class).single();
		var widened = api().put("/api/v1/roles/" + readerId, security,
				map("name", "读者 " + reader, "permissions", List.of("USER_READ", "ROLE_ASSIGN")));
		assertThat(widened.status()).as("its holder also keeps accounts").isEqualTo(422);
		assertThat(jdbc.sql("select count(*) from role_permission where role_id = ?").param(readerId)
			.query(Long.class).single()).isOne();
	}

	private long rolesOf(long userId) {
		return jdbc.sql("select count(*) from user_role where user_id = ?").param(userId).query(Long.class).single();
	}

	private long pendingGrantsOf(long userId) {
		Boolean exists = jdbc.sql("select to_regclass('administrative_grant') is not null").query(Boolean.class)
			.single();
		return Boolean.TRUE.equals(exists) ? jdbc.sql("select count(*) from administrative_grant where user_id = ?")
			.param(userId).query(Long.class).single() : 0;
	}
}
