package org.yunwei.ticket.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
		return jdbc.sql("""
				insert into ticket_entry (ticket_id, kind, public, author_user_id, author_name, body, details,
				  minutes_spent) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?) returning id""")
			.params(ticketId, kind.name(), visibleToCustomer, authorUserId, authorName, body,
					details == null ? null : JSON.writeValueAsString(details), minutesSpent)
			.query(Long.class)
			.single();
	}

	/** An entry to add with {@link #addAll}: the arguments of {@link #append} but the ticket. */
	record Addition(EntryKind kind, boolean visibleToCustomer, Long authorUserId, String authorName, String body,
			Object details, Integer minutesSpent) {
	}

	private record Stored(long id, String details, Instant createdAt) {
	}

	/** Adds entries to a ticket with one statement, in order; answers them as stored. */
	List<TimelineEntry> addAll(long ticketId, List<Addition> additions) {
		List<Object> params = new ArrayList<>();
		StringBuilder rows = new StringBuilder();
		for (Addition a : additions) {
			rows.append(rows.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)");
			params.addAll(Arrays.asList(ticketId, a.kind().name(), a.visibleToCustomer(), a.authorUserId(),
					a.authorName(), a.body(), a.details() == null ? null : JSON.writeValueAsString(a.details()),
					a.minutesSpent()));
		}
		// ids are drawn in the order of the rows: sorted by id, the stored rows pair with the additions
		List<Stored> stored = jdbc.sql("""
				insert into ticket_entry (ticket_id, kind, public, author_user_id, author_name, body, details,
				  minutes_spent) values\s""" + rows + " returning id, details::text, created_at")
			.params(params)
			.query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("details"),
					TicketRecords.instant(rs, "created_at")))
			.list()
			.stream()
			.sorted(Comparator.comparingLong(Stored::id))
			.toList();
		List<TimelineEntry> entries = new ArrayList<>(additions.size());
		for (int i = 0; i < additions.size(); i++) {
			Addition a = additions.get(i);
			Stored row = stored.get(i);
			entries.add(new TimelineEntry(row.id(), ticketId, a.kind(), a.visibleToCustomer(), a.authorUserId(),
					a.authorName(), a.body(), row.details(), a.minutesSpent(), row.createdAt()));
		}
		return entries;
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
