package org.yunwei.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.notification.internal.NotificationTesting.await;
import static org.yunwei.notification.internal.NotificationTesting.notice;
import static org.yunwei.notification.internal.NotificationTesting.unique;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.yunwei.notification.Notice;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.WebSession;
import org.yunwei.support.TestDirectory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox is sent: e-mail to an in-process SMTP server (GreenMail), robot messages to an in-process HTTP server
 * that checks their signatures; failures are tried again with their last error kept, and an administrator retries
 * what was given up.
 */
class OutboxSenderIntegrationTests extends IntegrationTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String SECRET = "SECfeedface0123";

	private static GreenMail smtp;
	private static RobotServer robotServer;

	@Autowired
	private ApplicationEventPublisher events;
	@Autowired
	private PlatformTransactionManager transactionManager;
	@Autowired
	private MailGateway mail;
	@Autowired
	private OutboxSender sender;
	@Autowired
	private Robots robots;

	private NotificationTesting testing;
	private String keeper;

	@BeforeAll
	static void startServers() {
		smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		robotServer = new RobotServer();
	}

	@AfterAll
	static void stopServers() {
		smtp.stop();
		robotServer.close();
	}

	@BeforeEach
	void setUp() {
		testing = new NotificationTesting(jdbc, api(), events, transactionManager);
		keeper = testing.tokenWith(testing.managementUnit, "NOTIFICATION_MANAGE");
		useSmtp();
	}

	@AfterEach
	void noMailServer() {
		mail.use(null);
	}

	private void useSmtp() {
		JavaMailSenderImpl greenMail = new JavaMailSenderImpl();
		greenMail.setHost("127.0.0.1");
		greenMail.setPort(smtp.getSmtp().getPort());
		greenMail.setDefaultEncoding("UTF-8");
		mail.use(greenMail);
	}

	private String status(String channel, String subject) {
		List<String> statuses = jdbc.sql("select distinct status from notification_outbox where channel = ? and subject = ?")
			.params(channel, subject)
			.query(String.class)
			.list();
		return statuses.size() == 1 ? statuses.getFirst() : statuses.toString();
	}

	/** Sends until every row of the subject is in the status (another node, the background job, may send too). */
	private void sendUntil(String channel, String subject, String wanted) {
		await(channel + " " + subject + " " + wanted, () -> {
			sender.sendDue();
			return status(channel, subject).equals(wanted);
		});
	}

	private List<MimeMessage> mailTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
					.anyMatch(a -> a.toString().equalsIgnoreCase(address));
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private long robot(String name, RobotKind kind, String url, String secret) {
		return robots.insert(name, kind, url, secret, List.of("ticket."), testing.providerParty, true);
	}

	@Test
	void emailsTheSubjectAsGivenWithTheBodyAndTheAbsoluteLink() throws Exception {
		String agent = testing.person();
		String reporter = unique("reporter") + "@example.org";
		Notice notice = notice("ticket.resolved", "[INC-20261122-0007] 工单已解决 " + unique("s"),
				Set.of(testing.id(agent)), Set.of(reporter), null);
		testing.publish(notice);
		await("e-mail is queued", () -> testing.outbox("EMAIL", notice.subject()) == 2);

		sendUntil("EMAIL", notice.subject(), "SENT");
		await("both arrive", () -> mailTo(reporter).size() == 1 && mailTo(NotificationTesting.address(agent)).size() == 1);
		MimeMessage message = mailTo(reporter).getFirst();
		assertThat(message.getSubject()).isEqualTo(notice.subject());
		assertThat(message.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
		String body = GreenMailUtil.getBody(message);
		assertThat(message.getContent().toString()).contains("工单内容：打印机无法打印", "请尽快处理。",
				"http://localhost:8080/tickets/42");
		assertThat(body).isNotBlank();
		assertThat(jdbc.sql("select count(*) from notification_outbox where subject = ? and sent_at is not null and attempts = 1")
			.param(notice.subject()).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void holdsEmailWhileNoMailServerIsConfiguredAndSendsItOnceOneIs() {
		mail.use(null);
		String agent = testing.person();
		Notice notice = notice("ticket.sla-warning", "[INC-20261122-0008] SLA 预警 " + unique("s"),
				Set.of(testing.id(agent)), Set.of(), null);
		testing.publish(notice);
		await("e-mail is queued", () -> testing.outbox("EMAIL", notice.subject()) == 1);
		sendUntil("EMAIL", notice.subject(), "HELD");
		assertThat(jdbc.sql("select attempts from notification_outbox where subject = ?").param(notice.subject())
			.query(Integer.class).single()).as("waiting is no failed try").isZero();

		var summary = api().get("/api/v1/notification-outbox/summary", keeper).json();
		assertThat(summary.get("mailConfigured").asBoolean()).isFalse();
		assertThat(summary.get("counts").get("HELD").asLong()).isPositive();
		String username = testing.directory.user(testing.managementUnit, testing.directory.role("NOTIFICATION_MANAGE"));
		var page = new WebSession(port);
		page.signIn(username, TestDirectory.PASSWORD, null);
		String html = page.get("/admin/notification-robots").body();
		assertThat(html).contains("id=\"mail-not-configured\"", "未配置邮件服务器");

		useSmtp();
		sendUntil("EMAIL", notice.subject(), "SENT");
		await("it arrives", () -> mailTo(NotificationTesting.address(agent)).size() == 1);
		assertThat(page.get("/admin/notification-robots").body()).doesNotContain("id=\"mail-not-configured\"");
	}

	@Test
	void postsToEachKindOfRobotWithAValidSignature() throws Exception {
		String tag = unique("r");
		long dingTalk = robot(unique("钉钉"), RobotKind.DINGTALK, robotServer.url("/" + tag + "-ding?access_token=abc"), SECRET);
		long feishu = robot(unique("飞书"), RobotKind.FEISHU, robotServer.url("/" + tag + "-feishu"), SECRET);
		long weCom = robot(unique("企微"), RobotKind.WECOM, robotServer.url("/" + tag + "-wecom?key=k"), null);
		try {
			Notice notice = notice("ticket.escalated", "[INC-20261122-0009] 工单升级 " + unique("s"), Set.of(), Set.of(),
					testing.providerParty);
			testing.publish(notice);
			await("robot messages are queued", () -> testing.outbox("ROBOT", notice.subject()) == 3);
			sendUntil("ROBOT", notice.subject(), "SENT");

			var ding = robotServer.at("/" + tag + "-ding").getFirst();
			Map<String, String> query = query(ding.query());
			assertThat(query.get("access_token")).isEqualTo("abc");
			assertThat(query.get("sign")).isEqualTo(base64(hmac(SECRET.getBytes(StandardCharsets.UTF_8),
					(query.get("timestamp") + "\n" + SECRET).getBytes(StandardCharsets.UTF_8))));
			assertThat(Math.abs(Long.parseLong(query.get("timestamp")) - System.currentTimeMillis())).isLessThan(60_000);
			JsonNode dingBody = JSON.readTree(ding.body());
			assertThat(dingBody.get("msgtype").asString()).isEqualTo("text");
			assertThat(dingBody.get("text").get("content").asString()).startsWith(notice.subject())
				.contains("请尽快处理。").endsWith("http://localhost:8080/tickets/42");
			assertThat(ding.contentType()).startsWith("application/json");

			JsonNode feishuBody = JSON.readTree(robotServer.at("/" + tag + "-feishu").getFirst().body());
			String timestamp = feishuBody.get("timestamp").asString();
			assertThat(feishuBody.get("sign").asString()).isEqualTo(base64(hmac(
					(timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8), new byte[0])));
			assertThat(feishuBody.get("msg_type").asString()).isEqualTo("text");
			assertThat(feishuBody.get("content").get("text").asString()).startsWith(notice.subject());

			var wecom = robotServer.at("/" + tag + "-wecom").getFirst();
			assertThat(wecom.query()).isEqualTo("key=k");
			assertThat(JSON.readTree(wecom.body()).get("text").get("content").asString()).startsWith(notice.subject());
		}
		finally {
			List.of(dingTalk, feishu, weCom).forEach(robots::delete);
		}
	}

	@Test
	void triesAFailedMessageAgainLaterKeepsTheLastErrorAndLetsAnAdministratorRetryWhatWasGivenUp() {
		String path = "/" + unique("r") + "-refusing";
		long refusing = robot(unique("拒收"), RobotKind.DINGTALK, robotServer.url(path + "?access_token=s3cr3tT0ken"),
				SECRET);
		robotServer.reply(path, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
		try {
			Notice notice = notice("ticket.sla-breached", "[INC-20261122-0010] SLA 超时 " + unique("s"), Set.of(),
					Set.of(), testing.providerParty);
			testing.publish(notice);
			await("queued", () -> testing.outbox("ROBOT", notice.subject()) == 1);
			await("tried once", () -> {
				sender.sendDue();
				return row(notice.subject()).get("attempts").asInt() == 1;
			});
			JsonNode tried = row(notice.subject());
			assertThat(tried.get("status").asString()).isEqualTo("PENDING");
			assertThat(tried.get("last_error").asString()).contains("310000", "sign not match");
			assertThat(tried.get("waits").asBoolean()).as("the next try waits").isTrue();
			sender.sendDue();
			assertThat(row(notice.subject()).get("attempts").asInt()).as("not before its time").isEqualTo(1);

			// the last try fails too: given up
			long id = tried.get("id").asLong();
			jdbc.sql("update notification_outbox set attempts = 9, next_attempt_at = now() where id = ?").param(id)
				.update();
			await("given up", () -> {
				sender.sendDue();
				return row(notice.subject()).get("status").asString().equals("FAILED");
			});
			var failed = api().get("/api/v1/notification-outbox?status=FAILED&limit=200", keeper).json().get("items");
			JsonNode listed = failed.findParents("id").stream().filter(n -> n.get("id").asLong() == id).findFirst()
				.orElseThrow();
			assertThat(listed.get("attempts").asInt()).isEqualTo(10);
			assertThat(listed.get("lastError").asString()).contains("310000").doesNotContain("s3cr3tT0ken");
			assertThat(listed.get("recipient").asString()).startsWith("拒收");

			robotServer.reply(path, RobotServer.ACCEPTED);
			var retried = api().post("/api/v1/notification-outbox/" + id + "/retry", keeper, null);
			assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
			assertThat(retried.json().get("status").asString()).isEqualTo("PENDING");
			assertThat(testing.auditCount("NOTIFICATION_OUTBOX_RETRY", id)).isEqualTo(1);
			sendUntil("ROBOT", notice.subject(), "SENT");
			assertThat(row(notice.subject()).get("last_error").isNull()).isTrue();
			assertThat(api().post("/api/v1/notification-outbox/" + id + "/retry", keeper, null).status())
				.as("a sent message is not sent again").isEqualTo(422);
		}
		finally {
			robots.delete(refusing);
		}
	}

	@Test
	void sendsATestMessageOnRequestAndTellsWhyItFailed() {
		String path = "/" + unique("r") + "-test";
		var created = api().post("/api/v1/notification-robots", keeper, map("name", unique("测试群"), "kind", "FEISHU",
				"url", robotServer.url(path), "secret", SECRET, "topics", List.of(unique("t") + "."),
				"partyId", testing.providerParty));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();

		var delivered = api().post("/api/v1/notification-robots/" + id + "/test", keeper, null);
		assertThat(delivered.json().get("delivered").asBoolean()).isTrue();
		assertThat(JSON.readTree(robotServer.at(path).getFirst().body()).get("content").get("text").asString())
			.contains("测试消息");

		robotServer.reply(path, "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour\"}");
		var refused = api().post("/api/v1/notification-robots/" + id + "/test", keeper, null).json();
		assertThat(refused.get("delivered").asBoolean()).isFalse();
		assertThat(refused.get("error").asString()).contains("19021");

		var unreachable = api().put("/api/v1/notification-robots/" + id, keeper, map("name", created.json()
			.get("name").asString(), "kind", "FEISHU", "url", "http://127.0.0.1:9/closed-hook-T0ken",
				"topics", List.of(unique("t") + "."), "partyId", testing.providerParty));
		assertThat(unreachable.status()).isEqualTo(200);
		var closed = api().post("/api/v1/notification-robots/" + id + "/test", keeper, null).json();
		assertThat(closed.get("delivered").asBoolean()).isFalse();
		assertThat(closed.get("error").asString()).contains("Connect").doesNotContain("closed-hook-T0ken");
		assertThat(jdbc.sql("""
				select count(*) from audit_record where action = 'NOTIFICATION_ROBOT_TEST' and object_id = ?
				and outcome = 'FAILURE'""").param(String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
		api().delete("/api/v1/notification-robots/" + id, keeper);
	}

	private JsonNode row(String subject) {
		return jdbc.sql("""
				select json_build_object('id', id, 'status', status, 'attempts', attempts, 'last_error', last_error,
				       'waits', next_attempt_at > now())::text
				from notification_outbox where subject = ?""")
			.param(subject)
			.query((rs, n) -> JSON.readTree(rs.getString(1)))
			.single();
	}

	private static Map<String, String> query(String rawQuery) {
		return Arrays.stream(rawQuery.split("&"))
			.map(pair -> pair.split("=", 2))
			.collect(java.util.stream.Collectors.toMap(p -> p[0],
					p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
	}

	private static byte[] hmac(byte[] key, byte[] message) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(message);
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}
}
