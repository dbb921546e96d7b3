package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.web.RejectedRequest;

import tools.jackson.databind.JsonNode;

/**
 * The data scope on every directory endpoint: a customer department sees and changes only its own subtree, a
 * provider its own party, supervision reads everything and changes nothing.
 */
class DirectoryScopeIntegrationTests extends IntegrationTestSupport {

	private static final String[] ALL_DIRECTORY_PERMISSIONS = { "PARTY_MANAGE", "USER_MANAGE", "USER_READ",
			"USER_UNLOCK", "POST_MANAGE", "ROLE_ASSIGN", "ROLE_MANAGE" };

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private UserAdministration users;

	@Autowired
	private ActorDirectory actorDirectory;

	private DirectoryTesting testing;
	private TestDirectory directory;

	/** Department A (a subtree of one customer party), its sibling A2, and another customer party B. */
	private long partyA, unitA, unitAChild, unitA2, partyB, unitB;
	private long userAChild, userA2, userB, postA2, postB;

	@BeforeEach
	void setUp() {
		testing = new DirectoryTesting(jdbc, api());
		directory = testing.directory;
		partyA = directory.party("CUSTOMER", "市教育局");
		unitA = directory.orgUnit(partyA, null, "局机关");
		unitAChild = directory.orgUnit(partyA, unitA, "信息科");
		unitA2 = directory.orgUnit(partyA, null, "直属学校");
		partyB = directory.party("CUSTOMER", "市卫健委");
		unitB = directory.orgUnit(partyB, null, "办公室");
		userAChild = directory.userId(directory.user(unitAChild));
		userA2 = directory.userId(directory.user(unitA2));
		userB = directory.userId(directory.user(unitB));
		postA2 = post(unitA2, userA2);
		postB = post(unitB, userB);
	}

	@Test
	void aCustomerDepartmentNeitherSeesNorChangesAnotherDepartmentThroughAnyEndpoint() {
		String token = testing.tokenWith(unitA, ALL_DIRECTORY_PERMISSIONS);
		ApiClient api = api();

		JsonNode users = api.get("/api/v1/users?limit=100", token).json().get("items");
		assertThat(ids(users)).contains(userAChild).doesNotContain(userA2, userB);
		assertThat(ids(api.get("/api/v1/org-units", token).json())).contains(unitA, unitAChild)
			.doesNotContain(unitA2, unitB);
		assertThat(ids(api.get("/api/v1/parties", token).json())).containsExactly(partyA);
		assertThat(ids(api.get("/api/v1/posts", token).json())).doesNotContain(postA2, postB);
		assertThat(api.get("/api/v1/users?orgUnitId=" + unitB, token).json().get("items").size()).isZero();

		for (long foreignUser : List.of(userA2, userB)) {
			assertThat(api.get("/api/v1/users/" + foreignUser, token).status()).isEqualTo(404);
			assertThat(api.put("/api/v1/users/" + foreignUser, token, map("displayName", "改", "orgUnitId", unitA))
				.status()).isEqualTo(404);
			for (String action : List.of("disable", "enable", "unlock", "end-sessions")) {
				assertThat(api.post("/api/v1/users/" + foreignUser + "/" + action, token, null).status())
					.as(action).isEqualTo(404);
			}
			assertThat(api.put("/api/v1/users/" + foreignUser + "/roles", token, map("roles", List.of())).status())
				.isEqualTo(404);
		}
		for (long foreignUnit : List.of(unitA2, unitB)) {
			assertThat(api.get("/api/v1/org-units/" + foreignUnit, token).status()).isEqualTo(404);
			assertThat(api.put("/api/v1/org-units/" + foreignUnit, token, map("name", "改", "parentId", null))
				.status()).isEqualTo(404);
			assertThat(api.get("/api/v1/posts?orgUnitId=" + foreignUnit, token).json().size()).isZero();
			var unitThere = api.post("/api/v1/org-units", token,
					map("partyId", partyA, "parentId", foreignUnit, "code", TestDirectory.unique("U"), "name", "渗透"));
			assertThat(unitThere.status()).isEqualTo(400);
			var userThere = api.post("/api/v1/users", token, map("username", TestDirectory.unique("x"),
					"displayName", "渗透", "orgUnitId", foreignUnit, "password", "Initial#2026x"));
			assertThat(userThere.json().get("errors").has("orgUnitId")).isTrue();
			var postThere = api.post("/api/v1/posts", token,
					map("orgUnitId", foreignUnit, "name", "渗透", "responsibilities", "无"));
			assertThat(postThere.json().get("errors").has("orgUnitId")).isTrue();
		}
		assertThat(api.put("/api/v1/org-units/" + unitAChild, token, map("name", "信息科", "parentId", unitA2))
			.status()).isEqualTo(400);
		var holderElsewhere = api.post("/api/v1/posts", token,
				map("orgUnitId", unitAChild, "name", "值班", "responsibilities", "值班", "holderId", userA2));
		assertThat(holderElsewhere.json().get("errors").has("holderId")).isTrue();
		for (long foreignPost : List.of(postA2, postB)) {
			assertThat(api.get("/api/v1/posts/" + foreignPost, token).status()).isEqualTo(404);
			assertThat(api.put("/api/v1/posts/" + foreignPost, token,
					map("orgUnitId", unitA, "name", "改", "responsibilities", "改")).status()).isEqualTo(404);
			assertThat(api.delete("/api/v1/posts/" + foreignPost, token).status()).isEqualTo(404);
		}
		assertThat(api.get("/api/v1/parties/" + partyB, token).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/parties/" + partyB + "/org-units", token).status()).isEqualTo(404);
		assertThat(api.put("/api/v1/parties/" + partyB, token, map("name", "改")).status()).isEqualTo(404);
		assertThat(api.put("/api/v1/parties/" + partyA, token, map("name", "改")).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/parties", token, map("kind", "CUSTOMER", "code", TestDirectory.unique("P"),
				"name", "自立门户")).status()).isEqualTo(403);

