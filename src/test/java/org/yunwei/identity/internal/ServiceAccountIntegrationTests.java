package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

/**
 * Service accounts: created without a password to change, never signed in through the form, their tokens issued
 * and revoked by the security administrator, so that connecting monitoring needs no browser session of its own.
 */
class ServiceAccountIntegrationTests extends IntegrationTestSupport {

	private static final String ALERTMANAGER = "/api/v1/alerts/alertmanager";

	/** A well-formed Alertmanager webhook that no route takes: answered only once the caller may send alerts. */
	private static final String FIRING = """
			{"version": "4", "groupKey": "{}:{alertname=\\"InstanceDown\\"}", "status": "firing", "receiver": "yunwei",
			 "groupLabels": {"alertname": "InstanceDown"}, "commonLabels": {"alertname": "InstanceDown"},
			 "commonAnnotations": {"summary": "主机宕机"}, "externalURL": "http://alertmanager.example.gov.cn:9093",
			 "alerts": [{"status": "firing", "labels": {"alertname": "InstanceDown", "instance": "10.20.0.5:9100"},
			             "annotations": {"summary": "主机宕机"}, "startsAt": "2026-11-22T09:52:26+08:00",
			             "endsAt": "0001-01-01T00:00:00Z", "fingerprint": "5a60c4f2a7d1e3b9"}]}""";

	private DirectoryTesting testing;
	private long providerUnit;

	@BeforeEach
	void setUp() {
		testing = new DirectoryTesting(jdbc, api());
		providerUnit = testing.directory.orgUnit(testing.directory.party("PROVIDER", "运维服务商"), null, "监控组");
	}

	@Test
	void theSecurityAdministratorIssuesAnAlertIntakeTokenThatWorksUntilRevoked() {
		long id = createServiceAccount(TestDirectory.unique("alertmanager"));
		assertThat(api().put("/api/v1/users/" + id + "/roles", securityAdminToken(),
				map("roles", List.of("ALERT_INTEGRATION"))).status()).isEqualTo(200);

		var issued = api().post("/api/v1/users/" + id + "/tokens", securityAdminToken(),
				map("name", "Alertmanager", "expiresInDays", 365));
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.json().get("token").asString();
		assertThat(testing.auditCount("TOKEN_CREATE", issued.json().get("id").asLong())).isOne();

		var alert = api().postRaw(ALERTMANAGER, token, FIRING, "application/json");
		assertThat(alert.status()).as("authenticated and allowed to send alerts: only the route is missing")
			.isEqualTo(422);
		assertThat(alert.json().get("type").asString()).isEqualTo("urn:yunwei:problem:no-alert-route");
		assertThat(api().get("/api/v1/users/" + id + "/tokens", securityAdminToken()).body()).contains("Alertmanager");

		assertThat(api().delete("/api/v1/users/" + id + "/tokens/" + issued.json().get("id").asLong(),
				securityAdminToken()).status()).isEqualTo(204);
		assertThat(api().postRaw(ALERTMANAGER, token, FIRING, "application/json").status()).isEqualTo(401);
	}

	@Test
	void aServiceAccountCannotSignInThroughTheFormAndTheAuditSaysWhy() {
		String username = TestDirectory.unique("zabbix");
		long id = createServiceAccount(username);
		// give it a password someone knows, to show that even the right one is refused
		String knownHash = jdbc.sql("select password_hash from app_user where username = ?")
			.param(testing.directory.user(providerUnit)).query(String.class).single();
		jdbc.sql("update app_user set password_hash = ? where id = ?").params(knownHash, id).update();

		var refused = new WebSession(port).signIn(username, TestDirectory.PASSWORD, null);
		var wrong = new WebSession(port).signIn(username, "Wrong#Passw0rd", null);

		assertThat(refused.location()).endsWith("/login?error").isEqualTo(wrong.location());
		assertThat(api().post("/api/v1/auth/tokens", null, map("username", username, "password", TestDirectory.PASSWORD,
				"name", "自取", "expiresInDays", 30)).status()).isEqualTo(401);
		assertThat(jdbc.sql("""
				select count(*) from audit_record where action = 'SIGN_IN' and actor = ? and outcome = 'FAILURE'
				and detail like 'service account%'""").param(username).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void onlyWhoeverGivesRolesIssuesTokensAndOnlyForServiceAccounts() {
		long id = createServiceAccount(TestDirectory.unique("report"));
		long person = testing.directory.userId(testing.directory.user(providerUnit));

		assertThat(api().post("/api/v1/users/" + id + "/tokens", adminToken(), map("name", "报表", "expiresInDays", 30))
			.status()).as("the system administrator gives no roles, so no token either").isEqualTo(403);
		var notService = api().post("/api/v1/users/" + person + "/tokens", securityAdminToken(),
				map("name", "报表", "expiresInDays", 30));
		assertThat(notService.status()).isEqualTo(422);
		assertThat(notService.json().get("errors").has("userId")).isTrue();
		var invalid = api().post("/api/v1/users/" + id + "/tokens", securityAdminToken(),
				map("name", " ", "expiresInDays", 0));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").propertyNames()).contains("name", "expiresInDays");
		assertThat(jdbc.sql("select count(*) from api_token where user_id in (?, ?)").params(id, person)
			.query(Long.class).single()).isZero();
	}

	@Test
	void theSecurityAdministratorIssuesATokenOnTheUserPageShownOnce() {
		long id = createServiceAccount(TestDirectory.unique("script"));
		WebSession security = new WebSession(port);
		security.signIn(officers().account("SECURITY_ADMIN").username(), TestDirectory.PASSWORD,
				TestTotp.codeAt(ADMIN_TOTP_SECRET, Instant.now()));

		var issued = security.submit("/admin/users/" + id, "/admin/users/" + id + "/tokens",
				Map.of("name", "月报脚本", "expiresInDays", "90"));
		assertThat(issued.status()).isEqualTo(302);
		var page = security.follow(issued);
		assertThat(page.body()).contains("id=\"issued-token\"").contains("ywt_").contains("月报脚本");
		assertThat(security.get("/admin/users/" + id).body()).doesNotContain("id=\"issued-token\"");
	}

	private long createServiceAccount(String username) {
		var created = api().post("/api/v1/users", adminToken(), map("username", username, "displayName", "集成 " + username,
				"orgUnitId", providerUnit, "serviceAccount", true));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("serviceAccount").asBoolean()).isTrue();
		assertThat(created.json().get("mustChangePassword").asBoolean()).isFalse();
		return created.json().get("id").asLong();
	}
}
