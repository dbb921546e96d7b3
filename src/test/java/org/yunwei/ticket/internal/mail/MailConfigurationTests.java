package org.yunwei.ticket.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The start-up checks of the e-mail intake's settings, and the forms its settings take (issue 23). */
class MailConfigurationTests {

	private static MailboxSettings enabled(String senderDomainList) {
		return new MailboxSettings(true, "mail.example.gov.cn", null, "imap", "servicedesk@example.gov.cn", "pw",
				null, null, null, 12L, null, null, null, Map.of("edu.example.gov.cn", 21L), senderDomainList, false,
				null, null, null, false);
	}

	@Test
	void anEnabledIntakeWithoutYunweiMailFromDoesNotStartAndSaysWhatToSet() {
		assertThatThrownBy(() -> MailConfiguration.check(enabled(null), ""))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("YUNWEI_MAIL_FROM")
			.hasMessageContaining("YUNWEI_MAIL_INTAKE_ENABLED");
		assertThatThrownBy(() -> MailConfiguration.check(enabled(null), "  ")).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> MailConfiguration.check(enabled(null), "servicedesk"))
			.hasMessageContaining("not an e-mail address");
	}

	@Test
	void anEnabledIntakeWithItsSenderStartsAndADisabledOneNeedsNone() {
		assertThatCode(() -> MailConfiguration.check(enabled(null), "服务台 <servicedesk@example.gov.cn>"))
			.doesNotThrowAnyException();
		MailboxSettings disabled = MailboxSettings.of("mail.example.gov.cn", null, "imap", "desk", "pw", 12L, null,
				null);
		assertThatCode(() -> MailConfiguration.check(disabled, "")).doesNotThrowAnyException();
	}

	@Test
	void anUnreadableTrustedCaStopsTheStart() {
		MailboxSettings settings = enabled(null).withTransport(false, "/no/such/ca.pem");

		assertThatThrownBy(() -> MailConfiguration.check(settings, "servicedesk@example.gov.cn"))
			.hasMessageContaining("yunwei.mail.intake.trusted-ca");
	}

	@Test
	void theSenderDomainListOfAnEnvironmentVariableHoldsDomainsWithHyphens() {
		MailboxSettings settings = enabled("hrss-x.example.gov.cn=15, Tax-Bureau.example.gov.cn=16");

		assertThat(settings.senderDomains()).containsEntry("hrss-x.example.gov.cn", 15L)
			.containsEntry("tax-bureau.example.gov.cn", 16L);
		assertThat(settings.unitForDomain("li@mail.hrss-x.example.gov.cn")).isEqualTo(15L);
		assertThatThrownBy(() -> enabled("hrss-x.example.gov.cn")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> enabled("hrss-x.example.gov.cn=x")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void imapRequiresStartTlsUnlessPlainIsAllowedAndChecksTheHostNameEither() {
		MailboxSettings imap = enabled(null);

		assertThat(MailboxConnection.properties(imap)).containsEntry("mail.imap.starttls.enable", "true")
			.containsEntry("mail.imap.starttls.required", "true")
			.containsEntry("mail.imap.ssl.checkserveridentity", "true");
		assertThat(MailboxConnection.properties(imap.withTransport(true, null)))
			.containsEntry("mail.imap.starttls.required", "false");
		assertThat(imap.toString()).doesNotContain("pw");
	}
}
