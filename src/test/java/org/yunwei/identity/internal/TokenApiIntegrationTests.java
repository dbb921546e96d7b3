package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

class TokenApiIntegrationTests extends IntegrationTestSupport {

	@Test
	void administratorGetsATokenWithPasswordAndSecondFactor() {
		String token = adminToken();
		assertThat(token).startsWith("ywt_").hasSizeGreaterThan(40);
		var mine = api().get("/api/v1/auth/tokens", token);
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body()).doesNotContain(token);
	}

	@Test
	void refusesSignInWithoutTheSecondFactorLikeAWrongPassword() {
		var noCode = api().post("/api/v1/auth/tokens", null,
				map("username", "admin", "password", ADMIN_PASSWORD, "name", "t", "expiresInDays", 1));
		var unknown = api().post("/api/v1/auth/tokens", null,
				map("username", "nobody-here", "password", ADMIN_PASSWORD, "name", "t", "expiresInDays", 1));
		assertThat(noCode.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(noCode.json().get("detail")).isEqualTo(unknown.json().get("detail"));
		assertThat(noCode.json().get("type").asString()).isEqualTo("urn:yunwei:problem:sign-in-failed");
	}

	@Test
	void revokedTokenStopsWorkingAtOnce() {
		var directory = new TestDirectory(jdbc);
		String user = directory.user(directory.orgUnit(directory.party("PROVIDER", "服务方"), null, "一线"));
		String token = org.yunwei.support.Accounts.tokenFor(api(), user, TestDirectory.PASSWORD, null);
		assertThat(api().get("/api/v1/auth/tokens", token).status()).isEqualTo(200);
		long id = api().get("/api/v1/auth/tokens", token).json().get(0).get("id").asLong();

		assertThat(api().delete("/api/v1/auth/tokens/" + id, token).status()).isEqualTo(204);

		assertThat(api().get("/api/v1/auth/tokens", token).status()).isEqualTo(401);
	}

	@Test
	void expiredTokenIsRefused() {
		var directory = new TestDirectory(jdbc);
		String user = directory.user(directory.orgUnit(directory.party("PROVIDER", "服务方"), null, "二线"));
		String token = org.yunwei.support.Accounts.tokenFor(api(), user, TestDirectory.PASSWORD, null);
		jdbc.sql("update api_token set expires_at = now() - interval '1 second' where user_id = ?")
			.param(directory.userId(user))
			.update();
		assertThat(api().get("/api/v1/auth/tokens", token).status()).isEqualTo(401);
	}

	@Test
	void rejectsTokenRequestsWithInvalidNameOrExpiry() {
		var directory = new TestDirectory(jdbc);
		String user = directory.user(directory.orgUnit(directory.party("CUSTOMER", "使用方"), null, "办公室"));
		var response = api().post("/api/v1/auth/tokens", null,
				map("username", user, "password", TestDirectory.PASSWORD, "name", "", "expiresInDays", 9999));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").has("name")).isTrue();
		assertThat(response.json().get("errors").has("expiresInDays")).isTrue();
		assertThat(jdbc.sql("select count(*) from api_token where user_id = ?").param(directory.userId(user))
			.query(Long.class).single()).isZero();
	}

	@Test
	void storesOnlyTheDigestOfATokenAndAuditsItsCreation() {
		String token = adminToken();
		assertThat(jdbc.sql("select count(*) from api_token where digest = ?").param(token).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'TOKEN_CREATE' and actor = 'admin'")
			.query(Long.class).single()).isPositive();
	}
}
