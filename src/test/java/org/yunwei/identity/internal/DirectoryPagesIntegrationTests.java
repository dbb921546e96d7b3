package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

/**
 * The administration pages over HTTP with a signed-in session, and the end of that session when the account is
 * disabled.
 */
class DirectoryPagesIntegrationTests extends IntegrationTestSupport {

	private static final String[] ADMINISTRATION = { "PARTY_MANAGE", "USER_MANAGE", "USER_READ", "USER_UNLOCK",
			"POST_MANAGE", "ROLE_MANAGE", "ROLE_ASSIGN" };

	private DirectoryTesting testing;
	private WebSession browser;
	private long party;
	private long unit;
	private String colleague;

	@BeforeEach
	void setUp() {
		testing = new DirectoryTesting(jdbc, api());
		party = testing.directory.party("PROVIDER", "服务方");
		unit = testing.directory.orgUnit(party, null, "服务台");
		colleague = testing.directory.user(unit);
		browser = new WebSession(port);
		assertThat(browser.follow(browser.signIn(testing.userWith(testing.managementUnit(), ADMINISTRATION),
				TestDirectory.PASSWORD, null)).status()).isEqualTo(200);
	}

	@Test
	void disablingAUserEndsTheirWebSessionAtTheNextRequest() {
		String username = testing.directory.user(unit);
		WebSession theirs = new WebSession(port);
		assertThat(theirs.follow(theirs.signIn(username, TestDirectory.PASSWORD, null)).body()).contains("测试用户");

		assertThat(api().post("/api/v1/users/" + testing.directory.userId(username) + "/disable", adminToken(), null)
			.status()).isEqualTo(200);

		var next = theirs.get("/");
		assertThat(next.status()).isEqualTo(302);
		assertThat(next.location()).contains("/login");
	}

