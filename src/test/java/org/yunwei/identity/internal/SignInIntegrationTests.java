package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

class SignInIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private SignIn signIn;

	private TestDirectory directory;
	private long unit;

	@BeforeEach
	void department() {
		directory = new TestDirectory(jdbc);
		unit = directory.orgUnit(directory.party("CUSTOMER", "市教育局"), null, "信息中心");
	}

	@Test
	void signsInWithTheFormAndLandsOnTheHomePage() {
		String user = directory.user(unit);
		var session = new WebSession(port);
		var answer = session.signIn(user, TestDirectory.PASSWORD, null);
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).doesNotContain("error");
		var home = session.get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("测试用户 " + user).contains("data-kind=\"CUSTOMER\"");
	}

	@Test
	void locksTheAccountAfterFiveFailuresAndAuditsTheLockout() {
		String user = directory.user(unit);
		for (int i = 0; i < 5; i++) {
			assertThat(new WebSession(port).signIn(user, "Wrong#Passw0rd", null).location()).endsWith("/login?error");
		}
		// now even the right password is refused, with the same answer as any failure
		assertThat(new WebSession(port).signIn(user, TestDirectory.PASSWORD, null).location()).endsWith("/login?error");
		assertThat(api().post("/api/v1/auth/tokens", null,
				map("username", user, "password", TestDirectory.PASSWORD, "name", "t", "expiresInDays", 1)).status())
			.isEqualTo(401);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'ACCOUNT_LOCKED' and actor = ?")
			.param(user).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'SIGN_IN' and outcome = 'FAILURE' and actor = ?")
			.param(user).query(Long.class).single()).isEqualTo(7);
	}

	@Test
	void aLockedAccountOpensAgainWhenTheLockoutEnds() {
		String user = directory.user(unit);
		for (int i = 0; i < 5; i++) {
			new WebSession(port).signIn(user, "Wrong#Passw0rd", null);
		}
		jdbc.sql("""
				update sign_in_lockout set locked_until = now() - interval '1 second'
				where user_id = (select id from app_user where username = ?)""").param(user).update();
		assertThat(new WebSession(port).signIn(user, TestDirectory.PASSWORD, null).location()).doesNotContain("error");
		assertThat(jdbc.sql("select failed_attempts from app_user where username = ?").param(user).query(Integer.class)
			.single()).isZero();
	}

	/**
	 * Failures lock the account for the address they came from only, so that whoever knows a user name cannot lock
	 * its owner out everywhere (docs/security.md, "lockout"): the owner signs in from their own address meanwhile,
	 * and that success does not open the lock of the other address.
	 */
	@Test
	void aLockoutHoldsForTheAddressTheFailuresCameFromOnly() {
		String user = directory.user(unit);
		long id = directory.userId(user);
		String guesser = "198.51.100.7";
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> signIn.verify(user, "Wrong#Passw0rd", null, guesser))
				.isInstanceOf(BadCredentialsException.class);
		}
		assertThatThrownBy(() -> signIn.verify(user, TestDirectory.PASSWORD, null, guesser))
			.as("locked at the guesser's address, even with the right password")
			.isInstanceOf(BadCredentialsException.class);

		assertThat(signIn.verify(user, TestDirectory.PASSWORD, null, "203.0.113.9")).isEqualTo(id);

		assertThatThrownBy(() -> signIn.verify(user, TestDirectory.PASSWORD, null, guesser))
			.as("the owner's success elsewhere leaves the guesser's address locked")
			.isInstanceOf(BadCredentialsException.class);
		assertThat(jdbc.sql("select locked_until is not null from app_user where id = ?").param(id)
			.query(Boolean.class).single()).as("the user list still shows the lock").isTrue();
		assertThat(jdbc.sql("""
				select count(*) from audit_record where action = 'ACCOUNT_LOCKED' and actor = ?
				and detail like '%' || ?""").params(user, guesser).query(Long.class).single()).isOne();
	}

	@Test
	void aSuccessfulSignInResetsTheCountOfFailures() {
		String user = directory.user(unit);
		for (int i = 0; i < 4; i++) {
			new WebSession(port).signIn(user, "Wrong#Passw0rd", null);
		}
		new WebSession(port).signIn(user, TestDirectory.PASSWORD, null);
		for (int i = 0; i < 4; i++) {
			new WebSession(port).signIn(user, "Wrong#Passw0rd", null);
		}
		assertThat(new WebSession(port).signIn(user, TestDirectory.PASSWORD, null).location()).doesNotContain("error");
	}

	@Test
	void theAnswerForAnUnknownAccountIsTheSameAsForAWrongPassword() {
		String user = directory.user(unit);
		var unknown = new WebSession(port).signIn("no-such-" + user, "Wrong#Passw0rd", null);
		var wrong = new WebSession(port).signIn(user, "Wrong#Passw0rd", null);
		assertThat(unknown.status()).isEqualTo(wrong.status());
		assertThat(unknown.location()).isEqualTo(wrong.location());
	}

	@Test
	void administratorNeedsTheSecondFactor() {
		String administrator = officers().account("SYSTEM_ADMIN").username();
		assertThat(new WebSession(port).signIn(administrator, TestDirectory.PASSWORD, null).location())
			.endsWith("/login?error");
		assertThat(new WebSession(port).signIn(administrator, TestDirectory.PASSWORD, "000000").location())
			.endsWith("/login?error");
		assertThat(new WebSession(port).signIn(administrator, TestDirectory.PASSWORD,
				TestTotp.codeAt(ADMIN_TOTP_SECRET, Instant.now())).location()).doesNotContain("error");
	}

	@Test
	void aSecondFactorCodeIsAcceptedOnceOnEveryPath() {
		String administrator = officers().account("AUDIT_ADMIN").username();
		String code = TestTotp.codeAt(ADMIN_TOTP_SECRET, Instant.now());
		assertThat(new WebSession(port).signIn(administrator, TestDirectory.PASSWORD, code).location())
			.doesNotContain("error");

		assertThat(new WebSession(port).signIn(administrator, TestDirectory.PASSWORD, code).location())
			.endsWith("/login?error");
		var token = api().post("/api/v1/auth/tokens", null, map("username", administrator, "password",
				TestDirectory.PASSWORD, "totp", code, "name", "replay", "expiresInDays", 1));
		assertThat(token.status()).isEqualTo(401);
		assertThat(jdbc.sql("""
				select count(*) from audit_record where action = 'SIGN_IN' and outcome = 'FAILURE' and actor = ?
				and detail like 'second factor code already used%'""").param(administrator).query(Long.class).single())
			.isEqualTo(2);
		// the next code is still good: the register refuses what was used, not what comes
		assertThat(new WebSession(port).signIn(administrator, TestDirectory.PASSWORD,
				TestTotp.codeAt(ADMIN_TOTP_SECRET, Instant.now().plusSeconds(30))).location()).doesNotContain("error");
	}

	@Test
	void aTemporaryPasswordMustBeChangedBeforeAnythingElse() {
		String user = directory.user(unit);
		jdbc.sql("update app_user set must_change_password = true where username = ?").param(user).update();
		var session = new WebSession(port);
		session.signIn(user, TestDirectory.PASSWORD, null);
		var home = session.get("/");
		assertThat(home.status()).isEqualTo(302);
		assertThat(home.location()).endsWith("/account/password");

		session.get("/account/password");
		var weak = session.post("/account/password", Map.of("currentPassword", TestDirectory.PASSWORD,
				"newPassword", "password", "confirmation", "password"));
		assertThat(weak.status()).isEqualTo(200);
		assertThat(weak.body()).contains("is-invalid");
		var reused = session.post("/account/password", Map.of("currentPassword", TestDirectory.PASSWORD,
				"newPassword", TestDirectory.PASSWORD, "confirmation", TestDirectory.PASSWORD));
		assertThat(reused.body()).contains("不能与最近 5 次使用过的密码相同");

		var changed = session.post("/account/password", Map.of("currentPassword", TestDirectory.PASSWORD,
				"newPassword", "N3w!Secret-pw", "confirmation", "N3w!Secret-pw"));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(session.get("/").status()).isEqualTo(200);
		assertThat(new WebSession(port).signIn(user, "N3w!Secret-pw", null).location()).doesNotContain("error");
	}

	@Test
	void anExpiredPasswordMustBeChanged() {
		String user = directory.user(unit);
		jdbc.sql("update app_user set password_changed_at = now() - interval '91 days' where username = ?").param(user)
			.update();
		var session = new WebSession(port);
		session.signIn(user, TestDirectory.PASSWORD, null);
		assertThat(session.get("/").location()).endsWith("/account/password");
		assertThat(api().post("/api/v1/auth/tokens", null,
				map("username", user, "password", TestDirectory.PASSWORD, "name", "t", "expiresInDays", 1)).status())
			.isEqualTo(403);
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		String user = directory.user(unit);
		var session = new WebSession(port);
		session.signIn(user, TestDirectory.PASSWORD, null);
		session.get("/account/tokens");
		var forged = session.postWithoutCsrf("/account/tokens", Map.of("name", "forged", "expiresInDays", "5"));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from api_token where name = 'forged'").query(Long.class).single()).isZero();
		var anonymous = new WebSession(port);
		anonymous.get("/login");
		assertThat(anonymous.postWithoutCsrf("/login", Map.of("username", user, "password", TestDirectory.PASSWORD))
			.status()).isEqualTo(403);
	}

	@Test
	void signingOutEndsTheSessionAndIsAudited() {
		String user = directory.user(unit);
		var session = new WebSession(port);
		session.signIn(user, TestDirectory.PASSWORD, null);
		session.get("/");
		assertThat(session.post("/logout", Map.of()).location()).endsWith("/login?signedOut");
		assertThat(session.get("/").status()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'SIGN_OUT' and actor = ?").param(user)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void pagesCarryTheSecureHeaders() {
		var login = new WebSession(port).get("/login");
		assertThat(login.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-eval");
		assertThat(login.header("Content-Security-Policy")).doesNotContainPattern("script-src[^;]*unsafe-inline");
		assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(login.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(login.body()).doesNotContain("<script>");
	}

	@Test
	void secondFactorEnrolmentNeedsAValidCode() {
		String user = directory.user(unit);
		var session = new WebSession(port);
		session.signIn(user, TestDirectory.PASSWORD, null);
		var form = session.get("/account/totp");
		String secret = form.body().replaceAll("(?s).*id=\"totp-secret\">([A-Z2-7]+)<.*", "$1");
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(session.post("/account/totp", Map.of("code", "000000")).body()).contains("is-invalid");
		var enrolled = session.post("/account/totp", Map.of("code", TestTotp.codeAt(secret, Instant.now())));
		assertThat(enrolled.status()).isEqualTo(302);
		assertThat(new WebSession(port).signIn(user, TestDirectory.PASSWORD, null).location()).endsWith("/login?error");
		assertThat(new WebSession(port).signIn(user, TestDirectory.PASSWORD, TestTotp.codeAt(secret, Instant.now()))
			.location()).as("the code of the enrolment is spent").endsWith("/login?error");
		assertThat(new WebSession(port).signIn(user, TestDirectory.PASSWORD,
				TestTotp.codeAt(secret, Instant.now().plusSeconds(30))).location()).doesNotContain("error");
	}
}
