package org.yunwei.approval.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.identity.Positions;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * Everything waiting for a person's decision across modules, newest first, by keyset: their own assignments, those
 * of the posts they back up while the holder seated with them is absent, and those of the people who delegated to them for now. The
 * partial index on waiting assignments keeps the first page independent of how much the person decided before.
 */
@Component
public class ApprovalInbox {

	private final JdbcClient jdbc;
	private final Positions positions;
	private final People people;
	private final ApprovalAssignments assignments;
	private final Clock clock = Clock.systemUTC();

	ApprovalInbox(JdbcClient jdbc, Positions positions, People people, ApprovalAssignments assignments) {
		this.jdbc = jdbc;
		this.assignments = assignments;
		this.positions = positions;
		this.people = people;
	}

	public long waitingCount(long userId) {
		Scope scope = scope(userId);
		return jdbc.sql("""
				select count(distinct a.request_id) from approval_assignment a
				where a.waiting and a.approver_id = any(cast(? as bigint[]))
				  and (a.via <> 'POST_BACKUP' or a.id = any(cast(? as bigint[])))""")
			.params(scope.approvers(), scope.actingBackups())
			.query(Long.class)
			.single();
	}

	public KeysetPage<InboxItem> waiting(long userId, String cursor, int limit) {
		Scope scope = scope(userId);
		String[] after = cursor == null ? null : KeysetCursor.decode(cursor, 2)
			.orElseThrow(() -> RejectedRequest.invalidField("cursor", "approval.cursor.invalid"));
		List<Object> params = new ArrayList<>(List.of(scope.approvers(), scope.actingBackups()));
		String keyset = "";
		if (after != null) {
			keyset = " and (a.since, a.id) < (?, ?)";
			params.add(timestamp(after[0]));
			params.add(id(after[1]));
		}
		params.add(limit + 1);
		record Row(long assignmentId, InboxItem item) {
		}
		List<Row> rows = jdbc.sql("""
				select a.id as assignment_id, a.approver_id, a.via, a.since, r.id, r.subject_type, r.subject_id,
				       r.summary, r.link, r.requester_id, s.position, s.name, s.due_at
				from approval_assignment a
				join approval_request r on r.id = a.request_id
				join approval_request_stage s on s.request_id = a.request_id and s.position = a.stage_position
				where a.waiting and a.approver_id = any(cast(? as bigint[]))
				  and (a.via <> 'POST_BACKUP' or a.id = any(cast(? as bigint[])))""" + keyset + """
				 order by a.since desc, a.id desc limit ?""")
			.params(params)
			.query((rs, n) -> {
				long approver = rs.getLong("approver_id");
				Long onBehalfOf = approver != userId ? approver : null;
				return new Row(rs.getLong("assignment_id"), new InboxItem(rs.getLong("id"),
						rs.getString("subject_type"), rs.getLong("subject_id"), rs.getString("summary"),
						rs.getString("link"), rs.getLong("requester_id"), null, rs.getInt("position"),
						rs.getString("name"), rs.getTimestamp("since").toInstant(),
						ApprovalRequests.instant(rs, "due_at"), onBehalfOf));
			})
			.list();
		boolean more = rows.size() > limit;
		List<Row> page = more ? rows.subList(0, limit) : rows;
		Map<Long, String> names = names(page.stream().map(r -> r.item().requesterId()).toList());
		List<InboxItem> items = page.stream().map(r -> {
			InboxItem i = r.item();
			return new InboxItem(i.requestId(), i.subjectType(), i.subjectId(), i.summary(), i.link(),
					i.requesterId(), names.getOrDefault(i.requesterId(), ""), i.stagePosition(), i.stageName(),
					i.waitingSince(), i.dueAt(), i.onBehalfOf());
		}).toList();
		String next = more ? KeysetCursor.encode(page.getLast().item().waitingSince().toString(),
				page.getLast().assignmentId()) : null;
		return new KeysetPage<>(items, next);
	}

	public KeysetPage<DecidedItem> decided(long userId, String cursor, int limit) {
		String[] after = cursor == null ? null : KeysetCursor.decode(cursor, 2)
			.orElseThrow(() -> RejectedRequest.invalidField("cursor", "approval.cursor.invalid"));
		List<Object> params = new ArrayList<>(List.of(userId));
		String keyset = "";
		if (after != null) {
			keyset = " and (d.decided_at, d.id) < (?, ?)";
			params.add(timestamp(after[0]));
			params.add(id(after[1]));
		}
		params.add(limit + 1);
		List<DecidedItem> rows = jdbc.sql("""
				select d.id as decision_id, r.id, r.subject_type, r.subject_id, r.summary, r.link, s.name,
				       d.decision, d.reason, d.decided_at, r.outcome
				from approval_decision d
				join approval_request r on r.id = d.request_id
				join approval_request_stage s on s.request_id = d.request_id and s.position = d.stage_position
				where d.decider_id = ?""" + keyset + " order by d.decided_at desc, d.id desc limit ?")
			.params(params)
			.query((rs, n) -> new DecidedItem(rs.getLong("decision_id"), rs.getLong("id"),
					rs.getString("subject_type"), rs.getLong("subject_id"), rs.getString("summary"),
					rs.getString("link"), rs.getString("name"), DecisionKind.valueOf(rs.getString("decision")),
					rs.getString("reason"), rs.getTimestamp("decided_at").toInstant(),
					ApprovalOutcome.valueOf(rs.getString("outcome"))))
			.list();
		boolean more = rows.size() > limit;
		List<DecidedItem> page = more ? rows.subList(0, limit) : rows;
		String next = more ? KeysetCursor.encode(page.getLast().decidedAt().toString(), page.getLast().decisionId())
				: null;
		return new KeysetPage<>(List.copyOf(page), next);
	}

	private record Scope(String approvers, String actingBackups) {
	}

	/** The person, and those who delegated to them for now; the backup rows through which they act now. */
	private Scope scope(long userId) {
		Instant now = clock.instant();
		List<Long> approvers = new ArrayList<>(List.of(userId));
		approvers.addAll(jdbc.sql("""
				select distinct delegator_id from approval_delegation
				where delegate_id = ? and revoked_at is null and valid_from <= ? and valid_until > ?""")
			.params(userId, Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.list());
		// a backup's rows count while the holder seated with them when the stage started is away
		List<Long> acting = assignments.waitingBackups(approvers)
			.stream()
			.filter(a -> a.standsInFor() == null || positions.absentFrom(a.postId(), a.standsInFor(), now))
			.map(Assignment::id)
			.toList();
		return new Scope(array(approvers), array(acting));
	}

	private Map<Long, String> names(List<Long> ids) {
		return people.findAll(ids).stream().collect(Collectors.toMap(Person::id, Person::displayName));
	}

	private static String array(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	private static Timestamp timestamp(String text) {
		try {
			return Timestamp.from(Instant.parse(text));
		}
		catch (RuntimeException e) {
			throw RejectedRequest.invalidField("cursor", "approval.cursor.invalid");
		}
	}

	private static long id(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException e) {
			throw RejectedRequest.invalidField("cursor", "approval.cursor.invalid");
		}
	}

}
