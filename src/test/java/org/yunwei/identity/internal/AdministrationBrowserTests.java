package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

/**
 * What the system administrator does on the administration pages: parties and units, users, roles, posts.
 */
class AdministrationBrowserTests extends BrowserTestSupport {

	private static final String USER_ROWS = "#user-table tbody tr[id^='user-']";

	@Test
	void administratorCreatesACustomerPartyWithAUnitThenAUserWhoMustChangeThePassword() {
		signInAsAdministrator();
		String code = TestDirectory.unique("B");
		open("/admin/parties");
		new Select(find("#kind")).selectByValue("CUSTOMER");
		type("#code", code);
		type("#name", "市卫健委 " + code);
		click("#party-save");
		assertThat(find("#notice").getText()).isEqualTo("已保存。");
		assertThat(find("h1").getText()).isEqualTo("市卫健委 " + code);
		assertThat(find("h1 + p").getText()).startsWith("使用方");
		// the party form created the top unit too: the new unit goes below it
		assertThat(find("#unit-tree").getText()).contains("市卫健委 " + code);
		long top = jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();

		type("#unit-code", code + "-XXK");
		type("#unit-name", "信息科");
		new Select(find("#parentId")).selectByValue(String.valueOf(top));
		click("#unit-save");
		assertThat(find("#unit-tree").getText()).contains("信息科");
		long unit = jdbc.sql("select id from org_unit where code = ?").param(code + "-XXK").query(Long.class).single();

		String username = TestDirectory.unique("zhao");
		open("/admin/users/new");
		type("#username", username);
		new Select(find("#orgUnitId")).selectByValue(String.valueOf(unit));
		type("#password", "abcdefgh");
		clickAndWaitForTheNextPage("#user-save");
		assertThat(find("#displayName-error").getText()).isEqualTo("此项必填");
		assertThat(find("#password-error").getText()).contains("至少 3 类");
		assertThat(find("#username").getAttribute("value")).isEqualTo(username);
		assertThat(new Select(find("#orgUnitId")).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo(String.valueOf(unit));
		assertThat(find("#password").getAttribute("value")).isEmpty();

		type("#displayName", "赵六");
		type("#password", "Initial#2026x");
		click("#user-save");
		assertThat(find("#user-state").getText()).isEqualTo("启用");
		assertThat(find("h1").getText()).contains(username);
		assertThat(find("h1 + p").getText()).isEqualTo("市卫健委 " + code + " · 信息科");
		assertThat(jdbc.sql("select must_change_password from app_user where username = ?").param(username)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void administratorFindsAUserDisablesAndEnablesThem() {
		var directory = new TestDirectory(jdbc);
		String user = directory.user(directory.orgUnit(directory.party("CUSTOMER", "市民政局"), null, "办公室"));
		String role = directory.role("USER_READ");
		WebSession theirs = new WebSession(port);
		theirs.signIn(user, TestDirectory.PASSWORD, null);
		assertThat(theirs.get("/").status()).isEqualTo(200);

		signInAsAdministrator();
		open("/admin/users");
		type("#q", user);
		clickAndWaitForTheNextPage("#user-filter");
		List<WebElement> rows = browser.findElements(By.cssSelector(USER_ROWS));
		assertThat(rows).hasSize(1);
		assertThat(rows.getFirst().getText()).contains(user, "市民政局", "启用");
		find("#user-table").findElement(By.linkText(user)).click();

		clickAndWaitForTheNextPage("#user-disable");
		assertThat(find("#user-state").getText()).isEqualTo("停用");
		var next = theirs.get("/");
		assertThat(next.status()).isEqualTo(302);
		assertThat(next.location()).contains("/login");

		clickAndWaitForTheNextPage("#user-enable");
		assertThat(find("#user-state").getText()).isEqualTo("启用");
		assertThat(browser.findElements(By.id("user-disable"))).hasSize(1);
		assertThat(browser.findElements(By.id("roles-save"))).as("the system administrator gives no roles").isEmpty();
		assertThat(browser.findElements(By.cssSelector("input[name='roles']"))).isEmpty();
		assertThat(find("#roles-given-by").getText()).contains("安全管理员");
		open("/admin/users/new");
		assertThat(browser.findElements(By.cssSelector("input[name='roles']"))).isEmpty();
		assertThat(find("#roles-given-by").getText()).contains("安全管理员");
	}

	@Test
	void securityAdministratorGivesARoleAtOnceAndAnAdministrativeOneOnlyOnceASecondOfficerConfirms() {
		var directory = new TestDirectory(jdbc);
		String user = directory.user(directory.orgUnit(directory.party("CUSTOMER", "市民政局"), null, "办公室"));
		String role = directory.role("USER_READ");
		String colleague = directory.user(jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single());
		signIn(officers().account("SECURITY_ADMIN").username(), TestDirectory.PASSWORD,
				TestTotp.codeAt(ADMIN_TOTP_SECRET, Instant.now()));

		open("/admin/users/" + directory.userId(user));
		assertThat(find("#role-" + role).isSelected()).isFalse();
		click("#role-" + role);
		clickAndWaitForTheNextPage("#roles-save");
		assertThat(find("#notice").getText()).isEqualTo("已保存。");
		assertThat(find("#role-" + role).isSelected()).isTrue();
		assertThat(jdbc.sql("""
				select count(*) from user_role ur join role r on r.id = ur.role_id join app_user u on u.id = ur.user_id
				where u.username = ? and r.code = ?""").params(user, role).query(Long.class).single()).isEqualTo(1);

		open("/admin/users/" + directory.userId(colleague));
		click("#role-AUDIT_ADMIN");
		clickAndWaitForTheNextPage("#roles-save");
		assertThat(find("#notice").getText()).contains("须由系统管理员或另一名安全管理员确认");
		assertThat(find("#pending-grant").getText()).contains("审计管理员");
		assertThat(find("#role-AUDIT_ADMIN").isSelected()).as("not given yet").isFalse();
		open("/admin/grants");
		long grant = jdbc.sql("select id from administrative_grant where user_id = ? and status = 'PENDING'")
			.param(directory.userId(colleague)).query(Long.class).single();
		assertThat(find("#grant-own-" + grant).getText()).isEqualTo("须由另一名管理员确认");
		assertThat(browser.findElements(By.id("grant-confirm-" + grant))).as("not for the one who asked").isEmpty();

		WebSession systemAdministrator = new WebSession(port);
		systemAdministrator.signIn(officers().account("SYSTEM_ADMIN").username(), TestDirectory.PASSWORD,
				TestTotp.codeAt(ADMIN_TOTP_SECRET, Instant.now()));
		assertThat(systemAdministrator.get("/admin/grants").body()).contains("grant-confirm-" + grant);
		assertThat(systemAdministrator.post("/admin/grants/" + grant + "/confirm", java.util.Map.of()).location())
			.endsWith("/admin/grants");
		open("/admin/users/" + directory.userId(colleague));
		assertThat(find("#role-AUDIT_ADMIN").isSelected()).isTrue();
		assertThat(browser.findElements(By.id("pending-grant"))).isEmpty();
	}

	@Test
	void administratorCreatesAPostWithAHolderAndABackup() {
		var directory = new TestDirectory(jdbc);
		long unit = directory.orgUnit(directory.party("PROVIDER", "运维服务商"), null, "驻场组");
		String holder = directory.user(unit);
		String backup = directory.user(unit);
		String post = TestDirectory.unique("值班岗");

		signInAsAdministrator();
		open("/admin/posts");
		clickAndWaitForTheNextPage("#post-new");
		new Select(find("#orgUnitId")).selectByValue(String.valueOf(unit));
		String holderId = String.valueOf(directory.userId(holder));
		String backupId = String.valueOf(directory.userId(backup));
		waitFor().until(d -> !d.findElements(By.cssSelector("#backupId option[value='" + backupId + "']")).isEmpty());
		type("#name", post);
		type("#responsibilities", "7×24 小时值守，处理告警");
		new Select(find("#holderId")).selectByValue(holderId);
		new Select(find("#backupId")).selectByValue(holderId);
		clickAndWaitForTheNextPage("#post-save");
		assertThat(find("#backupId-error").getText()).isEqualTo("备份人员不能与岗位人员相同");
		assertThat(find("#name").getAttribute("value")).isEqualTo(post);
		assertThat(find("#responsibilities").getAttribute("value")).isEqualTo("7×24 小时值守，处理告警");

		new Select(find("#backupId")).selectByValue(backupId);
		clickAndWaitForTheNextPage("#post-save");
		assertThat(find("#notice").getText()).isEqualTo("已保存。");
		long id = jdbc.sql("select id from post where name = ?").param(post).query(Long.class).single();
		List<WebElement> cells = find("#post-" + id).findElements(By.tagName("td"));
		assertThat(cells.get(0).getText()).isEqualTo(post);
		assertThat(cells.get(3).getText()).isEqualTo("测试用户 " + holder);
		assertThat(cells.get(4).getText()).isEqualTo("测试用户 " + backup);
	}

	@Test
	void theMoreButtonAppendsTheNextUsersOfTheChosenUnitInPlace() {
		var directory = new TestDirectory(jdbc);
		long unit = directory.orgUnit(directory.party("CUSTOMER", "市交通局"), null, "科技处");
		List<String> users = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			users.add(directory.user(unit));
		}

		signInAsAdministrator();
		open("/admin/users");
		new Select(find("#orgUnitId")).selectByValue(String.valueOf(unit));
		clickAndWaitForTheNextPage("#user-filter");
		assertThat(browser.findElements(By.cssSelector(USER_ROWS))).hasSize(20);
		String url = browser.getCurrentUrl();

		click("#more");
		waitFor().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(USER_ROWS), 21));
		assertThat(browser.findElements(By.id("more"))).isEmpty();
		assertThat(browser.getCurrentUrl()).isEqualTo(url);
		assertThat(browser.findElements(By.cssSelector(USER_ROWS + " td:first-child")).stream()
			.map(WebElement::getText)
			.toList()).isEqualTo(users.stream().sorted().toList());
	}

	@Test
	void theLanguageSwitchShowsTheUserAdministrationInEnglish() {
		signInAsAdministrator();
		open("/admin/users");
		assertThat(find("#user-new").getText()).isEqualTo("新建用户");
		assertThat(find("label[for='q']").getText()).isEqualTo("搜索");

		click("#language-switch");
		waitFor().until(ExpectedConditions.textToBe(By.id("user-new"), "New user"));
		assertThat(find("h1").getText()).isEqualTo("Users");
		assertThat(find("label[for='q']").getText()).isEqualTo("Search");
		assertThat(find("#user-filter").getText()).isEqualTo("Filter");
		assertThat(find("#sort-username").getText()).startsWith("User name");

		click("#language-switch");
		waitFor().until(ExpectedConditions.textToBe(By.id("user-new"), "新建用户"));
	}

	private void signInAsAdministrator() {
		signIn(officers().account("SYSTEM_ADMIN").username(), TestDirectory.PASSWORD,
				TestTotp.codeAt(ADMIN_TOTP_SECRET, Instant.now()));
		assertThat(find("#party-kind").getAttribute("data-kind")).isEqualTo("MANAGEMENT");
	}
}
