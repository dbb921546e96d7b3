package org.yunwei.ticket.internal.record;

import java.time.Instant;

/**
 * One entry of a ticket's timeline.
 *
 * @param visibleToCustomer public replies, status changes, ratings; internal notes and work logs are not
 * @param details JSON of what changed, or {@code null}
 */
public record TimelineEntry(long id, long ticketId, EntryKind kind, boolean visibleToCustomer, Long authorUserId,
		String authorName, String body, String details, Integer minutesSpent, Instant createdAt) {
}
