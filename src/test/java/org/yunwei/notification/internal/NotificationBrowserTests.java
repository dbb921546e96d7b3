package org.yunwei.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.notification.internal.NotificationTesting.await;
import static org.yunwei.notification.internal.NotificationTesting.notice;
import static org.yunwei.notification.internal.NotificationTesting.unique;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.yunwei.notification.Notice;
import org.yunwei.support.BrowserTestSupport;
import org.yunwei.support.TestDirectory;

/** An agent sees the bell's count, opens the notifications and marks them read. */
class NotificationBrowserTests extends BrowserTestSupport {

	@Autowired
	private ApplicationEventPublisher events;
	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void agentSeesTheBellCountAndReadsTheNotifications() {
		var testing = new NotificationTesting(jdbc, api(), events, transactionManager);
		String agent = testing.person();
		Notice assigned = notice("ticket.assigned", "[INC-20261122-0012] 已分派给您 " + unique("s"),
				Set.of(testing.id(agent)), Set.of(), null);
		Notice breached = notice("ticket.sla-breached", "[INC-20261122-0013] SLA 超时 " + unique("s"),
				Set.of(testing.id(agent)), Set.of(), null);
		testing.publish(assigned);
		testing.publish(breached);
		await("delivered", () -> testing.notifications(testing.id(agent)) == 2);

		signIn(agent, TestDirectory.PASSWORD, null);
		waitForPath("/");
		assertThat(find("#notification-count").getText()).isEqualTo("2");
		assertThat(find("#notification-bell").getAttribute("hx-trigger")).isEqualTo("every 30s");

		clickAndWaitForTheNextPage("#notification-bell");
		waitForPath("/notifications");
		assertThat(find("#notification-list").getText()).contains(assigned.subject(), breached.subject(), "SLA 超时");

		long assignedId = jdbc.sql("select id from notification where subject = ?").param(assigned.subject())
			.query(Long.class).single();
		clickAndWaitForTheNextPage("#notification-read-" + assignedId);
		assertThat(find("#notification-count").getText()).isEqualTo("1");

		clickAndWaitForTheNextPage("#notification-read-all");
		assertThat(find("#notice").getText()).contains("全部通知标为已读");
		assertThat(browser.findElements(By.id("notification-count"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("[id^='notification-read-']"))).isEmpty();
	}
}
