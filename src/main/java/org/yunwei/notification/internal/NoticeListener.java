package org.yunwei.notification.internal;

import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yunwei.notification.Notice;

/**
 * Writes each {@link Notice} as it is published, in the publisher's transaction: the in-app notifications and the
 * outbox rows commit with the change they tell of, or roll back with it. Nothing is owed after the commit (sending
 * the e-mail and robot messages is the outbox's work), so the notice needs no publication in the event registry, no
 * transaction of its own and no redelivery. A notice published outside a transaction is written in one of its own.
 */
@Component
class NoticeListener {

	private final NoticeFanOut fanOut;

	NoticeListener(NoticeFanOut fanOut) {
		this.fanOut = fanOut;
	}

	@EventListener
	void on(Notice notice) {
		fanOut.write(UUID.randomUUID(), notice);
	}
}
