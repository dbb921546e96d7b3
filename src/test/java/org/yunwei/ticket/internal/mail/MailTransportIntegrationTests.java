package org.yunwei.ticket.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import jakarta.mail.MessagingException;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * How the intake reaches its mailbox (issue 23): plain IMAP only when it is explicitly allowed, and IMAPS with a
 * server certificate of a private CA (src/test/resources/mail/tls: a CA and a server key pair for 127.0.0.1 and
 * localhost, made with keytool) trusted for this mailbox alone. GreenMail serves IMAP and IMAPS but not STARTTLS,
 * so the upgrade itself is not tried here: that plain IMAP is refused when STARTTLS is required is.
 */
class MailTransportIntegrationTests extends IntegrationTestSupport {

	static GreenMail plain;
	static GreenMail tls;

	@Autowired
	MailIntake intake;

	TicketFixtures world;

	@BeforeAll
	static void startServers() throws Exception {
		plain = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
		plain.start();
		// GreenMail reads its keystore once, when it first serves TLS; no other test of this JVM serves TLS
		System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY, resource("server.p12").toString());
		System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY, "changeit");
		System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEY_PASSWORD_PROPERTY, "changeit");
		try {
			tls = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS).dynamicPort());
			tls.start();
		}
		finally {
			System.clearProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY);
			System.clearProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY);
			System.clearProperty(DummySSLServerSocketFactory.GREENMAIL_KEY_PASSWORD_PROPERTY);
		}
	}

	@AfterAll
	static void stopServers() {
		plain.stop();
		tls.stop();
	}

	@BeforeEach
	void world() {
		world = new TicketFixtures(jdbc, new ApiClient(port));
	}

	@Test
	void plainImapIsRefusedUnlessExplicitlyAllowedAndReadsNothing() throws Exception {
		TestMailbox mailbox = new TestMailbox(plain, "plain");
		mailbox.deliver("good.eml");
		MailboxSettings required = mailbox.settings(world.bureau, world.service, world.firstLine)
			.withTransport(false, null);

		assertThatThrownBy(() -> intake.poll(required)).isInstanceOf(MessagingException.class)
			.hasMessageContaining("STARTTLS");
		assertThat(mailbox.unseen("INBOX")).isEqualTo(1);

		assertThat(intake.poll(required.withTransport(true, null)).count(MailMessages.Outcome.CREATED)).isEqualTo(1);
	}

	@Test
	void imapsWithAPrivateCaWorksWithThatCaForThisMailboxAloneAndTheJvmsTrustIsUntouched() throws Exception {
		TestMailbox mailbox = new TestMailbox(tls, "tls");
		mailbox.deliver("good.eml");
		MailboxSettings untrusted = MailboxSettings.of("127.0.0.1", tls.getImaps().getPort(), "imaps",
				mailbox.user.getLogin(), "secret", world.bureau, world.service, world.firstLine);

		assertThatThrownBy(() -> intake.poll(untrusted)).isInstanceOf(MessagingException.class);

		MailboxSettings trusted = untrusted.withTransport(false, resource("ca.pem").toString());
		assertThat(intake.poll(trusted).count(MailMessages.Outcome.CREATED)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from ticket where subject = ?").param("打印机卡纸 " + mailbox.token)
			.query(Integer.class).single()).isEqualTo(1);

		// trusting the CA for the mailbox taught the JVM nothing: without the setting it is refused as before
		mailbox.deliver("utf8-raw-headers.eml");
		assertThatThrownBy(() -> intake.poll(untrusted)).isInstanceOf(MessagingException.class);
	}

	@Test
	void aTrustedCaFileThatIsNoCertificateIsRefusedInWords() throws Exception {
		Path notPem = resource("../good.eml");

		assertThatThrownBy(() -> MailboxConnection.socketFactory(notPem)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("yunwei.mail.intake.trusted-ca");
	}

	private static Path resource(String name) throws Exception {
		return Path.of(MailTransportIntegrationTests.class.getResource("/mail/tls/").toURI()).resolve(name).normalize();
	}
}
