package org.yunwei.ticket.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;

import tools.jackson.databind.JsonNode;

/**
 * One bad message must never close the door on the mail behind it (issue 23): each kind of message that once stopped
 * the intake or was read wrong, as raw {@code .eml} fixtures ({@code src/test/resources/mail}), delivered before a
 * good one into an in-process IMAP server (GreenMail), and all of them read in one poll.
 */
class MailSetAsideIntegrationTests extends IntegrationTestSupport {

	static GreenMail server;

	@Autowired
	MailIntake intake;

	TicketFixtures world;
	TestMailbox mailbox;

	@BeforeAll
	static void startServer() {
		server = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@BeforeEach
	void world() {
		world = new TicketFixtures(jdbc, new ApiClient(port));
		mailbox = new TestMailbox(server, "desk");
	}

	@Test
	void everyPoisonKindIsSetAsideOrFiledAndTheGoodMessageAfterThemIsFiledInTheSamePoll() throws Exception {
		for (String fixture : new String[] { "nul-subject.eml", "long-message-id.eml", "nul-sender.eml",
				"gbk-raw-headers.eml", "utf8-raw-headers.eml", "missing-boundary.eml", "dsn-bounce.eml",
				"auto-reply.eml", "good.eml" }) {
			mailbox.deliver(fixture);
		}
		MailboxSettings settings = mailbox.settings(world.bureau, world.service, world.firstLine)
			.withSetAside("Yunwei/Failed", "Yunwei/Automatic");

		MailIntake.Poll poll = intake.poll(settings);

		assertThat(poll.outcomes()).isEqualTo(Map.of(MailMessages.Outcome.CREATED, 6, MailMessages.Outcome.IGNORED, 2,
				MailMessages.Outcome.FAILED, 1));
		String t = mailbox.token;
		assertThat(ticket("打印机卡纸 " + t).get("description")).isEqualTo("三楼打印机卡纸。");
		// a NUL in the subject is dropped, not a reason to lose the message
		assertThat(ticket("打印机故障 " + t)).isNotNull();
		// a 3 kB Message-ID is kept by its digest
		Map<String, Object> longId = ticket("long id " + t);
		assertThat(jdbc.sql("select message_id from ticket_mail_message where ticket_id = ?").param(longId.get("id"))
			.query(String.class).single()).matches("<sha256\\.[0-9a-f]{64}@long-message-id\\.yunwei>");
		// nothing is left unread in the inbox; what was not filed is in its folder
		assertThat(mailbox.unseen("INBOX")).isZero();
		assertThat(mailbox.count("INBOX")).isEqualTo(6);
		assertThat(mailbox.count("Yunwei/Failed")).isEqualTo(1);
		assertThat(mailbox.count("Yunwei/Automatic")).isEqualTo(2);
	}

	@Test
	void aMessageThatCannotBeFiledIsListedWithItsReasonAndCleanFieldsWhereverItWasSetAside() throws Exception {
		String id = mailbox.deliver("nul-sender.eml");
		mailbox.deliver("good.eml");

		MailIntake.Poll poll = intake.poll(mailbox.settings(world.bureau, world.service, world.firstLine));

		assertThat(poll.count(MailMessages.Outcome.FAILED)).isEqualTo(1);
		assertThat(poll.count(MailMessages.Outcome.CREATED)).isEqualTo(1);
		// no folder configured: flagged and read where it is
		assertThat(mailbox.flagged("INBOX")).isEqualTo(1);
		assertThat(mailbox.unseen("INBOX")).isZero();
		JsonNode failure = failure(id);
		assertThat(failure.get("reason").asString()).isEqualTo("邮件没有可识别的发件人地址。");
		assertThat(failure.get("sender").asString()).isEqualTo("无名氏 <not-an-address>");
		assertThat(failure.get("subject").asString()).isEqualTo("无发件人 " + mailbox.token);
		assertThat(failure.get("setAsideTo").asString()).isEmpty();
		// a second poll reads nothing again
		assertThat(intake.poll(mailbox.settings(world.bureau, world.service, world.firstLine)).outcomes()).isEmpty();
	}

	@Test
	void rawEightBitHeadersInGbkAndUtf8AreReadByDetection() throws Exception {
		mailbox.deliver("gbk-raw-headers.eml");
		mailbox.deliver("utf8-raw-headers.eml");

		intake.poll(mailbox.settings(world.bureau, world.service, world.firstLine));

		Map<String, Object> gbk = ticket("喆堃镕 机房空调告警 " + mailbox.token);
		assertThat(gbk.get("reporter_name")).isEqualTo("王喆堃");
		assertThat(gbk.get("reporter_contact")).isEqualTo("wang.zhe@old-gov.example.cn");
		assertThat(gbk.get("description")).isEqualTo("二楼机房空调告警，温度 31 度。\n\n王喆堃");
		assertThat(ticket("网络中断 " + mailbox.token).get("reporter_name")).isEqualTo("赵镕");
	}

	@Test
	void aMultipartMailWithoutItsBoundaryKeepsItsTextWithANoteForTheAgents() throws Exception {
		mailbox.deliver("missing-boundary.eml");

		intake.poll(mailbox.settings(world.bureau, world.service, world.firstLine));

		Map<String, Object> ticket = ticket("缺少分隔符 " + mailbox.token);
		assertThat((String) ticket.get("description")).isEqualTo("会议室的投影仪无法开机，指示灯不亮。\n请尽快安排人员检查。");
		Map<String, Object> note = jdbc.sql("select * from ticket_entry where ticket_id = ? and kind = 'NOTE'")
			.param(ticket.get("id")).query().singleRow();
		assertThat(note.get("public")).isEqualTo(false);
		assertThat((String) note.get("body")).contains("缺少分隔符").contains("原始正文");
	}

	@Test
	void bouncesAndAutomaticRepliesAreRecordedMovedAsideAndNeitherFiledNorAnswered() throws Exception {
		String bounce = mailbox.deliver("dsn-bounce.eml");
		String reply = mailbox.deliver("auto-reply.eml");
		MailboxSettings settings = mailbox.settings(world.bureau, world.service, world.firstLine)
			.withSetAside("Yunwei/Failed", null)
			.withAcknowledge(true);

		MailIntake.Poll poll = intake.poll(settings);

		assertThat(poll.outcomes()).isEqualTo(Map.of(MailMessages.Outcome.IGNORED, 2));
		assertThat(record(bounce)).containsEntry("outcome", "IGNORED")
			.containsEntry("reason", "退信（投递状态通知），未受理。")
			.containsEntry("set_aside_to", "Yunwei/Failed");
		assertThat(record(reply)).containsEntry("outcome", "IGNORED")
			.containsEntry("reason", "自动回复邮件，未受理。");
		assertThat(mailbox.count("INBOX")).isZero();
		assertThat(mailbox.count("Yunwei/Failed")).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from ticket where subject like ?").param("%" + mailbox.token)
			.query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from notification_outbox where recipient in (?, ?)")
			.params("mailer-daemon@mail.example.gov.cn", "leave@example.org").query(Integer.class).single())
			.isZero();
	}

	private Map<String, Object> ticket(String subject) {
		return jdbc.sql("select * from ticket where subject = ?").param(subject).query().singleRow();
	}

	private Map<String, Object> record(String messageId) {
		return jdbc.sql("select * from ticket_mail_message where message_id = ?").param(messageId).query().singleRow();
	}

	private JsonNode failure(String messageId) {
		var page = api().get("/api/v1/mail-intake/failures?limit=200", world.token(world.lead));
		assertThat(page.status()).isEqualTo(200);
		for (JsonNode item : page.json().get("items")) {
			if (item.get("messageId").asString().equals(messageId)) {
				return item;
			}
		}
		throw new AssertionError("not listed: " + messageId);
	}
}
