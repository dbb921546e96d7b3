/**
 * Notifications (通知): in-app messages, e-mail and group-robot webhooks (DingTalk 钉钉, WeCom 企业微信, Feishu 飞书).
 * Other modules publish a {@link org.yunwei.notification.Notice} as an application event in the transaction where
 * the thing happened; this module writes it in that same transaction (a plain, synchronous listener), so that a
 * notice commits with its change or not at all, and nothing is left to deliver after the commit: an in-app
 * notification per enabled recipient, and into an outbox an e-mail per address (the recipients' and the notice's
 * extra ones) and a message per enabled robot whose topics and party match, all in one statement. A scheduled sender
 * (once per cluster) sends the outbox after the commit with retries and a growing wait, keeping the tries and the
 * last error, so that a notice is neither lost when a mail server is down nor sent for a change that rolled back;
 * e-mail waits while no mail server is configured. People read their own notifications at
 * {@code /notifications} and {@code /api/v1/notifications}, with a bell in the top bar; holders of
 * {@code NOTIFICATION_MANAGE} keep the robots and watch the outbox ({@code /admin/notification-robots},
 * {@code /api/v1/notification-robots}, {@code /api/v1/notification-outbox}).
 * <p>
 * It also tells management when the database was unreachable and is back ({@code DatabaseRecoveryNotices}), and
 * records the outage on the audit trail.
 * <p>
 * Depends on {@code identity} for the users' names and e-mail addresses, who is asking and the parties a robot may
 * serve, on {@code audit} to record configuration changes and outages, on {@code web} for refusals and keyset pages,
 * and on {@code database} for the event of a recovered outage.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "identity", "audit", "web", "database" })
package org.yunwei.notification;
