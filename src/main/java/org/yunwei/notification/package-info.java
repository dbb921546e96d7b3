/**
 * Notifications (通知): in-app messages, e-mail and group-robot webhooks (DingTalk 钉钉, WeCom 企业微信, Feishu 飞书).
 * Other modules publish a {@link org.yunwei.notification.Notice} as an application event in the transaction where
 * the thing happened; this module delivers it after commit through the event publication registry, so that a notice
 * is neither lost when a mail server is down nor sent for a change that rolled back.
 * <p>
 * Depends on {@code identity} for the users' names and e-mail addresses, on {@code audit} to record configuration
 * changes and on {@code web} for refusals and keyset pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "identity", "audit", "web" })
package org.yunwei.notification;
