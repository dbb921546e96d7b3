package org.yunwei.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.internal.TestTotp;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

class AuditPageIntegrationTests extends IntegrationTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@Autowired
	AuditTrail trail;

	@Test
	void auditAdministratorBrowsesFiltersPagesVerifiesAndExports() throws Exception {
		String objectType = TestDirectory.unique("ui");
		for (int i = 1; i <= 60; i++) {
			trail.record(AuditEntry.of("TEST_UI", objectType, i).after(java.util.Map.of("step", i)));
		}
		var browser = signedIn(new AuditPeople(jdbc, api()).userOf("MANAGEMENT", "AUDIT_ADMIN"), true);

		var page = browser.get("/audit?objectType=" + objectType);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("审计记录", "TEST_UI", "id=\"audit-more\"", "hx-get=\"/audit/rows?")
			.contains("&quot;step&quot;").doesNotContain("<script>").doesNotContain("style=");
		Matcher more = Pattern.compile("href=\"(/audit\\?[^\"]*cursor=[^\"]+)\"").matcher(page.body());
		assertThat(more.find()).isTrue();

		var rest = browser.get(more.group(1).replace("&amp;", "&").replace("/audit?", "/audit/rows?"));
		assertThat(rest.statusCode()).isEqualTo(200);
		assertThat(rest.body().strip()).startsWith("<tr").contains("TEST_UI").doesNotContain("audit-more")
			.doesNotContain("<html");

		assertThat(browser.get("/audit?verify=true").body()).contains("id=\"audit-chain-intact\"", "SHA-256");
		assertThat(browser.get("/audit/chain").body()).contains("audit-chain-intact");

		var invalid = browser.get("/audit?from=someday");
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("is-invalid", "时间格式不正确", "value=\"someday\"");

		assertThat(browser.get("/audit?actor=nobody-" + objectType).body()).contains("id=\"audit-empty\"");

		var export = browser.client.send(browser.request("/audit/export?objectType=" + objectType).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.body().length).isGreaterThan(1000);
	}

	@Test
	void englishPageAndNoVerificationForSupervision() throws Exception {
		var browser = signedIn(new AuditPeople(jdbc, api()).userOf("SUPERVISION", "SUPERVISOR"), false);
		var page = browser.get("/audit?lang=en");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Audit trail", "Export to Excel").doesNotContain("audit-chain");
		assertThat(browser.get("/audit/chain").statusCode()).isEqualTo(403);
	}

	@Test
	void othersCannotOpenTheAuditPage() throws Exception {
		var browser = signedIn(new AuditPeople(jdbc, api()).userOf("CUSTOMER"), false);
		assertThat(browser.get("/audit").statusCode()).isEqualTo(403);
	}

	private Browser signedIn(String username, boolean secondFactor) throws Exception {
		if (secondFactor) {
			jdbc.sql("update app_user set totp_secret = ? where username = ?").params(ADMIN_TOTP_SECRET, username)
				.update();
		}
		Browser browser = new Browser();
		Matcher csrf = CSRF.matcher(browser.get("/login").body());
		assertThat(csrf.find()).isTrue();
		String form = "username=" + encode(username) + "&password=" + encode(TestDirectory.PASSWORD) + "&_csrf="
				+ encode(csrf.group(1))
				+ (secondFactor ? "&totp=" + TestTotp.codeAt(ADMIN_TOTP_SECRET, Instant.now()) : "");
		var signIn = browser.client.send(browser.request("/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return browser;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private final class Browser {

		final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
