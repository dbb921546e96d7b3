package org.yunwei.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.notification.internal.NotificationTesting.await;
import static org.yunwei.notification.internal.NotificationTesting.notice;
import static org.yunwei.notification.internal.NotificationTesting.unique;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.yunwei.notification.Notice;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

/** The notifications page, the bell and the robots page over HTTP with a signed-in session. */
class NotificationPagesIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private ApplicationEventPublisher events;
	@Autowired
	private PlatformTransactionManager transactionManager;

	private NotificationTesting testing;

	@BeforeEach
	void setUp() {
		testing = new NotificationTesting(jdbc, api(), events, transactionManager);
	}

	private WebSession signedIn(String username) {
		WebSession session = new WebSession(port);
		assertThat(session.signIn(username, TestDirectory.PASSWORD, null).status()).isEqualTo(302);
		return session;
	}

	@Test
	void listsMarksReadAndOpensWhatANotificationIsAbout() {
		String agent = testing.person();
		Notice first = notice("ticket.assigned", "[INC-20261122-0011] 已分派给您 " + unique("s"),
				Set.of(testing.id(agent)), Set.of(), null);
		Notice second = new Notice("ticket.customer-replied", "[INC-20261122-0011] 客户回复 " + unique("s"), "已经重启过了",
				"//evil.example.com/phish", Set.of(testing.id(agent)), Set.of(), null);
		testing.publish(first);
		testing.publish(second);
		await("delivered", () -> testing.notifications(testing.id(agent)) == 2);
		long firstId = idOf(first.subject());
		long secondId = idOf(second.subject());

		WebSession session = signedIn(agent);
		var page = session.get("/notifications");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(first.subject(), second.subject(), "工单分派", "客户回复", "未读 2 条",
				"id=\"notification-count\"", "id=\"notification-read-all\"");

		var read = session.post("/notifications/" + firstId + "/read", Map.of());
		assertThat(read.status()).isEqualTo(302);
		assertThat(session.get("/notifications?unread=true").body()).doesNotContain(first.subject())
			.contains(second.subject());
		assertThat(session.htmx("/notifications/bell").body()).contains("id=\"notification-bell\"")
			.contains(">1</span>");

		var opened = session.get("/notifications/" + firstId + "/open");
		assertThat(opened.location()).endsWith("/tickets/42");
		assertThat(session.get("/notifications/" + secondId + "/open").location())
			.as("only a path of this application").endsWith("/notifications");

		String stranger = testing.person();
		WebSession other = signedIn(stranger);
		assertThat(other.get("/notifications/" + firstId + "/open").status()).isEqualTo(404);
		assertThat(other.get("/notifications").body()).contains("id=\"notification-empty\"")
			.doesNotContain("id=\"notification-count\"").doesNotContain(first.subject());
	}

	@Test
	void keepsWhatTheKeeperTypedExceptTheSecretAndShowsTheMistakesBesideTheFields() {
		String keeper = testing.directory.user(testing.managementUnit, testing.directory.role("NOTIFICATION_MANAGE"));
		WebSession session = signedIn(keeper);
		var list = session.get("/admin/notification-robots");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"new-robot\"", "发送队列");
		session.get("/admin/notification-robots/new");
		long before = jdbc.sql("select count(*) from notification_robot").query(Long.class).single();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", unique("值班群"));
		form.put("kind", "DINGTALK");
		form.put("url", "http://oapi.dingtalk.com/robot/send?access_token=x");
		form.put("secret", "SECtyped");
		form.put("topics", "Ticket Assigned");
		form.put("enabled", "true");
		var refused = session.post("/admin/notification-robots", form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"url-error\"", "id=\"topics-error\"", "https", form.get("name"))
			.doesNotContain("SECtyped");
		assertThat(jdbc.sql("select count(*) from notification_robot").query(Long.class).single()).isEqualTo(before);

		form.put("url", "http://127.0.0.1:9/hook?access_token=x");
		form.put("topics", unique("t") + ".\n" + unique("t") + ".sla-breached");
		var saved = session.post("/admin/notification-robots", form);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(session.follow(saved).body()).contains(form.get("name"), "群机器人已保存", "已加签")
			.doesNotContain("SECtyped").doesNotContain("access_token=x");

		String bystander = testing.person();
		assertThat(signedIn(bystander).get("/admin/notification-robots").status()).isEqualTo(403);
	}

	private long idOf(String subject) {
		return jdbc.sql("select id from notification where subject = ?").param(subject).query(Long.class).single();
	}
}
