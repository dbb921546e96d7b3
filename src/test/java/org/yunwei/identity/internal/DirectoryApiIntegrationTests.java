package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.Accounts;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;

class DirectoryApiIntegrationTests extends IntegrationTestSupport {

	private static String admin;

	private DirectoryTesting testing;

	@BeforeEach
	void setUp() {
		testing = new DirectoryTesting(jdbc, api());
		if (admin == null) {
			admin = adminToken();
		}
	}

	@Test
	void createsRenamesAndDisablesAPartyWithAuditedBeforeAndAfter() {
		String code = TestDirectory.unique("EDU");
		var created = api().post("/api/v1/parties", admin, map("kind", "CUSTOMER", "code", code, "name", "教育局 " + code));
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(api().get("/api/v1/parties/" + id, admin).json().get("kind").asString()).isEqualTo("CUSTOMER");
		assertThat(api().get("/api/v1/parties", admin).body()).contains(code);

		var renamed = api().put("/api/v1/parties/" + id, admin, map("name", "市教育局 " + code, "enabled", false));

		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("enabled").asBoolean()).isFalse();
		JsonNode[] audit = testing.audited("PARTY_DISABLE", id);
		assertThat(audit[0].get("name").asString()).isEqualTo("教育局 " + code);
		assertThat(audit[1].get("name").asString()).isEqualTo("市教育局 " + code);
		assertThat(testing.auditCount("PARTY_CREATE", id)).isOne();
	}

	@Test
	void aNewPartyHasItsTopUnitNamedLikeItUnlessTheClientNamesIt() {
		String code = TestDirectory.unique("TOP");
		var plain = api().post("/api/v1/parties", admin, map("kind", "CUSTOMER", "code", code, "name", "市教育局 " + code));
		assertThat(plain.status()).isEqualTo(201);
		long party = plain.json().get("id").asLong();
		var units = api().get("/api/v1/parties/" + party + "/org-units", admin).json();
		assertThat(units.size()).isOne();
		assertThat(units.get(0).get("name").asString()).isEqualTo("市教育局 " + code);
		assertThat(units.get(0).get("code").asString()).isEqualTo(code);
		assertThat(units.get(0).get("parentId").isNull()).isTrue();
		assertThat(testing.auditCount("ORG_UNIT_CREATE", units.get(0).get("id").asLong())).isOne();

		String other = TestDirectory.unique("TOP");
		var named = api().post("/api/v1/parties", admin, map("kind", "PROVIDER", "code", other, "name", "运维公司 " + other,
				"topUnitCode", other + "-HQ", "topUnitName", "总部"));
		var top = api().get("/api/v1/parties/" + named.json().get("id").asLong() + "/org-units", admin).json().get(0);
		assertThat(top.get("code").asString()).isEqualTo(other + "-HQ");
		assertThat(top.get("name").asString()).isEqualTo("总部");
	}

	@Test
	void refusesAPartyWhoseTopUnitCodeIsTakenOrMalformedAndCreatesNeither() {
		long existing = testing.directory.orgUnit(testing.directory.party("CUSTOMER", "使用方"), null, "办公室");
		String takenUnitCode = jdbc.sql("select code from org_unit where id = ?").param(existing).query(String.class)
			.single();
		long before = jdbc.sql("select count(*) from party").query(Long.class).single();

		var refused = api().post("/api/v1/parties", admin, map("kind", "CUSTOMER", "code", TestDirectory.unique("P"),
				"name", "新局 " + TestDirectory.unique("n"), "topUnitCode", takenUnitCode));
		var malformed = api().post("/api/v1/parties", admin, map("kind", "CUSTOMER", "code", TestDirectory.unique("P"),
				"name", "新局", "topUnitCode", "带 空格", "topUnitName", "x".repeat(101)));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("errors").has("topUnitCode")).isTrue();
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("errors").has("topUnitCode")).isTrue();
		assertThat(malformed.json().get("errors").has("topUnitName")).isTrue();
		assertThat(jdbc.sql("select count(*) from party").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void refusesAnInvalidOrDuplicatePartyAndChangesNothing() {
		long before = jdbc.sql("select count(*) from party").query(Long.class).single();
		var invalid = api().post("/api/v1/parties", admin, map("kind", "VENDOR", "code", " ", "name", "x".repeat(101)));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").has("kind")).isTrue();
		assertThat(invalid.json().get("errors").has("code")).isTrue();
		assertThat(invalid.json().get("errors").get("name").asString()).contains("100");

		long existing = testing.directory.party("PROVIDER", "服务方");
		String takenCode = jdbc.sql("select code from party where id = ?").param(existing).query(String.class).single();
		var duplicate = api().post("/api/v1/parties", admin, map("kind", "PROVIDER", "code", takenCode, "name", "另一家"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("errors").has("code")).isTrue();
		assertThat(jdbc.sql("select count(*) from party").query(Long.class).single()).isEqualTo(before + 1);
		assertThat(api().postRaw("/api/v1/parties", admin, "{not json", "application/json").status()).isEqualTo(400);
	}

	@Test
	void buildsMovesAndGuardsAnOrganisationTree() {
		long party = testing.directory.party("CUSTOMER", "使用方");
		long otherParty = testing.directory.party("CUSTOMER", "另一使用方");
		long root = unit(party, null, "局机关").get("id").asLong();
		JsonNode office = unit(party, root, "办公室");
		long officeId = office.get("id").asLong();
		long desk = unit(party, officeId, "信息科").get("id").asLong();
		long foreign = unit(otherParty, null, "他方").get("id").asLong();
		assertThat(office.get("path").asString()).isEqualTo("/" + root + "/" + officeId + "/");

		var cycle = api().put("/api/v1/org-units/" + officeId, admin, map("name", "办公室", "parentId", desk));
		assertThat(cycle.status()).isEqualTo(400);
		assertThat(cycle.json().get("errors").has("parentId")).isTrue();
		var otherParent = api().post("/api/v1/org-units", admin,
				map("partyId", party, "parentId", foreign, "code", TestDirectory.unique("U"), "name", "错挂"));
		assertThat(otherParent.status()).isEqualTo(400);
		assertThat(otherParent.json().get("errors").has("parentId")).isTrue();
		var inUse = api().put("/api/v1/org-units/" + officeId, admin, map("name", "办公室", "parentId", root, "enabled", false));
		assertThat(inUse.status()).isEqualTo(422);

		var moved = api().put("/api/v1/org-units/" + officeId, admin, map("name", "综合办公室", "parentId", null));

		assertThat(moved.status()).isEqualTo(200);
		assertThat(api().get("/api/v1/org-units/" + desk, admin).json().get("path").asString())
			.isEqualTo("/" + officeId + "/" + desk + "/");
		JsonNode[] audit = testing.audited("ORG_UNIT_UPDATE", officeId);
		assertThat(audit[0].get("parentId").asLong()).isEqualTo(root);
		assertThat(audit[1].get("parentId").isNull()).isTrue();
		assertThat(api().get("/api/v1/parties/" + party + "/org-units", admin).json().size()).isEqualTo(3);
	}

	@Test
	void createsAUserWhoMustChangeTheInitialPasswordAndNeverShowsSecrets() {
		long unit = testing.directory.orgUnit(testing.directory.party("PROVIDER", "服务方"), null, "一线");
		String username = TestDirectory.unique("li");
		var created = api().post("/api/v1/users", admin, map("username", username, "displayName", "李四", "email",
				"lisi@example.gov.cn", "phone", "13800138000", "orgUnitId", unit, "password", "Initial#2026x"));

		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.json().get("mustChangePassword").asBoolean()).isTrue();
		assertThat(created.body()).doesNotContainIgnoringCase("hash").doesNotContainIgnoringCase("totp")
			.doesNotContain("Initial#2026x");
		assertThat(api().get("/api/v1/users/" + id, admin).body()).doesNotContainIgnoringCase("hash");
		assertThat(testing.audited("USER_CREATE", id)[1].get("username").asString()).isEqualTo(username);

		var updated = api().put("/api/v1/users/" + id, admin,
				map("displayName", "李小四", "email", null, "phone", "020-12345678", "orgUnitId", unit));
		assertThat(updated.status()).isEqualTo(200);
		JsonNode[] audit = testing.audited("USER_UPDATE", id);
		assertThat(audit[0].get("displayName").asString()).isEqualTo("李四");
		assertThat(audit[1].get("displayName").asString()).isEqualTo("李小四");
	}

	@Test
	void refusesInvalidUsersFieldByFieldAndChangesNothing() {
		long unit = testing.directory.orgUnit(testing.directory.party("PROVIDER", "服务方"), null, "二线");
		long disabledUnit = testing.directory.orgUnit(testing.directory.party("PROVIDER", "服务方"), null, "撤销");
		jdbc.sql("update org_unit set enabled = false where id = ?").param(disabledUnit).update();
		long before = jdbc.sql("select count(*) from app_user").query(Long.class).single();

		var invalid = api().post("/api/v1/users", admin, map("username", "a b", "displayName", "", "email", "not-mail",
				"phone", "call me", "orgUnitId", disabledUnit, "password", "Initial#2026x"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").propertyNames())
			.contains("username", "displayName", "email", "phone", "orgUnitId");
		var weak = api().post("/api/v1/users", admin, map("username", TestDirectory.unique("w"), "displayName", "",
				"orgUnitId", unit, "password", "password"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().get("errors").propertyNames()).contains("password", "displayName");
		String existing = testing.directory.user(unit);
		var duplicate = api().post("/api/v1/users", admin, map("username", existing.toUpperCase(), "displayName", "重",
				"orgUnitId", unit, "password", "Initial#2026x"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("errors").has("username")).isTrue();
		assertThat(api().get("/api/v1/users/99999999", admin).status()).isEqualTo(404);
		assertThat(api().get("/api/v1/users/abc", admin).status()).isEqualTo(400);

		assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(before + 1);
	}

	@Test
	void listsUsersByKeysetInEitherDirectionWithSearch() {
		long unit = testing.directory.orgUnit(testing.directory.party("CUSTOMER", "使用方"), null, "分页");
		List<String> names = List.of("甲", "乙", "丙", "丁", "戊");
		for (String name : names) {
			jdbc.sql("update app_user set display_name = ? where username = ?")
				.params("分页" + name, testing.directory.user(unit))
				.update();
		}
		List<String> ascending = readAll("/api/v1/users?orgUnitId=" + unit + "&sort=displayName&limit=2");
		List<String> descending = readAll("/api/v1/users?orgUnitId=" + unit + "&sort=displayName&direction=desc&limit=2");
		List<String> byTime = readAll("/api/v1/users?orgUnitId=" + unit + "&sort=createdAt&direction=desc&limit=3");

		assertThat(ascending).hasSize(5).isSorted();
		assertThat(descending).containsExactlyElementsOf(ascending.reversed());
		assertThat(byTime).hasSize(5);
		var search = api().get("/api/v1/users?orgUnitId=" + unit + "&q=" + java.net.URLEncoder.encode("分页丙",
				java.nio.charset.StandardCharsets.UTF_8), admin);
		assertThat(search.json().get("items").size()).isOne();
		assertThat(api().get("/api/v1/users?sort=password", admin).json().get("errors").has("sort")).isTrue();
		assertThat(api().get("/api/v1/users?limit=1000", admin).status()).isEqualTo(400);
		assertThat(api().get("/api/v1/users?cursor=garbage", admin).status()).isEqualTo(400);
		assertThat(api().get("/api/v1/users?enabled=maybe", admin).status()).isEqualTo(400);
	}

	@Test
	void disablingAUserRevokesTheirTokensAtOnceAndEnablingLetsThemBack() {
		long unit = testing.directory.orgUnit(testing.directory.party("PROVIDER", "服务方"), null, "驻场");
		String username = testing.directory.user(unit);
		long id = testing.directory.userId(username);
		String token = testing.tokenOf(username);
		assertThat(api().get("/api/v1/auth/tokens", token).status()).isEqualTo(200);

		var disabled = api().post("/api/v1/users/" + id + "/disable", admin, null);

		assertThat(disabled.status()).isEqualTo(200);
		assertThat(api().get("/api/v1/auth/tokens", token).status()).isEqualTo(401);
		assertThat(jdbc.sql("select count(*) from api_token where user_id = ? and revoked_at is null").param(id)
			.query(Long.class).single()).isZero();
		JsonNode[] audit = testing.audited("USER_DISABLE", id);
		assertThat(audit[0].get("enabled").asBoolean()).isTrue();
		assertThat(audit[1].get("enabled").asBoolean()).isFalse();
		assertThat(audit[1].get("tokensRevoked").asInt()).isOne();

		assertThat(api().post("/api/v1/users/" + id + "/enable", admin, null).json().get("enabled").asBoolean()).isTrue();
		String again = testing.tokenOf(username);
		assertThat(api().get("/api/v1/auth/tokens", again).status()).isEqualTo(200);

		assertThat(api().post("/api/v1/users/" + id + "/end-sessions", admin, null).status()).isEqualTo(204);
		assertThat(api().get("/api/v1/auth/tokens", again).status()).isEqualTo(401);
		assertThat(testing.auditCount("USER_END_SESSIONS", id)).isOne();
	}

	@Test
	void unlocksALockedAccount() {
		String security = testing.tokenWith(testing.managementUnit(), "USER_UNLOCK", "USER_READ");
		long unit = testing.directory.orgUnit(testing.directory.party("CUSTOMER", "使用方"), null, "锁定");
		long id = testing.directory.userId(testing.directory.user(unit));
		jdbc.sql("update app_user set failed_attempts = 5, locked_until = now() + interval '15 minutes' where id = ?")
			.param(id).update();
		assertThat(api().post("/api/v1/users/" + id + "/unlock", admin, null).status()).isEqualTo(403);

		var unlocked = api().post("/api/v1/users/" + id + "/unlock", security, null);

		assertThat(unlocked.status()).isEqualTo(200);
		assertThat(unlocked.json().get("lockedUntil").isNull()).isTrue();
		assertThat(testing.audited("USER_UNLOCK", id)[0].get("failedAttempts").asInt()).isEqualTo(5);
	}

	@Test
	void managesCustomRolesButNeverBuiltInOnesOrReservedPermissions() {
		String security = testing.tokenWith(testing.managementUnit(), "ROLE_MANAGE");
		String code = TestDirectory.unique("DESK_").toUpperCase();
		var created = api().post("/api/v1/roles", security,
				map("code", code, "name", "服务台组长 " + code, "permissions", List.of("USER_READ")));
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();

		var updated = api().put("/api/v1/roles/" + id, security,
				map("name", "服务台组长 " + code, "permissions", List.of("USER_READ", "POST_MANAGE")));
		assertThat(updated.status()).isEqualTo(200);
		JsonNode[] audit = testing.audited("ROLE_UPDATE", id);
		assertThat(audit[0].get("permissions").size()).isOne();
		assertThat(audit[1].get("permissions").size()).isEqualTo(2);

		var reserved = api().post("/api/v1/roles", security, map("code", code + "_X", "name", "偷看审计 " + code,
				"permissions", List.of("AUDIT_READ")));
		assertThat(reserved.status()).isEqualTo(422);
		assertThat(reserved.json().get("errors").has("permissions")).isTrue();
		assertThat(api().put("/api/v1/roles/" + id, security, map("name", "x", "permissions", List.of("AUDIT_EXPORT")))
			.status()).isEqualTo(422);
		assertThat(api().post("/api/v1/roles", security, map("code", code + "_Y", "name", "未知 " + code,
				"permissions", List.of("FLY"))).status()).isEqualTo(400);
		long systemAdmin = jdbc.sql("select id from role where code = 'SYSTEM_ADMIN'").query(Long.class).single();
		int permissions = api().get("/api/v1/roles/" + systemAdmin, admin).json().get("permissions").size();
		var builtIn = api().put("/api/v1/roles/" + systemAdmin, security,
				map("name", "系统管理员", "permissions", List.of("USER_READ")));
		assertThat(builtIn.status()).isEqualTo(422);
		assertThat(api().get("/api/v1/roles/" + systemAdmin, admin).json().get("permissions").size())
			.isEqualTo(permissions);
		assertThat(api().post("/api/v1/roles", admin, map("code", code + "_Z", "name", "z")).status()).isEqualTo(403);
	}

	/**
	 * Changing what a custom role permits changes every holder's rights: their sessions end and their tokens are
	 * revoked, as when a role is given or taken (docs/security.md, "ending sessions"); renaming it changes no right.
	 */
	@Test
	void aChangeOfARolesPermissionsSignsItsHoldersOut() {
		String security = testing.tokenWith(testing.managementUnit(), "ROLE_MANAGE");
		String roleCode = testing.directory.role("USER_READ");
		long roleId = jdbc.sql("select id from role where code = ?").param(roleCode).query(Long.class).single();
		String holder = testing.directory.user(testing.managementUnit(), roleCode);
		String token = Accounts.tokenFor(api(), holder, TestDirectory.PASSWORD, null);
		assertThat(api().get("/api/v1/users", token).status()).isEqualTo(200);

		assertThat(api().put("/api/v1/roles/" + roleId, security,
				map("name", "改名 " + roleCode, "permissions", List.of("USER_READ"))).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/users", token).status()).as("a new name changes no right").isEqualTo(200);

		assertThat(api().put("/api/v1/roles/" + roleId, security,
				map("name", "改名 " + roleCode, "permissions", List.of("USER_READ", "POST_MANAGE"))).status())
			.isEqualTo(200);
		assertThat(api().get("/api/v1/users", token).status()).as("the token given under the old rights").isEqualTo(401);
		JsonNode[] audit = testing.audited("ROLE_UPDATE", roleId);
		assertThat(audit[1].get("holdersSignedOut").asInt()).isOne();
	}

	@Test
	void keepsTheThreeAdministratorsApart() {
		String security = securityAdminToken();
		long management = testing.managementUnit();
		long id = testing.directory.userId(testing.directory.user(management));

		var two = api().put("/api/v1/users/" + id + "/roles", security,
				map("roles", List.of("SYSTEM_ADMIN", "AUDIT_ADMIN")));
		assertThat(two.status()).isEqualTo(422);
		assertThat(two.json().get("type").asString()).isEqualTo("urn:yunwei:problem:separation-of-duties");
		var asked = api().put("/api/v1/users/" + id + "/roles", security, map("roles", List.of("SECURITY_ADMIN")));
		assertThat(asked.status()).isEqualTo(202);
		assertThat(api().post("/api/v1/administrative-grants/" + asked.json().get("id").asLong() + "/confirm", admin,
				null).status()).isEqualTo(200);
		assertThat(api().put("/api/v1/users/" + id + "/roles", security,
				map("roles", List.of("SECURITY_ADMIN", "AUDIT_ADMIN"))).status()).isEqualTo(422);
		assertThat(jdbc.sql("select count(*) from user_role where user_id = ?").param(id).query(Long.class).single())
			.isOne();
		JsonNode[] audit = testing.audited("USER_ROLES_ASSIGN", id);
		assertThat(audit[0].get("roles").size()).isZero();
		assertThat(audit[1].get("roles").get(0).asString()).isEqualTo("SECURITY_ADMIN");

		long adminId = testing.directory.userId("admin");
		assertThat(api().put("/api/v1/users/" + adminId + "/roles", admin, map("roles", List.of())).status())
			.isEqualTo(403);
		assertThat(api().post("/api/v1/users/" + adminId + "/disable", admin, null).status()).isEqualTo(422);
	}

	@Test
	void givesTheSupervisorRoleToSupervisionOnly() {
		String security = securityAdminToken();
		long customer = testing.directory.userId(testing.directory.user(
				testing.directory.orgUnit(testing.directory.party("CUSTOMER", "使用方"), null, "科室")));
		long supervisor = testing.directory.userId(testing.directory.user(
				testing.directory.orgUnit(testing.directory.party("SUPERVISION", "监理方"), null, "监理部")));

		var refused = api().put("/api/v1/users/" + customer + "/roles", security, map("roles", List.of("SUPERVISOR")));
		var given = api().put("/api/v1/users/" + supervisor + "/roles", security, map("roles", List.of("SUPERVISOR")));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(given.status()).as("the supervisor reads every party: a second officer confirms").isEqualTo(202);
		assertThat(api().get("/api/v1/users/" + supervisor, security).json().get("roles").size()).isZero();
		var confirmed = api().post("/api/v1/administrative-grants/" + given.json().get("id").asLong() + "/confirm",
				admin, null);
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.json().get("roles").get(0).asString()).isEqualTo("SUPERVISOR");
		long customerUnit = jdbc.sql("select org_unit_id from app_user where id = ?").param(customer).query(Long.class)
			.single();
		assertThat(api().put("/api/v1/users/" + supervisor, admin, map("displayName", "监理", "orgUnitId", customerUnit))
			.status()).isEqualTo(422);
		assertThat(api().put("/api/v1/users/" + customer + "/roles", security, map("roles", List.of("NO_SUCH_ROLE")))
			.status()).isEqualTo(400);
	}

	@Test
	void onlyManagementGivesBuiltInRoles() {
		long provider = testing.directory.party("PROVIDER", "服务方");
		long unit = testing.directory.orgUnit(provider, null, "项目部");
		String lead = testing.tokenWith(unit, "ROLE_ASSIGN", "USER_READ");
		long colleague = testing.directory.userId(testing.directory.user(unit));
		String custom = testing.directory.role("USER_READ");

		assertThat(api().put("/api/v1/users/" + colleague + "/roles", lead, map("roles", List.of("SYSTEM_ADMIN")))
			.status()).isEqualTo(403);
		assertThat(api().put("/api/v1/users/" + colleague + "/roles", lead, map("roles", List.of(custom)))
			.status()).isEqualTo(200);
		String stronger = testing.directory.role("USER_READ", "USER_MANAGE");
		assertThat(api().put("/api/v1/users/" + colleague + "/roles", lead, map("roles", List.of(stronger)))
			.status()).isEqualTo(403);
		String roleManager = testing.tokenWith(unit, "ROLE_MANAGE");
		assertThat(api().post("/api/v1/roles", roleManager, map("code", "P" + custom, "name", "服务方自定 " + custom,
				"permissions", List.of())).status()).isEqualTo(403);
	}

	@Test
	void documentsTheDirectoryApi() {
		var document = api().get("/v3/api-docs", null);
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.json().get("paths").propertyNames()).contains("/api/v1/parties", "/api/v1/org-units/{id}",
				"/api/v1/users", "/api/v1/users/{id}/roles", "/api/v1/roles", "/api/v1/posts/{id}");
		assertThat(document.body()).contains("PartyDraft", "UserDraft").doesNotContain("passwordHash", "totpSecret");
	}

	@Test
	void managesPostsWithADistinctBackupOfTheSameParty() {
		long party = testing.directory.party("PROVIDER", "服务方");
		long unit = testing.directory.orgUnit(party, null, "服务台");
		long holder = testing.directory.userId(testing.directory.user(unit));
		long backup = testing.directory.userId(testing.directory.user(unit));
		long stranger = testing.directory.userId(testing.directory.user(
				testing.directory.orgUnit(testing.directory.party("PROVIDER", "他方"), null, "他部")));

		var same = api().post("/api/v1/posts", admin, post(unit, "值班员", holder, holder));
		assertThat(same.status()).isEqualTo(400);
		assertThat(same.json().get("errors").has("backupId")).isTrue();
		var foreign = api().post("/api/v1/posts", admin, post(unit, "值班员", holder, stranger));
		assertThat(foreign.json().get("errors").has("backupId")).isTrue();
		var blank = api().post("/api/v1/posts", admin, map("orgUnitId", unit, "name", "", "responsibilities", ""));
		assertThat(blank.json().get("errors").propertyNames()).contains("name", "responsibilities");

		var created = api().post("/api/v1/posts", admin, post(unit, "值班员", holder, backup));
		assertThat(created.status()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(api().post("/api/v1/posts", admin, post(unit, "值班员", holder, backup)).status()).isEqualTo(409);
		var swapped = api().put("/api/v1/posts/" + id, admin, post(unit, "值班员", backup, holder));
		assertThat(swapped.status()).isEqualTo(200);
		JsonNode[] audit = testing.audited("POST_UPDATE", id);
		assertThat(audit[0].get("holderId").asLong()).isEqualTo(holder);
		assertThat(audit[1].get("holderId").asLong()).isEqualTo(backup);
		assertThat(api().get("/api/v1/posts?orgUnitId=" + unit, admin).json().size()).isOne();

		assertThat(api().delete("/api/v1/posts/" + id, admin).status()).isEqualTo(204);
		assertThat(api().get("/api/v1/posts/" + id, admin).status()).isEqualTo(404);
		assertThat(testing.audited("POST_DELETE", id)[0].get("name").asString()).isEqualTo("值班员");
	}

	private JsonNode unit(long party, Long parent, String name) {
		var response = api().post("/api/v1/org-units", admin,
				map("partyId", party, "parentId", parent, "code", TestDirectory.unique("U"), "name", name));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private static java.util.Map<String, Object> post(long unit, String name, Long holder, Long backup) {
		return map("orgUnitId", unit, "name", name, "responsibilities", "受理并登记服务请求", "holderId", holder,
				"backupId", backup);
	}

	private List<String> readAll(String firstPage) {
		List<String> names = new ArrayList<>();
		String path = firstPage;
		while (true) {
			JsonNode page = api().get(path, admin).json();
			page.get("items").forEach(item -> names.add(item.get("displayName").asString()));
			if (page.get("next").isNull()) {
				return names;
			}
			path = firstPage + "&cursor=" + page.get("next").asString();
		}
	}
}
