package org.yunwei.ticket.internal.filter;

import java.time.Instant;

/**
 * A saved filter (保存的筛选) shown as a queue (队列) in the workspace: a name and the list's query string.
 *
 * @param query the query string of {@code /tickets}, e.g. {@code status=open&assignee=me&sort=due}
 * @param shared whether the people of the owner's party see it too
 * @param mine whether the person asking owns it (and may change it)
 */
public record SavedFilter(long id, long userId, String name, String query, boolean shared, boolean mine,
		Instant createdAt, Instant updatedAt) {
}
