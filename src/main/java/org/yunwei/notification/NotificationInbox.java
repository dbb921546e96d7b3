package org.yunwei.notification;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actors;
import org.yunwei.notification.internal.UnreadReading;

/**
 * What other modules may read of the signed-in person's in-app notifications: their own, never another person's.
 */
@Service
public class NotificationInbox {

	/** The most notifications {@link #unread} lists. */
	public static final int MAX_LATEST = 50;

	private final UnreadReading unread;
	private final Actors actors;

	NotificationInbox(UnreadReading unread, Actors actors) {
		this.unread = unread;
		this.actors = actors;
	}

	/**
	 * The signed-in person's unread notifications: the count and the newest {@code latest} of them.
	 *
	 * @param latest 0 to {@link #MAX_LATEST}
	 */
	@Transactional(readOnly = true)
	public UnreadNotifications unread(int latest) {
		if (latest < 0 || latest > MAX_LATEST) {
			throw new IllegalArgumentException("latest must be 0 to " + MAX_LATEST + ", not " + latest);
		}
		return unread.of(actors.current().userId(), latest);
	}
}
