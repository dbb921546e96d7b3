package org.yunwei.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.yunwei.support.WebSession;

class AuditPageIntegrationTests extends IntegrationTestSupport {

	@Autowired
	AuditTrail trail;

	@Test
	void auditAdministratorBrowsesFiltersPagesVerifiesAndExports() {
		String objectType = TestDirectory.unique("ui");
		for (int i = 1; i <= 60; i++) {
			trail.record(AuditEntry.of("TEST_UI", objectType, i).after(java.util.Map.of("step", i)));
		}
		var browser = signedIn(new AuditPeople(jdbc, api()).userOf("MANAGEMENT", "AUDIT_ADMIN"), true);

		var page = browser.get("/audit?objectType=" + objectType);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("审计记录", "TEST_UI", "id=\"audit-more\"", "hx-get=\"/audit/rows?")
			.contains("&quot;step&quot;").doesNotContain("<script>").doesNotContain("style=");
		Matcher more = Pattern.compile("href=\"(/audit\\?[^\"]*cursor=[^\"]+)\"").matcher(page.body());
		assertThat(more.find()).isTrue();

		var rest = browser.get(more.group(1).replace("&amp;", "&").replace("/audit?", "/audit/rows?"));
		assertThat(rest.status()).isEqualTo(200);
		assertThat(rest.body().strip()).startsWith("<tr").contains("TEST_UI").doesNotContain("audit-more")
			.doesNotContain("<html");

		// a change reads field by field, the changed field marked, with the values as written beside
		trail.record(AuditEntry.of("TEST_UI", objectType, 0).before(java.util.Map.of("status", "NEW", "step", 1))
			.after(java.util.Map.of("status", "ASSIGNED", "step", 1)));
		String changed = browser.get("/audit?objectType=" + objectType).body();
		assertThat(changed).containsPattern("<tr class=\"table-warning yw-changed\">\\s*<td>状态</td>\\s*<td[^>]*>NEW</td>"
				+ "\\s*<td[^>]*>ASSIGNED</td>").contains("原始记录");

		assertThat(browser.get("/audit?verify=true").body()).contains("id=\"audit-chain-intact\"", "SHA-256");
		assertThat(browser.get("/audit/chain").body()).contains("audit-chain-intact");

		var invalid = browser.get("/audit?from=someday");
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.body()).contains("is-invalid", "时间格式不正确", "value=\"someday\"");

		assertThat(browser.get("/audit?actor=nobody-" + objectType).body()).contains("id=\"audit-empty\"");

		var export = browser.download("/audit/export?objectType=" + objectType);
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.body().length).isGreaterThan(1000);
	}

	@Test
	void englishPageAndNoVerificationForSupervision() {
		var browser = signedIn(new AuditPeople(jdbc, api()).userOf("SUPERVISION", "SUPERVISOR"), false);
		var page = browser.get("/audit?lang=en");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Audit trail", "Export to Excel").doesNotContain("audit-chain");
		assertThat(browser.get("/audit/chain").status()).isEqualTo(403);
	}

	@Test
	void othersCannotOpenTheAuditPage() {
		var browser = signedIn(new AuditPeople(jdbc, api()).userOf("CUSTOMER"), false);
		assertThat(browser.get("/audit").status()).isEqualTo(403);
	}

	private WebSession signedIn(String username, boolean secondFactor) {
		if (secondFactor) {
			new AuditPeople(jdbc, api()).withSecondFactor(username);
		}
		WebSession browser = new WebSession(port);
		var signIn = browser.signIn(username, TestDirectory.PASSWORD,
				secondFactor ? TestTotp.codeAt(ADMIN_TOTP_SECRET, Instant.now()) : null);
		assertThat(signIn.status()).isEqualTo(302);
		assertThat(signIn.location()).doesNotContain("error");
		return browser;
	}
}
