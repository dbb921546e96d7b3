package org.yunwei.ticket.internal;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The {@code ticket_entry} table: everything that happened to a ticket, in order. */
@Repository
public class Timeline {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	Timeline(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Appends an entry.
	 *
	 * @param details a map or record serialised to JSON, or {@code null}
	 */
	public long append(long ticketId, EntryKind kind, boolean visibleToCustomer, Long authorUserId, String authorName,
			String body, Object details, Integer minutesSpent) {
		return add(ticketId, kind, visibleToCustomer, authorUserId, authorName, body, details, minutesSpent).id();
	}

	/** {@link #append}, answering the entry as stored (as {@link #of} would read it back). */
	TimelineEntry add(long ticketId, EntryKind kind, boolean visibleToCustomer, Long authorUserId, String authorName,
			String body, Object details, Integer minutesSpent) {
		String json = details == null ? null : JSON.writeValueAsString(details);
		return jdbc.sql("""
				insert into ticket_entry (ticket_id, kind, public, author_user_id, author_name, body, details,
				  minutes_spent) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?) returning id, details::text, created_at""")
			.params(ticketId, kind.name(), visibleToCustomer, authorUserId, authorName, body, json, minutesSpent)
			.query((rs, n) -> new TimelineEntry(rs.getLong("id"), ticketId, kind, visibleToCustomer, authorUserId,
					authorName, body, rs.getString("details"), minutesSpent, TicketRecords.instant(rs, "created_at")))
			.single();
	}

	/** The entries of a ticket, oldest first; only the public ones for a customer. */
	public List<TimelineEntry> of(long ticketId, boolean publicOnly) {
		return jdbc.sql("""
				select id, ticket_id, kind, public, author_user_id, author_name, body, details::text as details,
				  minutes_spent, created_at
				from ticket_entry where ticket_id = ? and (public or not ?) order by id""")
			.params(ticketId, publicOnly)
			.query((rs, n) -> new TimelineEntry(rs.getLong("id"), rs.getLong("ticket_id"),
					EntryKind.valueOf(rs.getString("kind")), rs.getBoolean("public"),
					(Long) rs.getObject("author_user_id"), rs.getString("author_name"), rs.getString("body"),
					rs.getString("details"), (Integer) rs.getObject("minutes_spent"),
					TicketRecords.instant(rs, "created_at")))
			.list();
	}

	/** Total minutes logged on a ticket. */
	public int minutesSpent(long ticketId) {
		return jdbc.sql("select coalesce(sum(minutes_spent), 0) from ticket_entry where ticket_id = ?")
			.param(ticketId)
			.query(Integer.class)
			.single();
	}

	/** A change of one field, as the timeline and the audit trail show it. */
	public static Map<String, Object> change(Object from, Object to) {
		java.util.LinkedHashMap<String, Object> change = new java.util.LinkedHashMap<>();
		change.put("from", from);
		change.put("to", to);
		return change;
	}
}
