package org.yunwei.ticket.internal.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The {@code ticket_entry} table: everything that happened to a ticket, in order. */
@Repository
public class Timeline {

	/**
	 * A timeline entry {@code e} that reopened a ticket: the only status change away from RESOLVED that does not close
	 * it. The same words as the partial index {@code ticket_entry_reopen_idx} (migration V12), so that the planner uses
	 * it.
	 */
	public static final String REOPEN = "e.kind = 'STATUS_CHANGED' and (e.details -> 'status' ->> 'from') = 'RESOLVED'"
			+ " and (e.details -> 'status' ->> 'to') <> 'CLOSED'";

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

	/** An entry to add with {@link FirstEntries}: the arguments of {@link #append} but the ticket. */
	public record Addition(EntryKind kind, boolean visibleToCustomer, Long authorUserId, String authorName, String body,
			Object details, Integer minutesSpent) {
	}

	/**
	 * The first entries of a new ticket, inserted by the statement that inserts the ticket (see {@link
	 * org.yunwei.ticket.internal.intake.TicketNumbers#numberAndInsert}): a {@code with} query named {@code entries},
	 * its parameters, and the entries as stored from the arrays of {@link #STORED} that the statement answers.
	 */
	public record FirstEntries(List<Addition> additions) {

		/** The arrays the statement selects for {@link #stored}, in the entries' order. */
		public static final String STORED = """
				(select array_agg(id order by id) from entries) as entry_ids,
				(select array_agg(details order by id) from entries) as entry_details,
				(select array_agg(created_at order by id) from entries) as entry_created_at""";

		public FirstEntries {
			additions = List.copyOf(additions);
		}

		/** Inserts the entries for the ticket that the {@code with} query named {@code ticketQuery} returns. */
		public String query(String ticketQuery) {
			// ids are drawn in the order of the rows: sorted by id, the stored rows pair with the additions
			return """
					entries as (
					    insert into ticket_entry (ticket_id, kind, public, author_user_id, author_name, body, details,
					        minutes_spent)
					    select t.id, e.kind, e.public, e.author_user_id, e.author_name, e.body, cast(e.details as jsonb),
					        e.minutes_spent
					    from %s t, unnest(cast(? as text[]), cast(? as boolean[]), cast(? as bigint[]), cast(? as text[]),
					        cast(? as text[]), cast(? as text[]), cast(? as integer[])) with ordinality
					        as e(kind, public, author_user_id, author_name, body, details, minutes_spent, n)
					    order by e.n
					    returning id, details::text as details, created_at)""".formatted(ticketQuery);
		}

		public List<Object> parameters() {
			int n = additions.size();
			Object[][] columns = new Object[7][n];
			for (int i = 0; i < n; i++) {
				Addition a = additions.get(i);
				columns[0][i] = a.kind().name();
				columns[1][i] = a.visibleToCustomer();
				columns[2][i] = a.authorUserId();
				columns[3][i] = a.authorName();
				columns[4][i] = a.body();
				columns[5][i] = a.details() == null ? null : JSON.writeValueAsString(a.details());
				columns[6][i] = a.minutesSpent();
			}
			String[] types = { "text", "boolean", "bigint", "text", "text", "text", "integer" };
			List<Object> parameters = new ArrayList<>(7);
			for (int c = 0; c < 7; c++) {
				parameters.add(new SqlArrayValue(types[c], columns[c]));
			}
			return parameters;
		}

		/** The entries as stored, from the arrays of {@link #STORED}. */
		public List<TimelineEntry> stored(long ticketId, ResultSet rs) throws SQLException {
			Object[] ids = (Object[]) rs.getArray("entry_ids").getArray();
			Object[] details = (Object[]) rs.getArray("entry_details").getArray();
			Object[] createdAt = (Object[]) rs.getArray("entry_created_at").getArray();
			List<TimelineEntry> entries = new ArrayList<>(additions.size());
			for (int i = 0; i < additions.size(); i++) {
				Addition a = additions.get(i);
				entries.add(new TimelineEntry(((Number) ids[i]).longValue(), ticketId, a.kind(), a.visibleToCustomer(),
						a.authorUserId(), a.authorName(), a.body(), (String) details[i], a.minutesSpent(),
						((Timestamp) createdAt[i]).toInstant()));
			}
			return entries;
		}
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

	/** The details of an ASSIGNED entry: the group and member a ticket went to. */
	public static Map<String, Object> assignment(Long groupId, Long assigneeUserId) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("groupId", groupId);
		details.put("assigneeUserId", assigneeUserId);
		return details;
	}

}
