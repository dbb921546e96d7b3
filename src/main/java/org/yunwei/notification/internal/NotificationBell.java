package org.yunwei.notification.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yunwei.identity.Actors;

/**
 * What the bell in the top bar of every page shows ({@code ${@notificationBell...}} in
 * {@code notification/bell.html}): the signed-in person's unread count, and how long the page may go on refreshing
 * it while the person does nothing. Every refresh renews the session, so the page stops refreshing after two minutes
 * without a key press, click or scroll (a third of a shorter session timeout): an idle session then ends at most
 * that much later than it would without the bell.
 */
@Component("notificationBell")
class NotificationBell {

	private final Notifications notifications;
	private final Actors actors;
	private final long idleLimitSeconds;

	NotificationBell(Notifications notifications, Actors actors,
			@Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
		this.notifications = notifications;
		this.actors = actors;
		this.idleLimitSeconds = Math.max(30, Math.min(120, sessionTimeout.toSeconds() / 3));
	}

	/** The unread count of the signed-in person; 0 when nobody is signed in. */
	public long unread() {
		return actors.find().map(actor -> notifications.unreadCount(actor.userId())).orElse(0L);
	}

	/** The badge text: the count, or 99+ for more. */
	public String badge(long unread) {
		return unread > 99 ? "99+" : String.valueOf(unread);
	}

	public long idleLimitSeconds() {
		return idleLimitSeconds;
	}
}
