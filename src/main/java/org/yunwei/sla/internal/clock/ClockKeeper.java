package org.yunwei.sla.internal.clock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.sla.ClockEvent;
import org.yunwei.sla.ClockEvent.Type;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockState;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.internal.clock.ClockHistory.Verdict;
import org.yunwei.sla.internal.clock.ClockRecords.ClockRow;
import org.yunwei.web.RejectedRequest;

/**
 * Keeps the clocks behind {@link org.yunwei.sla.SlaClocks}: appends each transition to the clock's history and makes
 * the clock's row say what the replayed history says, in the caller's transaction and under the row's lock.
 */
@Service
public class ClockKeeper {

	/** Clocks recomputed per transaction by a repair: big enough for few round trips, small enough for short locks. */
	static final int REPAIR_BATCH = 1_000;

	private final ClockRecords records;
	private final CalendarSource calendars;
	private final AuditTrail audit;
	private final DeadlineAlarm alarm;
	private final TransactionTemplate transactions;

	ClockKeeper(ClockRecords records, CalendarSource calendars, AuditTrail audit, DeadlineAlarm alarm,
			PlatformTransactionManager transactionManager) {
		this.records = records;
		this.calendars = calendars;
		this.alarm = alarm;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Starts a clock; answers its state at the start, so that a caller need not read it back. */
	@Transactional
	public ClockState start(ClockSubject subject, ClockKind kind, ClockTerms terms, Instant at) {
		Instant when = exact(at);
		long id = records.insert(subject, kind, terms, when)
			.orElseThrow(() -> RejectedRequest.unprocessable("sla-clock-started", "problem.sla-clock.started",
					subject.type(), subject.id(), kind));
		ClockEvent started = new ClockEvent(1, Type.STARTED, when, terms, null, null);
		records.append(id, started);
		ClockHistory clock = ClockHistory.replay(List.of(started), calendars);
		records.project(List.of(Map.entry(id, clock)));
		return clock.stateAt(subject, kind, when);
	}

	/**
	 * Starts clocks of one subject at once, each on its own terms, with one statement; answers their states at the
	 * start, by kind. Refused, with nothing started, when the subject has a clock of one of the kinds already.
	 */
	@Transactional
	public Map<ClockKind, ClockState> startAll(ClockSubject subject, Map<ClockKind, ClockTerms> terms, Instant at) {
		Instant when = exact(at);
		Map<ClockKind, ClockHistory> clocks = new LinkedHashMap<>();
		terms.forEach((kind, kindTerms) -> clocks.put(kind,
				ClockHistory.replay(List.of(new ClockEvent(1, Type.STARTED, when, kindTerms, null, null)), calendars)));
		Map<ClockKind, Long> ids = records.insertStarted(subject, clocks);
		Map<ClockKind, ClockState> states = new LinkedHashMap<>();
		for (Map.Entry<ClockKind, ClockHistory> clock : clocks.entrySet()) {
			if (!ids.containsKey(clock.getKey())) {
				throw RejectedRequest.unprocessable("sla-clock-started", "problem.sla-clock.started", subject.type(),
						subject.id(), clock.getKey());
			}
			states.put(clock.getKey(), clock.getValue().stateAt(subject, clock.getKey(), when));
		}
		return states;
	}

	/**
	 * Records a pause, resume, stop or target change.
	 *
	 * @param terms the new terms for {@code TARGET_CHANGED}, otherwise ignored
	 * @return {@code false} when the transition changes nothing (pausing a paused clock)
	 */
	@Transactional
	public boolean record(ClockSubject subject, ClockKind kind, Type type, ClockTerms terms, Instant at) {
		Instant when = exact(at);
		long id = records.lock(subject, kind)
			.orElseThrow(() -> RejectedRequest.unprocessable("sla-clock-missing", "problem.sla-clock.missing",
					subject.type(), subject.id(), kind));
		ClockHistory clock = ClockHistory.replay(records.history(id), calendars);
		Verdict verdict = clock.judge(type, terms, when);
		switch (verdict) {
			case NOTHING_TO_DO:
				return false;
			case STOPPED:
				throw RejectedRequest.unprocessable("sla-clock-stopped", "problem.sla-clock.stopped", subject.type(),
						subject.id(), kind);
			case OUT_OF_ORDER:
				throw RejectedRequest.unprocessable("sla-clock-out-of-order", "problem.sla-clock.out-of-order",
						subject.type(), subject.id(), kind);
			case ALREADY_STARTED:
				throw RejectedRequest.unprocessable("sla-clock-started", "problem.sla-clock.started",
						subject.type(), subject.id(), kind);
			case APPLY:
				break;
		}
		// deadlines passed before this transition and not yet raised by the tick are raised first
		List<Map.Entry<Long, ClockEvent>> entries = new ArrayList<>();
		alarm.raiseBefore(subject, kind, clock, when).forEach(raised -> entries.add(Map.entry(id, raised)));
		ClockEvent event = new ClockEvent(clock.lastSeq() + 1, type, when,
				type == Type.TARGET_CHANGED ? terms : null, null, null);
		clock.apply(event);
		entries.add(Map.entry(id, event));
		records.appendAll(entries);
		records.project(List.of(Map.entry(id, clock)));
		return true;
	}

	@Transactional(readOnly = true)
	public Optional<ClockState> state(ClockSubject subject, ClockKind kind, Instant now) {
		return records.find(subject, kind)
			.map(id -> ClockHistory.replay(records.history(id), calendars).stateAt(subject, kind, now));
	}

	@Transactional(readOnly = true)
	public List<ClockEvent> timeline(ClockSubject subject, ClockKind kind) {
		return records.find(subject, kind).map(records::history).orElse(List.of());
	}

	/** The clocks of an object, each kind with its state at {@code now} and its timeline. */
	@Transactional(readOnly = true)
	public List<Timeline> timelines(String subjectType, String subjectId, Instant now) {
		List<Timeline> timelines = new ArrayList<>();
		for (ClockRow row : records.clocksOf(subjectType, subjectId)) {
			ClockHistory clock = ClockHistory.replay(records.history(row.id()), calendars);
			timelines.add(new Timeline(clock.stateAt(row.subject(), row.kind(), now), clock.events()));
		}
		return timelines;
	}

	/** A clock's state and the history it comes from. */
	public record Timeline(ClockState state, List<ClockEvent> events) {
	}

	/**
	 * Rebuilds the rows of the clocks on a calendar (all clocks for {@code null}) from their histories, a batch per
	 * transaction; a clock whose due time or next deadline moved gets a {@code REPAIRED} entry. Thresholds that fall
	 * due by the new reckoning are raised by the next scheduler tick.
	 *
	 * @return how many clocks were recomputed
	 */
	public int repair(Long calendarId) {
		int repaired = 0;
		long after = 0;
		while (true) {
			long from = after;
			List<ClockRow> batch = transactions.execute(status -> repairBatch(calendarId, from));
			repaired += batch.size();
			if (batch.size() < REPAIR_BATCH) {
				break;
			}
			after = batch.getLast().id();
		}
		int total = repaired;
		transactions.executeWithoutResult(status -> audit.record(AuditEntry.of("SLA_CLOCK_REPAIR", "sla_clock",
				calendarId == null ? "*" : "calendar:" + calendarId).after(Map.of("recomputed", total))));
		return total;
	}

	private List<ClockRow> repairBatch(Long calendarId, long after) {
		List<ClockRow> batch = records.lockBatch(calendarId, calendarId != null && calendars.isDefault(calendarId), after,
				REPAIR_BATCH);
		if (batch.isEmpty()) {
			return batch;
		}
		Map<Long, List<ClockEvent>> histories = records.histories(batch.stream().map(ClockRow::id).toList());
		Map<Long, ClockRecords.Projection> before = records.projections(histories.keySet());
		List<Map.Entry<Long, ClockHistory>> clocks = new ArrayList<>(batch.size());
		List<Map.Entry<Long, ClockEvent>> marks = new ArrayList<>();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		CalendarSource batchCalendars = calendars.memoized();
		histories.forEach((id, events) -> {
			ClockHistory clock = ClockHistory.replay(events, batchCalendars);
			ClockRecords.Projection row = before.get(id);
			boolean moved = !row.matches(clock);
			if (moved) {
				ClockEvent mark = new ClockEvent(clock.lastSeq() + 1, Type.REPAIRED, now, null, null, exact(clock.dueAt()));
				clock.apply(mark);
				marks.add(Map.entry(id, mark));
			}
			// a row already as its history says is left alone: a calendar change often moves few of its clocks
			if (moved || !row.isProjectionOf(clock)) {
				clocks.add(Map.entry(id, clock));
			}
		});
		records.appendAll(marks);
		records.project(clocks);
		return batch;
	}

	/** PostgreSQL keeps microseconds: cut there, so that a replay from the database equals the one in memory. */
	static Instant exact(Instant at) {
		return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
	}
}
