package org.yunwei.notification.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actors;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The in-app notifications of the person asking, and only theirs: another person's notification is not found.
 * Marking read is the person's own bookkeeping, not a change of business data, and is not put on the audit trail.
 */
@Service
@PreAuthorize("isAuthenticated()")
class Inbox {

	private final Notifications notifications;
	private final Actors actors;

	Inbox(Notifications notifications, Actors actors) {
		this.notifications = notifications;
		this.actors = actors;
	}

	/** Newest first; only the unread ones when {@code unreadOnly}. */
	public KeysetPage<NotificationView> page(boolean unreadOnly, Paging paging) {
		return KeysetPage.of(
				notifications.page(actors.current().userId(), unreadOnly, paging.beforeId(), paging.limit() + 1),
				paging.limit(), n -> Paging.cursorAfter(n.id()));
	}

	public long unreadCount() {
		return notifications.unreadCount(actors.current().userId());
	}

	@Transactional
	public NotificationView markRead(long id) {
		return notifications.markRead(actors.current().userId(), id)
			.orElseThrow(() -> RejectedRequest.notFound("notification"));
	}

	@Transactional
	public int markAllRead() {
		return notifications.markAllRead(actors.current().userId());
	}
}
