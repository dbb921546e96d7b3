package org.yunwei.ticket.internal.agenda;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.identity.DataScope;
import org.yunwei.ticket.GroupLoad;
import org.yunwei.ticket.TicketGroup;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;

/**
 * What waits for a person, read for their home page: the open tickets assigned to them or lying unassigned in their
 * groups, those near or past their resolution target, the load of groups, the tickets they reported. Every read is
 * bounded: one index range of the open-ticket indexes (ticket V7) or of the reporter's tickets, stopped at a limit, and
 * a list over several groups is one such range per group, merged here, so that no statement sorts a whole backlog.
 * The caller ({@code Tickets}) has checked the person's permission; every statement also applies their scope.
 */
@Repository
public class TicketAgenda {

	/** The open statuses as literals, so that the planner matches the partial open-ticket indexes (ticket V7). */
	private static final String OPEN = "status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING')";

	/** Open by due time, the earliest first and those without one last, as the partial indexes hold them. */
	private static final Comparator<TicketRow> BY_DUE = Comparator
		.comparing(TicketRow::resolutionDueAt, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparingLong(TicketRow::id);

	private final JdbcClient jdbc;

	TicketAgenda(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The open tickets assigned to the person, the earliest due first. */
	public List<TicketRow> assignedTo(long userId, DataScope scope, int limit) {
		return openByDueEachStatus("assignee_user_id = ?", List.of(userId), scope, limit);
	}

	/** The open tickets nobody has taken in the groups, the earliest due first. */
	public List<TicketRow> unassignedIn(Collection<Long> groupIds, DataScope scope, int limit) {
		List<TicketRow> found = new ArrayList<>();
		for (long group : groupIds) {
			found.addAll(openByDueEachStatus("group_id = ? and assignee_user_id is null", List.of(group), scope,
					limit));
		}
		return earliest(found, limit);
	}

	/**
	 * The open tickets assigned to the person or lying in their groups whose resolution target falls before
	 * {@code now + within} (those past it included), the earliest due first.
	 */
	public List<TicketRow> dueSoon(long userId, Collection<Long> groupIds, Duration within, DataScope scope,
			int limit) {
		Timestamp before = Timestamp.from(Instant.now().plus(within));
		List<TicketRow> found = new ArrayList<>(
				openByDue("assignee_user_id = ? and resolution_due_at < ?", List.of(userId, before), scope, limit));
		for (long group : groupIds) {
			found.addAll(openByDue("group_id = ? and resolution_due_at < ?", List.of(group, before), scope, limit));
		}
		Map<Long, TicketRow> unique = new LinkedHashMap<>();
		found.forEach(row -> unique.putIfAbsent(row.id(), row));
		return earliest(unique.values(), limit);
	}

	/** The open tickets within the scope past their resolution target, the longest overdue first. */
	public List<TicketRow> overdue(DataScope scope, int limit) {
		return openByDue("resolution_due_at < now()", List.of(), scope, limit);
	}

	/**
	 * Each group's open, unassigned and overdue tickets within the scope, as {@link GroupLoad} counts them: the
	 * group's first {@link GroupLoad#CAP} open tickets in due order, all groups in one statement. Each group's are
	 * read one status at a time, as {@link #openByDueEachStatus} reads a list and for the same reason (asked for
	 * the four statuses at once, PostgreSQL read every open ticket of the provider for each group: 150 ms for two
	 * groups on the test table). The overdue ones come first in due order, so their count is exact below the cap.
	 */
	public List<GroupLoad> loads(List<TicketGroup> groups, DataScope scope) {
		if (groups.isEmpty()) {
			return List.of();
		}
		DataScope.Condition condition = scope.where("provider_party_id", "customer_org_unit_id");
		List<Object> params = new ArrayList<>();
		params.add(groups.stream().map(g -> String.valueOf(g.id())).collect(Collectors.joining(",", "{", "}")));
		List<String> parts = new ArrayList<>();
		for (String status : List.of("NEW", "ASSIGNED", "IN_PROGRESS", "PENDING")) {
			parts.add("(select id, assignee_user_id, resolution_due_at from ticket where group_id = g.id and status = '"
					+ status + "' and " + condition.sql() + " order by resolution_due_at, id limit " + GroupLoad.CAP
					+ ")");
			params.addAll(condition.parameters());
		}
		Map<Long, long[]> counts = new LinkedHashMap<>();
		jdbc.sql("select g.id, count(t.id) as open, count(t.id) filter (where t.assignee_user_id is null) as unassigned,"
				+ " count(t.id) filter (where t.resolution_due_at < now()) as overdue"
				+ " from unnest(cast(? as bigint[])) g(id) left join lateral (select * from ("
				+ String.join(" union all ", parts) + ") open order by resolution_due_at, id limit " + GroupLoad.CAP
				+ ") t on true group by g.id")
			.params(params)
			.query((ResultSet rs) -> {
				counts.put(rs.getLong("id"), new long[] { rs.getLong("open"), rs.getLong("unassigned"),
						rs.getLong("overdue") });
			});
		return groups.stream().map(group -> {
			long[] n = counts.getOrDefault(group.id(), new long[3]);
			return new GroupLoad(group, n[0], n[1], n[2]);
		}).toList();
	}

	/**
	 * The tickets the person reported that are still theirs to follow: open, or resolved and awaiting their
	 * confirmation; newest first.
	 */
	public List<TicketRow> reportedOpen(long userId, DataScope scope, int limit) {
		return reported("status in ('NEW', 'ASSIGNED', 'IN_PROGRESS', 'PENDING', 'RESOLVED')", List.of(), userId,
				scope, limit);
	}

	/** The tickets the person reported that were resolved (and perhaps closed) since {@code since}; newest first. */
	public List<TicketRow> reportedFinishedSince(long userId, Instant since, DataScope scope, int limit) {
		return reported("status in ('RESOLVED', 'CLOSED') and resolved_at >= ?", List.of(Timestamp.from(since)),
				userId, scope, limit);
	}

	private List<TicketRow> reported(String where, List<Object> values, long userId, DataScope scope, int limit) {
		DataScope.Condition condition = scope.where("provider_party_id", "customer_org_unit_id");
		List<Object> params = new ArrayList<>();
		params.add(userId);
		params.addAll(values);
		params.addAll(condition.parameters());
		params.add(limit);
		// the reporter's index (reporter_user_id, created_at desc): a person's own tickets, newest first
		return jdbc.sql("select " + TicketRecords.COLUMNS + " from ticket where reporter_user_id = ? and " + where
				+ " and " + condition.sql() + " order by created_at desc, id desc limit ?")
			.params(params)
			.query(TicketRecords.ROW)
			.list();
	}

	/**
	 * The open tickets meeting {@code where}, the earliest due first, read one status at a time: each status is then
	 * one range of the queue indexes (assignee or group, status, due time; ticket V1) read in order and stopped at
	 * {@code limit}. Asked for the four statuses at once, PostgreSQL may instead walk a provider's (or everyone's) open
	 * tickets in due order looking for these, or gather all of them to sort; on a test table of 400,000 tickets with
	 * 20,000 open that took 60–160 ms, where four short ranges take under a millisecond.
	 */
	private List<TicketRow> openByDueEachStatus(String where, List<Object> values, DataScope scope, int limit) {
		DataScope.Condition condition = scope.where("provider_party_id", "customer_org_unit_id");
		List<Object> params = new ArrayList<>();
		List<String> parts = new ArrayList<>();
		for (String status : List.of("NEW", "ASSIGNED", "IN_PROGRESS", "PENDING")) {
			parts.add("(select " + TicketRecords.COLUMNS + " from ticket where " + where + " and status = '" + status
					+ "' and " + condition.sql() + " order by resolution_due_at, id limit ?)");
			params.addAll(values);
			params.addAll(condition.parameters());
			params.add(limit);
		}
		params.add(limit);
		return jdbc.sql("select * from (" + String.join(" union all ", parts) + ") open order by resolution_due_at, id"
				+ " limit ?")
			.params(params)
			.query(TicketRecords.ROW)
			.list();
	}

	private List<TicketRow> openByDue(String where, List<Object> values, DataScope scope, int limit) {
		DataScope.Condition condition = scope.where("provider_party_id", "customer_org_unit_id");
		List<Object> params = new ArrayList<>(values);
		params.addAll(condition.parameters());
		params.add(limit);
		return jdbc.sql("select " + TicketRecords.COLUMNS + " from ticket where " + where + " and " + OPEN + " and "
				+ condition.sql() + " order by resolution_due_at, id limit ?")
			.params(params)
			.query(TicketRecords.ROW)
			.list();
	}

	private static List<TicketRow> earliest(Collection<TicketRow> rows, int limit) {
		return rows.stream().sorted(BY_DUE).limit(limit).toList();
	}
}