		assertNothingChanged();
		assertThat(api.get("/api/v1/users/" + userAChild, token).status()).isEqualTo(200);
	}

	@Test
	void aProviderSeesTheUsersOfItsOwnPartyOnly() {
		long provider = directory.party("PROVIDER", "运维公司甲");
		long team = directory.orgUnit(provider, null, "一线");
		long field = directory.orgUnit(provider, null, "驻场");
		long colleague = directory.userId(directory.user(field));
		long rival = directory.userId(directory.user(directory.orgUnit(directory.party("PROVIDER", "运维公司乙"), null, "一线")));
		String token = testing.tokenWith(team, "USER_READ");

		List<Long> seen = ids(api().get("/api/v1/users?limit=100", token).json().get("items"));

		assertThat(seen).contains(colleague).doesNotContain(rival, userB, userAChild);
		assertThat(api().get("/api/v1/users/" + colleague, token).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/users/" + rival, token).status()).isEqualTo(404);
		assertThat(ids(api().get("/api/v1/parties", token).json())).containsExactly(provider);
		assertThat(api().post("/api/v1/users/" + colleague + "/disable", token, null).status()).isEqualTo(403);
	}

	@Test
	void supervisionReadsEverythingAndChangesNothing() {
		long supervision = directory.party("SUPERVISION", "监理公司");
		long unit = directory.orgUnit(supervision, null, "监理部");
		String supervisor = testing.tokenOf(directory.user(unit, "SUPERVISOR"));
		String overreaching = testing.tokenWith(unit, ALL_DIRECTORY_PERMISSIONS);

		for (String token : List.of(supervisor, overreaching)) {
			assertThat(api().get("/api/v1/users/" + userB, token).status()).isEqualTo(200);
			assertThat(api().get("/api/v1/users?orgUnitId=" + unitA, token).json().get("items").size()).isEqualTo(1);
		}
		assertThat(ids(api().get("/api/v1/parties", overreaching).json())).contains(partyA, partyB);
		assertThat(api().get("/api/v1/posts/" + postB, overreaching).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/org-units/" + unitB, overreaching).status()).isEqualTo(200);

		for (var write : everyWrite()) {
			var refused = write.apply(supervisor);
			assertThat(refused.status()).as(refused.body()).isEqualTo(403);
			var readOnly = write.apply(overreaching);
			assertThat(readOnly.status()).as(readOnly.body()).isEqualTo(403);
			assertThat(readOnly.json().get("type").asString()).isEqualTo("urn:yunwei:problem:read-only-scope");
		}
		assertNothingChanged();
	}

	@Test
	void managementSeesEveryParty() {
		String token = testing.tokenWith(testing.managementUnit(), "USER_READ");
		assertThat(ids(api().get("/api/v1/parties", token).json())).contains(partyA, partyB);
		assertThat(api().get("/api/v1/users/" + userB, token).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/users/" + userA2, token).status()).isEqualTo(200);
	}

	@Test
	void theLastEnabledSystemAdministratorCanNeitherBeDisabledNorLoseTheRole() {
		long adminId = directory.userId("admin");
		long deputy = directory.userId(directory.user(testing.managementUnit(), "SYSTEM_ADMIN"));
		var authentication = actorDirectory.authenticationOf(deputy, Instant.now());
		try {
			SecurityContextHolder.getContext().setAuthentication(authentication);
			// inside a transaction that is rolled back: every other system administrator is disabled for a moment,
			// so that the test owns the "last one" situation without disturbing tests sharing this database
			transaction.executeWithoutResult(status -> {
				jdbc.sql("""
						update app_user set enabled = false where id in (select ur.user_id from user_role ur
						join role r on r.id = ur.role_id where r.code = 'SYSTEM_ADMIN') and id not in (?, ?)""")
					.params(adminId, deputy)
					.update();
				jdbc.sql("update app_user set enabled = false where id = ?").param(deputy).update();
				assertThatThrownBy(() -> users.setEnabled(adminId, false)).isInstanceOfSatisfying(RejectedRequest.class,
						refused -> assertThat(refused.type()).isEqualTo("last-system-administrator"));
				jdbc.sql("update app_user set enabled = true where id = ?").param(deputy).update();
				assertThat(users.setEnabled(adminId, false).enabled()).isFalse();
				status.setRollbackOnly();
			});
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(jdbc.sql("select enabled from app_user where id = ?").param(adminId).query(Boolean.class).single())
			.isTrue();
	}

	private List<Function<String, ApiClient.Response>> everyWrite() {
		ApiClient api = api();
		return List.of(
				t -> api.post("/api/v1/parties", t, map("kind", "CUSTOMER", "code", TestDirectory.unique("P"), "name", "新")),
				t -> api.put("/api/v1/parties/" + partyB, t, map("name", "改")),
				t -> api.post("/api/v1/org-units", t, map("partyId", partyB, "code", TestDirectory.unique("U"), "name", "新")),
				t -> api.put("/api/v1/org-units/" + unitB, t, map("name", "改", "parentId", null)),
				t -> api.post("/api/v1/users", t, map("username", TestDirectory.unique("s"), "displayName", "新",
						"orgUnitId", unitB, "password", "Initial#2026x")),
				t -> api.put("/api/v1/users/" + userB, t, map("displayName", "改", "orgUnitId", unitB)),
				t -> api.post("/api/v1/users/" + userB + "/disable", t, null),
				t -> api.post("/api/v1/users/" + userB + "/enable", t, null),
				t -> api.post("/api/v1/users/" + userB + "/unlock", t, null),
				t -> api.post("/api/v1/users/" + userB + "/end-sessions", t, null),
				t -> api.put("/api/v1/users/" + userB + "/roles", t, map("roles", List.of())),
				t -> api.post("/api/v1/roles", t, map("code", "SUP_" + TestDirectory.unique("R").toUpperCase(), "name", "新")),
				t -> api.put("/api/v1/roles/" + customRole(), t, map("name", "改", "permissions", List.of())),
				t -> api.post("/api/v1/posts", t, map("orgUnitId", unitB, "name", "新", "responsibilities", "新")),
				t -> api.put("/api/v1/posts/" + postB, t, map("orgUnitId", unitB, "name", "改", "responsibilities", "改")),
				t -> api.delete("/api/v1/posts/" + postB, t));
	}

	private long customRole() {
		String code = directory.role("USER_READ");
		return jdbc.sql("select id from role where code = ?").param(code).query(Long.class).single();
	}

	private void assertNothingChanged() {
		Map<String, Object> b = jdbc.sql("select display_name, enabled from app_user where id = ?").param(userB)
			.query().singleRow();
		assertThat(b.get("display_name").toString()).startsWith("测试用户");
		assertThat(b.get("enabled")).isEqualTo(true);
		assertThat(jdbc.sql("select count(*) from post where id in (?, ?)").params(postA2, postB).query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("select name from org_unit where id = ?").param(unitB).query(String.class).single())
			.startsWith("办公室");
		assertThat(jdbc.sql("select count(*) from org_unit where parent_id in (?, ?)").params(unitA2, unitB)
			.query(Long.class).single()).isZero();
	}

	private long post(long unit, long holder) {
		return jdbc.sql("""
				insert into post (org_unit_id, name, responsibilities, holder_id) values (?, ?, '值守', ?) returning id""")
			.params(unit, TestDirectory.unique("岗位"), holder)
			.query(Long.class)
			.single();
	}

	private static List<Long> ids(JsonNode array) {
		return array.valueStream().map(node -> node.get("id").asLong()).toList();
	}
}
