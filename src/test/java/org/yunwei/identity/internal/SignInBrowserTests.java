package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

class SignInBrowserTests extends BrowserTestSupport {

	@Test
	void aNewUserChangesTheTemporaryPasswordThenWorks() {
		var directory = new TestDirectory(jdbc);
		String user = directory.user(directory.orgUnit(directory.party("PROVIDER", "运维服务商"), null, "服务台"));
		jdbc.sql("update app_user set must_change_password = true where username = ?").param(user).update();

		signIn(user, TestDirectory.PASSWORD, null);
		waitForPath("/account/password");
		assertThat(find("#password-required").getText()).contains("必须先修改密码");

		type("#currentPassword", TestDirectory.PASSWORD);
		type("#newPassword", "abcdefgh");
		type("#confirmation", "abcdefgh");
		find("#password-submit").click();
		assertThat(find("#newPassword + .invalid-feedback").getText()).contains("至少 3 类");

		type("#currentPassword", TestDirectory.PASSWORD);
		type("#newPassword", "Br0wser!Pass");
		type("#confirmation", "Br0wser!Pass");
		find("#password-submit").click();
		assertThat(find("#party-kind").getAttribute("data-kind")).isEqualTo("PROVIDER");
		assertThat(find("#welcome").getText()).contains(user);
	}

	@Test
	void theAdministratorSignsInWithTheSecondFactorAndSeesAdministration() {
		signIn(officers().account("SYSTEM_ADMIN").username(), TestDirectory.PASSWORD,
				TestTotp.codeAt(ADMIN_TOTP_SECRET, Instant.now()));
		assertThat(find("#party-kind").getAttribute("data-kind")).isEqualTo("MANAGEMENT");
		assertThat(browser.findElements(By.cssSelector("a[href='/admin/users']"))).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("a[href='/audit']"))).isEmpty();
	}

	@Test
	void aFailedSignInSaysSoWithoutNamingTheReason() {
		signIn("nobody-" + System.nanoTime(), "Wrong#Passw0rd", null);
		assertThat(find("#signin-error").getText()).contains("用户名、密码或动态口令不正确");
	}

	@Test
	void theLanguageSwitchTurnsTheInterfaceToEnglishAndBack() {
		open("/login");
		assertThat(find("#signin-submit").getText()).isEqualTo("登录");
		find("#language-switch").click();
		assertThat(find("#signin-submit").getText()).isEqualTo("Sign in");
		find("#language-switch").click();
		assertThat(find("#signin-submit").getText()).isEqualTo("登录");
	}

	@Test
	void aUserCreatesAnApiTokenThatIsShownOnceAndWorks() {
		var directory = new TestDirectory(jdbc);
		String user = directory.user(directory.orgUnit(directory.party("CUSTOMER", "市民政局"), null, "办公室"));
		signIn(user, TestDirectory.PASSWORD, null);
		find("#welcome");
		open("/account/tokens");
		type("#name", "巡检脚本");
		type("#expiresInDays", "30");
		find("#token-create").click();
		String token = find("#issued-token").getText();
		assertThat(token).startsWith("ywt_");
		assertThat(api().get("/api/v1/auth/tokens", token).status()).isEqualTo(200);

		open("/account/tokens");
		assertThat(browser.getPageSource()).doesNotContain(token);
		find("#token-table button.btn-outline-danger").click();
		find("#token-table");
		assertThat(api().get("/api/v1/auth/tokens", token).status()).isEqualTo(401);
	}

	@Test
	void signingOutReturnsToTheSignInPage() {
		var directory = new TestDirectory(jdbc);
		String user = directory.user(directory.orgUnit(directory.party("SUPERVISION", "监理公司"), null, "项目部"));
		signIn(user, TestDirectory.PASSWORD, null);
		assertThat(find("#party-kind").getAttribute("data-kind")).isEqualTo("SUPERVISION");
		find("#user-menu").click();
		find("#sign-out").click();
		waitForPath("/login");
		open("/");
		waitForPath("/login");
	}
}