	@Test
	void theUserListMarksServiceAccounts() {
		String username = TestDirectory.unique("zabbix");
		var created = api().post("/api/v1/users", adminToken(), Map.of("username", username, "displayName",
				"监控集成 " + username, "orgUnitId", unit, "serviceAccount", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();

		String page = browser.get("/admin/users?q=" + username).body();
		int row = page.indexOf("id=\"user-" + id + "\"");
		assertThat(row).as("the account's row").isPositive();
		assertThat(page.substring(row, page.indexOf("</tr>", row))).contains("yw-service-account", "服务账号");
		assertThat(browser.get("/admin/users?q=" + colleague).body()).doesNotContain("yw-service-account");
	}

	@Test
	void listsSearchesAndPagesUsers() {
		var list = browser.get("/admin/users?q=" + colleague);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(colleague).contains("id=\"user-table\"");
		assertThat(browser.get("/admin/users?q=nobody-is-called-this").body()).contains("id=\"users-empty\"");
		assertThat(browser.get("/admin/users?orgUnitId=" + unit).body()).contains(colleague);
		for (int i = 0; i < 3; i++) {
			testing.directory.user(unit);
		}
		var first = browser.get("/admin/users?partyId=" + party + "&limit=2");
		assertThat(first.body()).contains("id=\"more\"");
		String more = first.body().replaceAll("(?s).*id=\"more\"\\s+href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
		var rows = browser.htmx(more);
		assertThat(rows.status()).isEqualTo(200);
		assertThat(rows.body()).contains("<tr").doesNotContain("<html");
		assertThat(rows.body().split("<tr id=\"user-").length - 1).isEqualTo(2);
		assertThat(browser.get(more).body()).contains("<html");
		assertThat(browser.get("/admin/users?sort=password").body()).contains("排序方式无效");
	}

	@Test
	void showsEveryAdministrationPage() {
		long userId = testing.directory.userId(colleague);
		long post = jdbc.sql("insert into post (org_unit_id, name, responsibilities) values (?, ?, '值守') returning id")
			.params(unit, TestDirectory.unique("岗")).query(Long.class).single();
		long role = jdbc.sql("select id from role where code = 'AUDIT_ADMIN'").query(Long.class).single();
		for (String page : new String[] { "/admin/users/new", "/admin/users/" + userId, "/admin/parties",
				"/admin/parties/" + party, "/admin/org-units/" + unit, "/admin/roles", "/admin/roles/new",
				"/admin/roles/" + role, "/admin/posts", "/admin/posts/new?orgUnitId=" + unit, "/admin/posts/" + post,
				"/admin/posts/people?orgUnitId=" + unit }) {
			var response = browser.get(page);
			assertThat(response.status()).as(page).isEqualTo(200);
			assertThat(response.body()).as(page).doesNotContain("??").doesNotContain("style=");
		}
		assertThat(browser.get("/admin/roles/" + role).body()).contains("id=\"built-in\"");
		assertThat(browser.get("/admin/posts/people?orgUnitId=" + unit).body()).contains(colleague);
		assertThat(browser.get("/admin/users/99999999").status()).isEqualTo(404);
	}

	@Test
	void aFailedFormKeepsWhatWasTypedAndShowsTheMessageBesideTheField() {
		String username = TestDirectory.unique("web");
		var refused = browser.submit("/admin/users/new", "/admin/users", Map.of("username", username,
				"displayName", "王五", "email", "not-an-address", "orgUnitId", String.valueOf(unit), "password", "Initial#2026x"));

		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("value=\"" + username + "\"").contains("value=\"not-an-address\"")
			.contains("id=\"email-error\"").contains("电子邮箱格式不正确").doesNotContain("Initial#2026x");
		assertThat(jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class)
			.single()).isZero();

		var created = browser.submit("/admin/users/new", "/admin/users", Map.of("username", username,
				"displayName", "王五", "email", "wangwu@example.gov.cn", "orgUnitId", String.valueOf(unit),
				"password", "Initial#2026x"));
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.location()).contains("/admin/users/");
	}

	@Test
	void supervisionReadsTheUserPagesButCannotAct() {
		long supervision = testing.directory.party("SUPERVISION", "监理方");
		WebSession supervisor = new WebSession(port);
		supervisor.signIn(testing.directory.user(testing.directory.orgUnit(supervision, null, "监理部"), "SUPERVISOR"),
				TestDirectory.PASSWORD, null);
		long userId = testing.directory.userId(colleague);

		assertThat(supervisor.get("/admin/users?q=" + colleague).body()).contains(colleague);
		assertThat(supervisor.get("/admin/users/" + userId).body()).doesNotContain("id=\"user-disable\"")
			.doesNotContain("id=\"user-save\"");
		assertThat(supervisor.submit("/admin/users/" + userId, "/admin/users/" + userId + "/disable", Map.of())
			.status()).isEqualTo(403);
		assertThat(supervisor.get("/admin/parties").status()).isEqualTo(403);
		assertThat(jdbc.sql("select enabled from app_user where id = ?").param(userId).query(Boolean.class).single())
			.isTrue();
	}

	@Test
	void refusesAFormPostedWithoutItsCsrfToken() {
		var forged = browser.postWithoutCsrf("/admin/users", Map.of("username", TestDirectory.unique("csrf"), "displayName", "伪",
				"orgUnitId", String.valueOf(unit), "password", "Initial#2026x"));
		assertThat(forged.status()).isEqualTo(403);
	}

	@Test
	void oneFormCreatesAPartyWithItsTopUnit() {
		String code = TestDirectory.unique("ONE");
		assertThat(browser.get("/admin/parties").body()).contains("name=\"topUnitName\"").contains("name=\"topUnitCode\"");
		var created = browser.submit("/admin/parties", "/admin/parties",
				Map.of("kind", "CUSTOMER", "code", code, "name", "市教育局 " + code, "topUnitName", "局机关"));
		assertThat(created.status()).isEqualTo(302);
		String partyPage = created.location().replaceAll("^https?://[^/]+", "");
		assertThat(browser.get(partyPage).body()).contains("局机关");
		assertThat(jdbc.sql("select count(*) from org_unit u join party p on p.id = u.party_id where p.code = ? "
				+ "and u.parent_id is null and u.name = '局机关' and u.code = ?").params(code, code)
			.query(Long.class).single()).isOne();

		var refused = browser.submit("/admin/parties", "/admin/parties",
				Map.of("kind", "CUSTOMER", "code", TestDirectory.unique("ONE"), "name", "市卫健委", "topUnitCode", "带 空格",
						"topUnitName", "委机关"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"topUnitCode-error\"").contains("value=\"委机关\"");
	}

	@Test
	void whoeverMayGiveRolesChoosesThemOnTheNewUserFormInTheSameStep() {
		String role = testing.directory.role("USER_READ");
		var form = browser.get("/admin/users/new").body();
		assertThat(form).contains("type=\"checkbox\" name=\"roles\"").contains("id=\"role-" + role + "\"")
			.doesNotContain("multiple");

		String username = TestDirectory.unique("withrole");
		var created = browser.submit("/admin/users/new", "/admin/users", Map.of("username", username,
				"displayName", "带角色", "orgUnitId", String.valueOf(unit), "password", "Initial#2026x", "roles", role));
		assertThat(created.status()).isEqualTo(302);
		long id = testing.directory.userId(username);
		assertThat(jdbc.sql("select r.code from user_role ur join role r on r.id = ur.role_id where ur.user_id = ?")
			.param(id).query(String.class).list()).containsExactly(role);
		assertThat(testing.auditCount("USER_ROLES_ASSIGN", id)).isOne();

		String refusedName = TestDirectory.unique("norole");
		var refused = browser.submit("/admin/users/new", "/admin/users", Map.of("username", refusedName,
				"displayName", "监理角色", "orgUnitId", String.valueOf(unit), "password", "Initial#2026x",
				"roles", "SUPERVISOR"));
		assertThat(refused.body()).contains("id=\"roles-error\"").contains("value=\"" + refusedName + "\"");
		assertThat(jdbc.sql("select count(*) from app_user where username = ?").param(refusedName)
			.query(Long.class).single()).as("the refused role set leaves no account behind").isZero();
	}

	@Test
	void createsPartiesUnitsRolesAndPostsThroughTheForms() {
		String code = TestDirectory.unique("WP");
		var partyCreated = browser.submit("/admin/parties", "/admin/parties",
				Map.of("kind", "SUPERVISION", "code", code, "name", "监理 " + code));
		assertThat(partyCreated.status()).isEqualTo(302);
		String partyPage = partyCreated.location().replaceAll("^https?://[^/]+", "");
		var unitRefused = browser.submit(partyPage, partyPage + "/units", Map.of("code", "", "name", "监理部"));
		assertThat(unitRefused.body()).contains("value=\"监理部\"").contains("id=\"unit-code-error\"");
		assertThat(browser.submit(partyPage, partyPage + "/units", Map.of("code", TestDirectory.unique("U"),
				"name", "监理部")).status()).isEqualTo(302);

		String roleCode = TestDirectory.unique("WR").toUpperCase();
		var reserved = browser.submit("/admin/roles/new", "/admin/roles",
				Map.of("code", roleCode, "name", "角色 " + roleCode, "permissions", "AUDIT_READ"));
		assertThat(reserved.body()).contains("id=\"permissions-error\"");
		assertThat(browser.submit("/admin/roles/new", "/admin/roles",
				Map.of("code", roleCode, "name", "角色 " + roleCode, "permissions", "USER_READ")).status())
			.isEqualTo(302);

		long holder = testing.directory.userId(colleague);
		var same = browser.submit("/admin/posts/new", "/admin/posts", Map.of("orgUnitId", String.valueOf(unit),
				"name", "值班员", "responsibilities", "值守", "holderId", String.valueOf(holder), "backupId",
				String.valueOf(holder)));
		assertThat(same.body()).contains("id=\"backupId-error\"").contains("值守");
		assertThat(browser.submit("/admin/posts/new", "/admin/posts", Map.of("orgUnitId", String.valueOf(unit),
				"name", "值班员", "responsibilities", "值守", "holderId", String.valueOf(holder))).status())
			.isEqualTo(302);
	}

	@Test
	void aUnitsLeadIsNamedOnTheUnitPage() {
		long lead = testing.directory.userId(colleague);
		assertThat(browser.get("/admin/org-units/" + unit).body()).contains("id=\"lead-form\"").contains(colleague);

		assertThat(browser.submit("/admin/org-units/" + unit, "/admin/org-units/" + unit + "/lead",
				Map.of("leadId", String.valueOf(lead))).status()).isEqualTo(302);
		assertThat(unitLead()).isEqualTo(lead);
		assertThat(browser.get("/admin/org-units/" + unit).body())
			.contains("value=\"" + lead + "\" selected=\"selected\"");

		assertThat(browser.submit("/admin/org-units/" + unit, "/admin/org-units/" + unit + "/lead",
				Map.of("leadId", "")).status()).isEqualTo(302);
		assertThat(unitLead()).isZero();
	}

	@Test
	void aPostHoldersAbsenceIsRecordedOnThePostPageAndABadPeriodChangesNothing() {
		WebSession recorder = new WebSession(port);
		recorder.follow(recorder.signIn(testing.userWith(testing.managementUnit(), "POST_MANAGE",
				"POST_ABSENCE_RECORD"), TestDirectory.PASSWORD, null));
		long holder = testing.directory.userId(colleague);
		long backup = testing.directory.userId(testing.directory.user(unit));
		String name = "值班员 " + TestDirectory.unique("A");
		assertThat(recorder.submit("/admin/posts/new", "/admin/posts", Map.of("orgUnitId", String.valueOf(unit),
				"name", name, "responsibilities", "值守", "holderId", String.valueOf(holder), "backupId",
				String.valueOf(backup))).status()).isEqualTo(302);
		long post = jdbc.sql("select id from post where name = ?").param(name).query(Long.class).single();
		String page = "/admin/posts/" + post;
		assertThat(recorder.get(page).body()).contains("id=\"absence-form\"").contains("id=\"absences-empty\"");

		var backwards = recorder.submit(page, page + "/absences",
				Map.of("from", "2026-12-10T09:00", "until", "2026-12-09T18:00", "reason", "年休假"));
		assertThat(backwards.status()).isEqualTo(200);
		assertThat(backwards.body()).contains("id=\"until-error\"").contains("value=\"年休假\"");
		assertThat(absences(post)).isZero();

		assertThat(recorder.submit(page, page + "/absences",
				Map.of("from", "2026-12-10T09:00", "until", "2026-12-12T18:00", "reason", "年休假")).status())
			.isEqualTo(302);
		assertThat(absences(post)).isOne();
		assertThat(jdbc.sql("select absent_from from post_absence where post_id = ?").param(post)
			.query(java.time.OffsetDateTime.class).single().toInstant())
			.isEqualTo(java.time.Instant.parse("2026-12-10T01:00:00Z"));
		assertThat(recorder.get(page).body()).contains("id=\"absences-table\"").contains("年休假")
			.contains("2026-12-10 09:00 – 2026-12-12 18:00");

		// the directory administrator of this test class may keep posts but not record absences
		assertThat(browser.get(page).body()).doesNotContain("id=\"absence-form\"").contains("年休假");
	}

	/** The unit's own lead, 0 for none. */
	private long unitLead() {
		return jdbc.sql("select coalesce(lead_id, 0) from org_unit where id = ?").param(unit).query(Long.class)
			.single();
	}

	private int absences(long post) {
		return jdbc.sql("select count(*) from post_absence where post_id = ?").param(post).query(Integer.class)
			.single();
	}
}
