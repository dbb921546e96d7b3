package org.yunwei.notification.internal;

import org.springframework.stereotype.Component;
import org.yunwei.notification.UnreadNotifications;

/**
 * What {@link org.yunwei.notification.NotificationInbox} delegates to. Public only so that the module's API package
 * can reach it; no other module may (Modulith's verification refuses).
 */
@Component
public class UnreadReading {

	private final Notifications notifications;

	UnreadReading(Notifications notifications) {
		this.notifications = notifications;
	}

	/** The user's unread count and newest unread ones, on the partial index of unread notifications. */
	public UnreadNotifications of(long userId, int latest) {
		var items = latest == 0 ? java.util.List.<UnreadNotifications.Item>of()
				: notifications.page(userId, true, null, latest).stream()
					.map(n -> new UnreadNotifications.Item(n.id(), n.topic(), n.subject(), n.link(), n.createdAt()))
					.toList();
		return new UnreadNotifications(notifications.unreadCount(userId), items);
	}
}
