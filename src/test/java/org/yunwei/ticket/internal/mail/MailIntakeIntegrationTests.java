package org.yunwei.ticket.internal.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.ticket.TicketOpened;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.TicketFixtures;
import org.yunwei.ticket.internal.record.TicketSettings;

import tools.jackson.databind.JsonNode;

/**
 * The e-mail intake against an in-process IMAP server (GreenMail): each test has a mailbox of its own, delivers raw
 * messages into it as mail programs write them, and polls with explicit settings, so the shared application context
 * needs no mail configuration.
 */
@EnableScenarios
class MailIntakeIntegrationTests extends IntegrationTestSupport {

	static GreenMail server;

	@Autowired
	MailIntake intake;

	@Autowired
	MailFiling filing;

	@Autowired
	TicketSettings ticketSettings;

	ApiClient api;
	TicketFixtures world;
	GreenMailUser mailbox;
	MailboxSettings settings;

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
		api = new ApiClient(port);
		world = new TicketFixtures(jdbc, api);
		String login = TestDirectory.unique("desk");
		mailbox = server.setUser(login + "@yunwei.test", login, "secret");
		settings = settings(Map.of());
	}

	MailboxSettings settings(Map<String, Long> senderDomains) {
		// GreenMail's IMAP offers no STARTTLS: plain is allowed here explicitly (MailTransportIntegrationTests)
		return MailboxSettings.of("127.0.0.1", server.getImap().getPort(), "imap", mailbox.getLogin(), "secret",
				world.bureau, world.service, world.firstLine).withSenderDomains(senderDomains).withTransport(true, null);
	}

	@Test
	void aMailFromAStrangerOpensATicketForTheDefaultUnitInGb2312QuotedPrintable() throws Exception {
		String subject = "三楼打印机无法打印 " + TestDirectory.unique("");
		String id = deliver("""
				From: %s <zhang.san@example.org>
				To: desk@yunwei.test
				Subject: %s
				Message-ID: %s
				MIME-Version: 1.0
				Content-Type: text/plain; charset="gb2312"
				Content-Transfer-Encoding: quoted-printable

				%s""".formatted(word("张三", "GB2312", "B"), word(subject, "GB2312", "Q"), messageId(),
				quotedPrintable("办公室三楼的打印机显示脱机，重启无效。\n\n张三\n电话 12345678", "GB2312")));

		MailIntake.Poll poll = intake.poll(settings);

		assertThat(poll.count(MailMessages.Outcome.CREATED)).isEqualTo(1);
		Map<String, Object> ticket = ticketBySubject(subject);
		assertThat(ticket.get("channel")).isEqualTo("EMAIL");
		assertThat(ticket.get("status")).isEqualTo("ASSIGNED");
		assertThat(ticket.get("description")).isEqualTo("办公室三楼的打印机显示脱机，重启无效。\n\n张三\n电话 12345678");
		assertThat(ticket.get("reporter_name")).isEqualTo("张三");
		assertThat(ticket.get("reporter_contact")).isEqualTo("zhang.san@example.org");
		assertThat(ticket.get("reporter_user_id")).isNull();
		assertThat(ticket.get("customer_org_unit_id")).isEqualTo(world.bureau);
		assertThat(ticket.get("service_id")).isEqualTo(world.service);
		assertThat(ticket.get("group_id")).isEqualTo(world.firstLine);
		assertThat((String) ticket.get("number")).matches("INC-\\d{8}-\\d{4,}");
		assertThat(outcome(id)).isEqualTo("CREATED");
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'TICKET_CREATED' and object_id = ?")
			.param(ticket.get("id").toString()).query(Integer.class).single()).isEqualTo(1);
		assertThat(unseen()).isZero();
	}

	@Test
	void aMailThatOpensATicketPublishesTicketOpened(Scenario scenario) throws Exception {
		String subject = "会议室投影仪无信号 " + TestDirectory.unique("");
		deliver(plain("王五 <wang.wu@example.org>", subject, messageId(), "会议室投影仪无信号，换线无效。"));

		// no transaction around the poll: it files each message in a transaction of its own
		scenario.stimulate(transactions -> poll())
			.andWaitForEventOfType(TicketOpened.class)
			.toArriveAndVerify((event, poll) -> {
				assertThat(poll.count(MailMessages.Outcome.CREATED)).isEqualTo(1);
				Map<String, Object> ticket = ticketBySubject(subject);
				assertThat(event.ticketId()).isEqualTo(((Number) ticket.get("id")).longValue());
				assertThat(event.number()).isEqualTo(ticket.get("number"));
				assertThat(event.type()).isEqualTo(TicketType.INCIDENT);
				assertThat(event.customerOrgUnitId()).isEqualTo(world.bureau);
				assertThat(event.serviceId()).isEqualTo(world.service);
			});
	}

	@Test
	void aKnownUsersHtmlMailInUtf8ReportsForTheirOwnUnitWithoutTheQuotedText() throws Exception {
		setEmail(world.departmentUser, "li.si@dept.example.cn");
		String subject = "回复：VPN 无法连接 " + TestDirectory.unique("");
		String html = "<html><body><div>VPN&nbsp;客户端提示<b>证书过期</b>。</div><div>请协助处理</div>"
				+ "<blockquote type=\"cite\">之前的邮件内容</blockquote></body></html>";
		deliver("""
				From: Li Si <Li.Si@dept.example.cn>
				Subject: %s
				Message-ID: %s
				MIME-Version: 1.0
				Content-Type: multipart/alternative; boundary="b1"

				--b1
				Content-Type: text/html; charset=UTF-8
				Content-Transfer-Encoding: base64

				%s
				--b1--
				""".formatted(word(subject, "UTF-8", "B"), messageId(), base64(html, StandardCharsets.UTF_8)));

		intake.poll(settings);

		Map<String, Object> ticket = ticketBySubject(subject.substring("回复：".length()));
		assertThat(ticket.get("reporter_user_id")).isEqualTo(world.userId(world.departmentUser));
		assertThat(ticket.get("customer_org_unit_id")).isEqualTo(world.department);
		assertThat(ticket.get("description")).isEqualTo("VPN 客户端提示证书过期。\n请协助处理");
		// the audit trail names the user whose mail it was, though nobody was signed in
		assertThat(jdbc.sql("select actor from audit_record where action = 'TICKET_CREATED' and object_id = ?")
			.param(ticket.get("id").toString()).query(String.class).single()).contains(world.departmentUser);
	}

	@Test
	void aStrangerOfAMappedDomainReportsForThatUnit() throws Exception {
		settings = settings(Map.of("Dept.Example.cn", world.department));
		String subject = "会议室投影仪故障 " + TestDirectory.unique("");
		deliver(plain("wang@mail.dept.example.cn", subject, messageId(), "投影仪无信号。"));

		intake.poll(settings);

		assertThat(ticketBySubject(subject).get("customer_org_unit_id")).isEqualTo(world.department);
	}

	@Test
	void theReportersReplyWithTheNumberThreadsInAsAPublicReplyAndResumesThePendingTicket() throws Exception {
		setEmail(world.bureauUser, "reporter@bureau.example.cn");
		JsonNode created = world.submitted("打印机卡纸 " + TestDirectory.unique(""));
		long id = created.get("ticket").get("id").asLong();
		String number = created.get("ticket").get("number").asString();
		String agent = world.token(world.agent);
		api.post("/api/v1/tickets/" + id + "/assign", agent,
				Map.of("groupId", world.firstLine, "assigneeUserId", world.userId(world.agent)));
		api.post("/api/v1/tickets/" + id + "/start", agent, Map.of());
		api.post("/api/v1/tickets/" + id + "/pend", agent, Map.of("reason", "CUSTOMER", "comment", "请提供打印机型号"));

		deliver(plain("Reporter@Bureau.example.cn", "回复：[" + number + "] 工单等待您的回复: 打印机卡纸", messageId(),
				"型号是 HP M404。\n\n在 2026年11月22日 周日 10:00，服务台 写道：\n> 请提供打印机型号"));
		MailIntake.Poll poll = intake.poll(settings);

		assertThat(poll.count(MailMessages.Outcome.REPLY)).isEqualTo(1);
		JsonNode ticket = api.get("/api/v1/tickets/" + id, world.token(world.bureauUser)).json();
		assertThat(ticket.get("ticket").get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(ticket.get("resolution").get("status").asString()).isEqualTo("RUNNING");
		Map<String, Object> reply = lastEntry(id, "REPLY");
		assertThat(reply.get("body")).isEqualTo("型号是 HP M404。");
		assertThat(reply.get("public")).isEqualTo(true);
		assertThat(reply.get("author_user_id")).isEqualTo(world.userId(world.bureauUser));
		assertThat(jdbc.sql("select count(*) from ticket where subject like '%工单等待您的回复%'").query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aReplyNamingTheFirstMailThreadsInWithoutTheNumber() throws Exception {
		String subject = "邮箱无法登录 " + TestDirectory.unique("");
		String first = messageId();
		deliver(plain("zhao@example.org", subject, first, "登录提示密码错误。"));
		intake.poll(settings);
		long id = ((Number) ticketBySubject(subject).get("id")).longValue();

		deliver(plain("zhao@example.org", "Re: " + subject, messageId(), "已经可以登录了，谢谢。",
				"In-Reply-To: " + first, "References: " + first));
		intake.poll(settings);

		assertThat(lastEntry(id, "REPLY").get("body")).isEqualTo("已经可以登录了，谢谢。");
		assertThat(jdbc.sql("select count(*) from ticket where subject = ?").param(subject).query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aReplyFromAStrangerBecomesAnInternalNoteAndLeavesTheTicketAsItWas() throws Exception {
		JsonNode created = world.submitted("网络中断 " + TestDirectory.unique(""));
		long id = created.get("ticket").get("id").asLong();
		String number = created.get("ticket").get("number").asString();

		deliver(plain("nosy@elsewhere.example.com", "Re: [" + number + "] 网络中断", messageId(), "我们这里也断网了。"));
		MailIntake.Poll poll = intake.poll(settings);

		assertThat(poll.count(MailMessages.Outcome.NOTE)).isEqualTo(1);
		Map<String, Object> note = lastEntry(id, "NOTE");
		assertThat(note.get("public")).isEqualTo(false);
		assertThat((String) note.get("body")).contains("nosy@elsewhere.example.com").contains("我们这里也断网了。");
		assertThat(jdbc.sql("select count(*) from ticket_entry where ticket_id = ? and kind = 'REPLY'").param(id)
			.query(Integer.class).single()).isZero();
		JsonNode seenByCustomer = api.get("/api/v1/tickets/" + id, world.token(world.bureauUser)).json();
		assertThat(seenByCustomer.toString()).doesNotContain("我们这里也断网了");
		assertThat(seenByCustomer.get("ticket").get("status").asString()).isEqualTo("NEW");
	}

	@Test
	void theSameMessageTwiceAndAgainAfterACrashBeforeMarkingOpensOneTicket() throws Exception {
		String subject = "服务器宕机 " + TestDirectory.unique("");
		String id = messageId();
		deliver(plain("ops@example.org", subject, id, "数据库服务器无响应。"));
		deliver(plain("ops@example.org", subject, id, "数据库服务器无响应。"));

		MailIntake.Poll first = intake.poll(settings);
		assertThat(first.count(MailMessages.Outcome.CREATED)).isEqualTo(1);
		assertThat(first.before()).isEqualTo(1);

		// as if the application died after the commit and before marking: the messages are unseen again
		markAllUnseen();
		MailIntake.Poll again = intake.poll(settings);

		assertThat(again.outcomes()).isEmpty();
		assertThat(again.before()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from ticket where subject = ?").param(subject).query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(unseen()).isZero();
	}

	@Test
	void anOversizedAttachmentIsSkippedWithAnInternalNoteWhileASmallOneIsKept() throws Exception {
		String subject = "附件测试 " + TestDirectory.unique("");
		byte[] big = new byte[(int) (ticketSettings.attachmentMaxBytes() + 1)];
		deliver("""
				From: sun@example.org
				Subject: %s
				Message-ID: %s
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="b2"

				--b2
				Content-Type: text/plain; charset=UTF-8

				截图和日志见附件。
				--b2
				Content-Type: image/png
				Content-Disposition: attachment; filename="%s"
				Content-Transfer-Encoding: base64

				%s
				--b2
				Content-Type: application/octet-stream
				Content-Disposition: attachment; filename="dump.log"
				Content-Transfer-Encoding: base64

				%s
				--b2
				Content-Type: application/x-msdownload
				Content-Disposition: attachment; filename="setup.exe"
				Content-Transfer-Encoding: base64

				AAAA
				--b2--
				""".formatted(word(subject, "UTF-8", "B"), messageId(), word("截图.png", "UTF-8", "B"),
				Base64.getMimeEncoder().encodeToString("png".getBytes(StandardCharsets.US_ASCII)),
				Base64.getMimeEncoder().encodeToString(big)));

		intake.poll(settings);

		long id = ((Number) ticketBySubject(subject).get("id")).longValue();
		assertThat(jdbc.sql("select filename from ticket_attachment where ticket_id = ?").param(id)
			.query(String.class).list()).containsExactly("截图.png");
		assertThat(jdbc.sql("select content from ticket_attachment where ticket_id = ?").param(id)
			.query(byte[].class).single()).isEqualTo("png".getBytes(StandardCharsets.US_ASCII));
		Map<String, Object> note = lastEntry(id, "NOTE");
		assertThat(note.get("public")).isEqualTo(false);
		assertThat((String) note.get("body")).contains("dump.log").contains("10 MB").contains("setup.exe");
	}

	@Test
	void aMessageThatCannotBeReadIsRecordedAsFailedOnceAndShownToAdministrators() throws Exception {
		String id = deliver("""
				From: bad@example.org
				Subject: broken %s
				Message-ID: %s
				MIME-Version: 1.0
				Content-Type: text/plain; charset="x-no-such-charset"

				????""".formatted(TestDirectory.unique(""), messageId()));

		assertThat(intake.poll(settings).count(MailMessages.Outcome.FAILED)).isEqualTo(1);
		markAllUnseen();
		assertThat(intake.poll(settings).outcomes()).isEmpty();

		assertThat(outcome(id)).isEqualTo("FAILED");
		var page = api.get("/api/v1/mail-intake/failures?limit=200", world.token(world.lead));
		assertThat(page.status()).isEqualTo(200);
		JsonNode failure = null;
		for (JsonNode item : page.json().get("items")) {
			if (item.get("messageId").asString().equals(id)) {
				failure = item;
			}
		}
		assertThat(failure).isNotNull();
		assertThat(failure.get("reason").asString()).contains("x-no-such-charset");
		assertThat(failure.get("sender").asString()).isEqualTo("bad@example.org");
		assertThat(api.get("/api/v1/mail-intake/failures", world.token(world.agent)).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/mail-intake/failures?limit=0", world.token(world.lead)).json().get("errors")
			.has("limit")).isTrue();
	}

	@Test
	void aFilingTheServiceDeskRefusesLeavesNeitherTicketNorRecord() {
		jdbc.sql("update ticket_group set enabled = false where id = ?").param(world.secondLine).update();
		MailboxSettings toDisabledGroup = MailboxSettings.of("127.0.0.1", 143, "imap", "desk", "secret", world.bureau,
				world.service, world.secondLine);
		String id = messageId();
		String subject = "被拒绝 " + TestDirectory.unique("");
		MailInbound mail = new MailInbound(id, List.of(), "x@example.org", null, subject, "正文", List.of(),
				MailAutomatic.NONE, false, List.of());

		assertThatThrownBy(() -> filing.file(mail, toDisabledGroup, null))
			.isInstanceOf(org.yunwei.web.RejectedRequest.class);

		assertThat(jdbc.sql("select count(*) from ticket_mail_message where message_id = ?").param(id)
			.query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from ticket where subject = ?").param(subject).query(Integer.class)
			.single()).isZero();
	}

	@Test
	void settingsWithoutAValidCustomerUnitReadNothing() throws Exception {
		deliver(plain("x@example.org", "不应读取", messageId(), "正文"));
		MailboxSettings invalid = MailboxSettings.of("127.0.0.1", server.getImap().getPort(), "imap",
				mailbox.getLogin(), "secret", world.providerUnit, null, null).withTransport(true, null);

		assertThatThrownBy(() -> intake.poll(invalid)).isInstanceOf(IllegalStateException.class);
		assertThat(unseen()).isEqualTo(1);
		assertThat(invalid.toString()).doesNotContain("secret");
	}

	private MailIntake.Poll poll() {
		try {
			return intake.poll(settings);
		}
		catch (MessagingException failure) {
			throw new IllegalStateException(failure);
		}
	}

	private String deliver(String raw) throws MessagingException {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII)));
		mailbox.deliver(message);
		return message.getMessageID();
	}

	private static String plain(String from, String subject, String messageId, String body, String... headers)
			throws IOException {
		return "From: " + from + "\nSubject: " + word(subject, "UTF-8", "B") + "\nMessage-ID: " + messageId + "\n"
				+ String.join("", List.of(headers).stream().map(h -> h + "\n").toList())
				+ "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
				+ base64(body, StandardCharsets.UTF_8);
	}

	private static String messageId() {
		return "<" + UUID.randomUUID() + "@mail.example.org>";
	}

	private static String word(String text, String charset, String encoding) throws IOException {
		return MimeUtility.encodeText(text, charset, encoding);
	}

	private static String base64(String text, Charset charset) {
		return Base64.getMimeEncoder().encodeToString(text.getBytes(charset));
	}

	private static String quotedPrintable(String text, String charset) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (OutputStream out = MimeUtility.encode(bytes, "quoted-printable")) {
			out.write(text.replace("\n", "\r\n").getBytes(Charset.forName(charset)));
		}
		return bytes.toString(StandardCharsets.US_ASCII).replace("\r\n", "\n");
	}

	private void setEmail(String username, String email) {
		jdbc.sql("update app_user set email = ? where username = ?").params(email, username).update();
	}

	private Map<String, Object> ticketBySubject(String subject) {
		return jdbc.sql("select * from ticket where subject = ?").param(subject).query().singleRow();
	}

	private Map<String, Object> lastEntry(long ticketId, String kind) {
		return jdbc.sql("select * from ticket_entry where ticket_id = ? and kind = ? order by id desc limit 1")
			.params(ticketId, kind)
			.query()
			.singleRow();
	}

	private String outcome(String messageId) {
		return jdbc.sql("select outcome from ticket_mail_message where message_id = ?").param(messageId)
			.query(String.class).single();
	}

	private int unseen() throws MessagingException {
		try (Store store = client()) {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_ONLY);
			int unseen = inbox.getUnreadMessageCount();
			inbox.close(false);
			return unseen;
		}
	}

	private void markAllUnseen() throws MessagingException {
		try (Store store = client()) {
			Folder inbox = store.getFolder("INBOX");
			inbox.open(Folder.READ_WRITE);
			for (Message message : inbox.getMessages()) {
				message.setFlags(new Flags(Flags.Flag.SEEN), false);
			}
			inbox.close(false);
		}
	}

	private Store client() throws MessagingException {
		Store store = Session.getInstance(new Properties()).getStore("imap");
		store.connect("127.0.0.1", server.getImap().getPort(), mailbox.getLogin(), "secret");
		return store;
	}
}
