package org.yunwei.notification;

import java.time.Instant;
import java.util.List;

/**
 * A person's unread in-app notifications: how many, and the latest few.
 *
 * @param count all unread ones
 * @param latest the newest first, at most as many as asked for
 */
public record UnreadNotifications(long count, List<Item> latest) {

	public UnreadNotifications {
		latest = List.copyOf(latest);
	}

	/**
	 * One unread notification.
	 *
	 * @param link the path that shows what happened, e.g. {@code /tickets/42}; {@code null} for none
	 */
	public record Item(long id, String topic, String subject, String link, Instant createdAt) {
	}
}
