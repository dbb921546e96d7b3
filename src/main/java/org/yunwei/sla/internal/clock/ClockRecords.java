package org.yunwei.sla.internal.clock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.sla.ClockEvent;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.Priority;
import org.yunwei.sla.TimeBasis;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tables {@code sla_clock} (each clock's current row, a projection of its history), {@code sla_clock_event}
 * (the history) and {@code sla_clock_due} (the scheduler's queue: the next deadline of each running clock that has
 * one, kept apart so that a tick's row updates touch no index of {@code sla_clock}). Instants are stored to the
 * microsecond, as PostgreSQL keeps them.
 */
@Repository
class ClockRecords {

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final JsonMapper json;

	ClockRecords(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	/** The clock's id, its row locked until the transaction ends. */
	Optional<Long> lock(ClockSubject subject, ClockKind kind) {
		return jdbc.sql("select id from sla_clock where subject_type = ? and subject_id = ? and kind = ? for update")
			.params(subject.type(), subject.id(), kind.name())
			.query(Long.class)
			.optional();
	}

	Optional<Long> find(ClockSubject subject, ClockKind kind) {
		return jdbc.sql("select id from sla_clock where subject_type = ? and subject_id = ? and kind = ?")
			.params(subject.type(), subject.id(), kind.name())
			.query(Long.class)
			.optional();
	}

	/** Inserts a new clock's row, or returns empty when the subject already has a clock of that kind. */
	Optional<Long> insert(ClockSubject subject, ClockKind kind, ClockTerms terms, Instant startedAt) {
		return jdbc.sql("""
				insert into sla_clock (subject_type, subject_id, kind, priority, basis, target_seconds, thresholds,
				    state, started_at)
				values (?, ?, ?, ?, ?, 0, '{}', 'RUNNING', ?)
				on conflict (subject_type, subject_id, kind) do nothing
				returning id""")
			.params(subject.type(), subject.id(), kind.name(), terms.priority().name(), terms.basis().name(),
					timestamp(startedAt))
			.query(Long.class)
			.optional();
	}

	/**
	 * Inserts new clocks of one subject as their first history entry ({@code STARTED}) says, with that entry and
	 * their place in the scheduler's queue, in one statement: what {@link #insert}, {@link #append} and
	 * {@link #project} write for a clock in three. A kind the subject already has a clock of is left out.
	 *
	 * @param clocks each new clock's kind and its history replayed from the {@code STARTED} entry
	 * @return the ids of the clocks inserted, by kind
	 */
	Map<ClockKind, Long> insertStarted(ClockSubject subject, Map<ClockKind, ClockHistory> clocks) {
		int n = clocks.size();
		String[] kinds = new String[n];
		String[] details = new String[n];
		RowColumns rows = new RowColumns(n);
		int i = 0;
		for (Map.Entry<ClockKind, ClockHistory> entry : clocks.entrySet()) {
			kinds[i] = entry.getKey().name();
			rows.set(i, entry.getValue());
			details[i] = details(entry.getValue().events().getFirst());
			i++;
		}
		Map<ClockKind, Long> ids = new LinkedHashMap<>();
		template.query("""
				with started as (
				    insert into sla_clock (subject_type, subject_id, kind, agreement_id, priority, calendar_id, basis,
				        target_seconds, thresholds, state, started_at, due_at, next_deadline, next_threshold,
				        fired_thresholds, breached, stopped_at, version)
				    select ?, ?, u.kind, u.agreement_id, u.priority, u.calendar_id, u.basis, u.target_seconds,
				        u.thresholds::integer[], u.state, u.started_at::timestamptz, u.due_at::timestamptz,
				        u.next_deadline::timestamptz, u.next_threshold, u.fired::integer[], u.breached,
				        u.stopped_at::timestamptz, 1
				    from unnest(?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::text[],
				        ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::text[], ?::boolean[], ?::text[])
				        as u(kind, agreement_id, priority, calendar_id, basis, target_seconds, thresholds, state,
				             started_at, due_at, next_deadline, next_threshold, fired, breached, stopped_at)
				    on conflict (subject_type, subject_id, kind) do nothing
				    returning id, kind, started_at, next_deadline),
				history as (
				    insert into sla_clock_event (clock_id, seq, occurred_at, type, details)
				    select s.id, 1, s.started_at, 'STARTED', e.details::jsonb
				    from started s join unnest(?::text[], ?::text[]) as e(kind, details) on e.kind = s.kind),
				queue as (
				    insert into sla_clock_due (clock_id, next_deadline)
				    select id, next_deadline from started where next_deadline is not null)
				select id, kind from started""", rs -> {
			ids.put(ClockKind.valueOf(rs.getString("kind")), rs.getLong("id"));
		}, rows.values(subject.type(), subject.id(), kinds).and(kinds, details).array());
		return ids;
	}

	/** The subjects' clocks of one kind each, by subject type and id. */
	List<ClockRow> clocksOf(String subjectType, String subjectId) {
		return jdbc.sql("select id, kind from sla_clock where subject_type = ? and subject_id = ? order by kind")
			.params(subjectType, subjectId)
			.query((rs, n) -> new ClockRow(rs.getLong("id"), new ClockSubject(subjectType, subjectId),
					ClockKind.valueOf(rs.getString("kind"))))
			.list();
	}

	/** A clock as the scheduler and repair see it. */
	record ClockRow(long id, ClockSubject subject, ClockKind kind) {
	}

	/**
	 * Running clocks whose next deadline is not after {@code now}, earliest first, their rows locked; rows another
	 * transaction holds are skipped, so that two nodes never work on the same clock at once. The deadlines come from
	 * the queue {@code sla_clock_due}, which {@link #project} keeps equal to the rows' {@code next_deadline}.
	 */
	List<ClockRow> lockDue(Instant now, int limit) {
		return jdbc.sql("""
				select c.id, c.subject_type, c.subject_id, c.kind
				from sla_clock_due d join sla_clock c on c.id = d.clock_id
				where d.next_deadline <= ?
				order by d.next_deadline
				limit ?
				for update of c skip locked""")
			.params(timestamp(now), limit)
			.query(ClockRecords::row)
			.list();
	}

	/**
	 * The next clocks after {@code afterId} counting on {@code calendarId} (all clocks when null), locked; with
	 * {@code includeUnnamed} also the clocks that name no calendar, i.e. count on the default one.
	 */
	List<ClockRow> lockBatch(Long calendarId, boolean includeUnnamed, long afterId, int limit) {
		return jdbc.sql("""
				select id, subject_type, subject_id, kind from sla_clock
				where id > ? and (cast(? as bigint) is null or calendar_id = ? or (? and calendar_id is null))
				order by id
				limit ?
				for update""")
			.params(afterId, calendarId, calendarId, includeUnnamed, limit)
			.query(ClockRecords::row)
			.list();
	}

	private static ClockRow row(ResultSet rs, int n) throws SQLException {
		return new ClockRow(rs.getLong("id"), new ClockSubject(rs.getString("subject_type"),
				rs.getString("subject_id")), ClockKind.valueOf(rs.getString("kind")));
	}

	/** The histories of the clocks, in order, by clock id (one query for a whole batch). */
	Map<Long, List<ClockEvent>> histories(List<Long> clockIds) {
		Map<Long, List<ClockEvent>> histories = new LinkedHashMap<>();
		clockIds.forEach(id -> histories.put(id, new ArrayList<>()));
		template.query("""
				select clock_id, seq, occurred_at, type, details from sla_clock_event
				where clock_id = any(?) order by clock_id, seq""", rs -> {
			histories.get(rs.getLong("clock_id")).add(event(rs));
		}, (Object) clockIds.toArray(Long[]::new));
		return histories;
	}

	List<ClockEvent> history(long clockId) {
		return histories(List.of(clockId)).get(clockId);
	}

	void append(long clockId, ClockEvent event) {
		appendAll(List.of(Map.entry(clockId, event)));
	}

	/** Appends events in one statement, the values as one array per column through {@code unnest}. */
	void appendAll(List<Map.Entry<Long, ClockEvent>> events) {
		if (events.isEmpty()) {
			return;
		}
		int n = events.size();
		Long[] clockIds = new Long[n];
		Integer[] seqs = new Integer[n];
		String[] occurredAt = new String[n];
		String[] types = new String[n];
		String[] details = new String[n];
		for (int i = 0; i < n; i++) {
			ClockEvent event = events.get(i).getValue();
			clockIds[i] = events.get(i).getKey();
			seqs[i] = event.seq();
			occurredAt[i] = text(event.occurredAt());
			types[i] = event.type().name();
			details[i] = details(event);
		}
		template.update("""
				insert into sla_clock_event (clock_id, seq, occurred_at, type, details)
				select clock_id, seq, occurred_at::timestamptz, type, details::jsonb
				from unnest(?::bigint[], ?::integer[], ?::text[], ?::text[], ?::text[])
				    as e(clock_id, seq, occurred_at, type, details)""", clockIds, seqs, occurredAt, types, details);
	}

	/**
	 * Makes the rows say what their histories say, in one statement: the values go as one array per column and are
	 * joined to the rows through {@code unnest}, so that a batch of a thousand clocks costs one statement, not a
	 * thousand. Instants go as ISO-8601 text and integer lists as array literals, free of the session's time zone
	 * and of nested arrays of unequal length.
	 */
	void project(List<Map.Entry<Long, ClockHistory>> clocks) {
		if (clocks.isEmpty()) {
			return;
		}
		int n = clocks.size();
		Long[] ids = new Long[n];
		RowColumns rows = new RowColumns(n);
		for (int i = 0; i < n; i++) {
			ids[i] = clocks.get(i).getKey();
			rows.set(i, clocks.get(i).getValue());
		}
		// the queue follows the rows in the same statement: a clock with a deadline to come is in it at that deadline
		template.update("""
				with updated as (
				    update sla_clock c set agreement_id = u.agreement_id, priority = u.priority,
				        calendar_id = u.calendar_id, basis = u.basis, target_seconds = u.target_seconds,
				        thresholds = u.thresholds::integer[], state = u.state, started_at = u.started_at::timestamptz,
				        due_at = u.due_at::timestamptz, next_deadline = u.next_deadline::timestamptz,
				        next_threshold = u.next_threshold, fired_thresholds = u.fired::integer[],
				        breached = u.breached, stopped_at = u.stopped_at::timestamptz, version = c.version + 1
				    from unnest(?::bigint[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::text[],
				        ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[], ?::text[], ?::boolean[], ?::text[])
				        as u(id, agreement_id, priority, calendar_id, basis, target_seconds, thresholds, state,
				             started_at, due_at, next_deadline, next_threshold, fired, breached, stopped_at)
				    where c.id = u.id
				    returning c.id, c.next_deadline),
				left_queue as (
				    delete from sla_clock_due d using updated
				    where d.clock_id = updated.id and updated.next_deadline is null)
				insert into sla_clock_due (clock_id, next_deadline)
				select id, next_deadline from updated where next_deadline is not null
				on conflict (clock_id) do update set next_deadline = excluded.next_deadline
				where sla_clock_due.next_deadline is distinct from excluded.next_deadline""",
				rows.values((Object) ids).array()); // one parameter, the array: not spread as varargs
	}

	/**
	 * What {@link #insertStarted} and {@link #project} write of each clock's row, one array per column in the order
	 * of their {@code unnest}: agreement, priority, calendar, basis, target, thresholds, state, started, due, next
	 * deadline, next threshold, fired, breached, stopped.
	 */
	private static final class RowColumns {

		private final Long[] agreements;
		private final String[] priorities;
		private final Long[] calendars;
		private final String[] bases;
		private final Long[] targets;
		private final String[] thresholds;
		private final String[] states;
		private final String[] startedAt;
		private final String[] dueAt;
		private final String[] nextDeadlines;
		private final Integer[] nextThresholds;
		private final String[] fired;
		private final Boolean[] breached;
		private final String[] stoppedAt;

		RowColumns(int n) {
			agreements = new Long[n];
			priorities = new String[n];
			calendars = new Long[n];
			bases = new String[n];
			targets = new Long[n];
			thresholds = new String[n];
			states = new String[n];
			startedAt = new String[n];
			dueAt = new String[n];
			nextDeadlines = new String[n];
			nextThresholds = new Integer[n];
			fired = new String[n];
			breached = new Boolean[n];
			stoppedAt = new String[n];
		}

		void set(int i, ClockHistory clock) {
			ClockTerms terms = clock.terms();
			agreements[i] = terms.agreementId();
			priorities[i] = terms.priority().name();
			calendars[i] = terms.calendarId();
			bases[i] = terms.basis().name();
			targets[i] = terms.target().toSeconds();
			thresholds[i] = arrayLiteral(terms.thresholds());
			states[i] = clock.status().name();
			startedAt[i] = text(clock.startedAt());
			dueAt[i] = text(clock.dueAt());
			nextDeadlines[i] = text(clock.nextDeadline());
			nextThresholds[i] = clock.nextThreshold();
			fired[i] = arrayLiteral(clock.fired());
			breached[i] = clock.breached();
			stoppedAt[i] = text(clock.stoppedAt());
		}

		/** The statement's parameters: {@code before}, then the columns. */
		Parameters values(Object... before) {
			return new Parameters(before).and(agreements, priorities, calendars, bases, targets, thresholds, states,
					startedAt, dueAt, nextDeadlines, nextThresholds, fired, breached, stoppedAt);
		}
	}

	private record Parameters(List<Object> list) {

		Parameters(Object... first) {
			this(new ArrayList<>(Arrays.asList(first)));
		}

		Parameters and(Object... more) {
			list.addAll(Arrays.asList(more));
			return this;
		}

		Object[] array() {
			return list.toArray();
		}
	}

	private static String text(Instant instant) {
		Instant exact = ClockKeeper.exact(instant);
		return exact == null ? null : exact.toString();
	}

	private static String arrayLiteral(List<Integer> values) {
		StringBuilder literal = new StringBuilder("{");
		for (Integer value : values) {
			literal.append(literal.length() > 1 ? "," : "").append(value);
		}
		return literal.append('}').toString();
	}

	/** What the rows of the clocks say now, by id. */
	Map<Long, Projection> projections(Collection<Long> clockIds) {
		Map<Long, Projection> projections = new HashMap<>();
		template.query("""
				select id, state, calendar_id, target_seconds, due_at, next_deadline, next_threshold, agreement_id,
				    priority, basis, thresholds, started_at, fired_thresholds, breached, stopped_at
				from sla_clock where id = any(?)""", rs -> {
			projections.put(rs.getLong("id"), new Projection(rs.getString("state"), (Long) rs.getObject("calendar_id"),
					rs.getLong("target_seconds"), instant(rs, "due_at"), instant(rs, "next_deadline"),
					(Integer) rs.getObject("next_threshold"),
					new Projection.Rest((Long) rs.getObject("agreement_id"), rs.getString("priority"),
							rs.getString("basis"), integers(rs, "thresholds"), instant(rs, "started_at"),
							integers(rs, "fired_thresholds"), rs.getBoolean("breached"), instant(rs, "stopped_at"))));
		}, (Object) clockIds.toArray(Long[]::new));
		return projections;
	}

	private static List<Integer> integers(ResultSet rs, String column) throws SQLException {
		java.sql.Array array = rs.getArray(column);
		return array == null ? List.of() : List.of((Integer[]) array.getArray());
	}

	/**
	 * The parts of a clock's row that a calendar or target correction can move, and the rest of what
	 * {@link #project} writes.
	 */
	record Projection(String state, Long calendarId, long targetSeconds, Instant dueAt, Instant nextDeadline,
			Integer nextThreshold, Rest rest) {

		record Rest(Long agreementId, String priority, String basis, List<Integer> thresholds, Instant startedAt,
				List<Integer> fired, boolean breached, Instant stoppedAt) {
		}

		/** Whether the clock's due time and deadlines are where its history puts them. */
		boolean matches(ClockHistory clock) {
			return state.equals(clock.status().name()) && Objects.equals(calendarId, clock.terms().calendarId())
					&& targetSeconds == clock.terms().target().toSeconds()
					&& Objects.equals(dueAt, ClockKeeper.exact(clock.dueAt()))
					&& Objects.equals(nextDeadline, ClockKeeper.exact(clock.nextDeadline()))
					&& Objects.equals(nextThreshold, clock.nextThreshold());
		}

		/** Whether {@link #project} would write the row as it is: then a repair need not write it. */
		boolean isProjectionOf(ClockHistory clock) {
			ClockTerms terms = clock.terms();
			return matches(clock) && Objects.equals(rest.agreementId(), terms.agreementId())
					&& rest.priority().equals(terms.priority().name()) && rest.basis().equals(terms.basis().name())
					&& rest.thresholds().equals(terms.thresholds())
					&& Objects.equals(rest.startedAt(), ClockKeeper.exact(clock.startedAt()))
					&& rest.fired().equals(clock.fired()) && rest.breached() == clock.breached()
					&& Objects.equals(rest.stoppedAt(), ClockKeeper.exact(clock.stoppedAt()));
		}
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private ClockEvent event(ResultSet rs) throws SQLException {
		JsonNode details = json.readTree(rs.getString("details"));
		ClockEvent.Type type = ClockEvent.Type.valueOf(rs.getString("type"));
		ClockTerms terms = details.has("priority") ? terms(details) : null;
		Integer percent = details.hasNonNull("percent") ? details.get("percent").asInt() : null;
		Instant deadline = details.hasNonNull("deadline") ? Instant.parse(details.get("deadline").asString()) : null;
		return new ClockEvent(rs.getInt("seq"), type, rs.getTimestamp("occurred_at").toInstant(), terms, percent,
				deadline);
	}

	private static ClockTerms terms(JsonNode details) {
		List<Integer> thresholds = new ArrayList<>();
		details.get("thresholds").forEach(node -> thresholds.add(node.asInt()));
		return new ClockTerms(longOrNull(details, "agreementId"), Priority.valueOf(details.get("priority").asString()),
				longOrNull(details, "calendarId"), TimeBasis.valueOf(details.get("basis").asString()),
				Duration.parse(details.get("target").asString()), thresholds);
	}

	private static Long longOrNull(JsonNode details, String field) {
		return details.hasNonNull(field) ? details.get(field).asLong() : null;
	}

	private String details(ClockEvent event) {
		return details(json, event);
	}

	/** An entry's details as {@code sla_clock_event.details} keeps them: what {@link #histories} reads back. */
	static String details(JsonMapper json, ClockEvent event) {
		Map<String, Object> details = new LinkedHashMap<>();
		ClockTerms terms = event.terms();
		if (terms != null) {
			details.put("agreementId", terms.agreementId());
			details.put("priority", terms.priority().name());
			details.put("calendarId", terms.calendarId());
			details.put("basis", terms.basis().name());
			details.put("target", terms.target().toString());
			details.put("thresholds", terms.thresholds());
		}
		if (event.percent() != null) {
			details.put("percent", event.percent());
		}
		if (event.deadline() != null) {
			details.put("deadline", event.deadline().toString());
		}
		return json.writeValueAsString(details);
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
