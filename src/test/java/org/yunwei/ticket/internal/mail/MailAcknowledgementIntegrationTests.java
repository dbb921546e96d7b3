package org.yunwei.ticket.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.notification.internal.TestMailOutbox;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * The mail the service desk sends about a ticket and what comes back (issue 23): the acknowledgement a sender gets,
 * the Message-IDs of outgoing mail threading an answer whose subject lost the number, and two acknowledging
 * mailboxes that write to each other without a loop. One in-process server (GreenMail) takes the outgoing mail by
 * SMTP and serves the mailboxes by IMAP.
 */
@EnableScenarios
class MailAcknowledgementIntegrationTests extends IntegrationTestSupport {

	static GreenMail server;

	@Autowired
	MailIntake intake;

	@Autowired
	ApplicationContext context;

	TicketFixtures world;
	TestMailOutbox outbox;

	@BeforeAll
	static void startServer() {
		server = new GreenMail(new ServerSetup[] { ServerSetupTest.SMTP.dynamicPort(),
				ServerSetupTest.IMAP.dynamicPort() });
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@BeforeEach
	void world() {
		world = new TicketFixtures(jdbc, new ApiClient(port));
		outbox = new TestMailOutbox(context);
		outbox.sendThrough(server.getSmtp().getPort());
	}

	@AfterEach
	void noMailServer() {
		outbox.noServer();
	}

	@Test
	void theSenderIsAcknowledgedAndTheirAnswerWithAnEditedSubjectThreadsInByTheMessageId(Scenario scenario)
			throws Exception {
		TestMailbox desk = new TestMailbox(server, "desk");
		desk.deliver("good.eml");
		MailboxSettings settings = desk.settings(world.bureau, world.service, world.firstLine).withAcknowledge(true);

		assertThat(intake.poll(settings).count(MailMessages.Outcome.CREATED)).isEqualTo(1);
		Map<String, Object> ticket = jdbc.sql("select id, number from ticket where subject = ?")
			.param("打印机卡纸 " + desk.token).query().singleRow();
		long ticketId = ((Number) ticket.get("id")).longValue();
		String number = (String) ticket.get("number");

		scenario.stimulate(() -> outbox.sendDue())
			.andWaitForStateChange(() -> jdbc.sql("select message_id from ticket_mail_sent where ticket_id = ?")
				.param(ticketId).query(String.class).optional().orElse(null))
			.andVerify(messageId -> assertThat(messageId).endsWith("@localhost>"));
		String acknowledgementId = jdbc.sql("select message_id from ticket_mail_sent where ticket_id = ?")
			.param(ticketId).query(String.class).single();
		MimeMessage acknowledgement = Arrays.stream(server.getReceivedMessagesForDomain("example.org"))
			.filter(m -> subject(m).contains(desk.token)).findFirst().orElseThrow();
		assertThat(subject(acknowledgement)).isEqualTo("[" + number + "] 已受理：打印机卡纸 " + desk.token);
		assertThat(acknowledgement.getHeader("Auto-Submitted")).containsExactly("auto-generated");
		assertThat(acknowledgement.getMessageID()).isEqualTo(acknowledgementId);
		assertThat((String) acknowledgement.getContent()).contains("工单编号为 " + number)
			.endsWith("/tickets/" + ticketId);

		// the customer answers and rewrites the subject: the number is gone, In-Reply-To names the acknowledgement
		deliver(desk, "From: good@example.org\nSubject: " + MimeUtility.encodeText("补充型号 " + desk.token, "UTF-8", "B")
				+ "\nMessage-ID: <answer." + desk.token + "@example.org>\nIn-Reply-To: " + acknowledgementId
				+ "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
				+ java.util.Base64.getMimeEncoder().encodeToString("型号是 HP M404。".getBytes(StandardCharsets.UTF_8)));

		assertThat(intake.poll(settings).count(MailMessages.Outcome.REPLY)).isEqualTo(1);
		assertThat(jdbc.sql("select body from ticket_entry where ticket_id = ? and kind = 'REPLY'").param(ticketId)
			.query(String.class).single()).isEqualTo("型号是 HP M404。");
		assertThat(jdbc.sql("select count(*) from ticket where subject like ?").param("%" + desk.token)
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void twoAcknowledgingMailboxesWritingToEachOtherDoNotLoop(Scenario scenario) throws Exception {
		TestMailbox a = new TestMailbox(server, "a");
		TestMailbox b = new TestMailbox(server, "b");
		MailboxSettings intakeA = a.settings(world.bureau, world.service, world.firstLine).withAcknowledge(true);
		MailboxSettings intakeB = b.settings(world.bureau, world.service, world.firstLine).withAcknowledge(true);
		// someone writes to A from B's address (another service desk forwarding a report, say)
		deliver(a, "From: " + b.address + "\nTo: " + a.address + "\nSubject: loop " + a.token + "\nMessage-ID: <loop."
				+ a.token + "@yunwei.test>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nThe VPN is down.\n");

		assertThat(intake.poll(intakeA).count(MailMessages.Outcome.CREATED)).isEqualTo(1);
		// A acknowledges to B
		scenario.stimulate(() -> outbox.sendDue())
			.andWaitForStateChange(() -> unchecked(() -> b.count("INBOX")), count -> count == 1)
			.andVerify(count -> assertThat(count).isEqualTo(1));

		// B recognises the acknowledgement as automatic: it files nothing and answers nothing
		assertThat(intake.poll(intakeB).outcomes()).isEqualTo(Map.of(MailMessages.Outcome.IGNORED, 1));
		for (int round = 0; round < 3; round++) {
			outbox.sendDue();
			assertThat(intake.poll(intakeA).outcomes()).isEmpty();
			assertThat(intake.poll(intakeB).outcomes()).isEmpty();
		}
		assertThat(jdbc.sql("select count(*) from notification_outbox where recipient = ?").param(a.address)
			.query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from notification_outbox where recipient = ?").param(b.address)
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(a.count("INBOX")).isEqualTo(1);
		assertThat(b.count("INBOX")).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from ticket where subject like ?").param("%" + a.token)
			.query(Integer.class).single()).isEqualTo(1);
	}

	private static void deliver(TestMailbox mailbox, String raw) throws MessagingException {
		mailbox.user.deliver(new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII))));
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException unreadable) {
			throw new IllegalStateException(unreadable);
		}
	}

	private interface Counting {
		int count() throws MessagingException;
	}

	private static int unchecked(Counting counting) {
		try {
			return counting.count();
		}
		catch (MessagingException unreadable) {
			throw new IllegalStateException(unreadable);
		}
	}
}
