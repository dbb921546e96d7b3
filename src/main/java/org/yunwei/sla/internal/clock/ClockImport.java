package org.yunwei.sla.internal.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.dataset.CopyRows;
import org.yunwei.sla.ClockEvent;
import org.yunwei.sla.ClockEvent.Type;
import org.yunwei.sla.ClockState;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.PastClock;

import tools.jackson.databind.json.JsonMapper;

/**
 * Replays each past clock through {@link ClockHistory}, inserting the thresholds and the breach where the history
 * says they fall due, and copies the rows, histories and queue entries in. Behind {@link org.yunwei.sla.SlaClockImport}.
 */
@Component
public class ClockImport {

	private final CalendarSource calendars;
	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final JsonMapper json;

	ClockImport(CalendarSource calendars, DataSource dataSource, JdbcClient jdbc, JsonMapper json) {
		this.calendars = calendars;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.json = json;
	}

	public List<PastClock.Written> write(List<PastClock> pastClocks, Instant now) {
		CalendarSource memoized = calendars.memoized();
		List<ClockHistory> histories = new ArrayList<>(pastClocks.size());
		List<PastClock.Written> written = new ArrayList<>(pastClocks.size());
		for (PastClock clock : pastClocks) {
			ClockHistory history = replay(clock, now, memoized);
			histories.add(history);
			List<PastClock.Raised> raised = new ArrayList<>();
			for (ClockEvent event : history.events()) {
				if (event.type() == Type.THRESHOLD_REACHED || event.type() == Type.BREACHED) {
					raised.add(new PastClock.Raised(event.percent(), event.deadline()));
				}
			}
			Instant due = history.status() == ClockState.Status.PAUSED ? history.dueAt(now) : history.dueAt();
			written.add(new PastClock.Written(history.status(), due, raised));
		}
		long firstId = jdbc.sql("select coalesce(max(id), 0) + 1 from sla_clock").query(Long.class).single();
		try (CopyRows rows = CopyRows.into(dataSource, "sla_clock", """
				id, subject_type, subject_id, kind, agreement_id, priority, calendar_id, basis, target_seconds,
				thresholds, state, started_at, due_at, next_deadline, next_threshold, fired_thresholds, breached,
				stopped_at, version""")) {
			for (int i = 0; i < histories.size(); i++) {
				ClockHistory h = histories.get(i);
				PastClock clock = pastClocks.get(i);
				ClockTerms terms = h.terms();
				rows.row(firstId + i, clock.subject().type(), clock.subject().id(), clock.kind().name(),
						terms.agreementId(), terms.priority().name(), terms.calendarId(), terms.basis().name(),
						terms.target().toSeconds(), terms.thresholds(), h.status().name(), h.startedAt(), h.dueAt(),
						h.nextDeadline(), h.nextThreshold(), h.fired(), h.breached(), h.stoppedAt(),
						h.events().size() - 1);
			}
			rows.finish();
		}
		try (CopyRows rows = CopyRows.into(dataSource, "sla_clock_event",
				"clock_id, seq, occurred_at, recorded_at, type, details")) {
			for (int i = 0; i < histories.size(); i++) {
				for (ClockEvent event : histories.get(i).events()) {
					rows.row(firstId + i, event.seq(), event.occurredAt(), event.occurredAt(), event.type().name(),
							details(event));
				}
			}
			rows.finish();
		}
		try (CopyRows rows = CopyRows.into(dataSource, "sla_clock_due", "clock_id, next_deadline")) {
			for (int i = 0; i < histories.size(); i++) {
				Instant next = histories.get(i).nextDeadline();
				if (next != null) {
					rows.row(firstId + i, next);
				}
			}
			rows.finish();
		}
		jdbc.sql("select setval(pg_get_serial_sequence('sla_clock', 'id'), greatest(?, (select max(id) from sla_clock)))")
			.param(firstId + histories.size() - 1)
			.query(Long.class)
			.single();
		return written;
	}

	/**
	 * The history of a past clock: its transitions in order, and before each one (and before {@code now}) the
	 * thresholds and the breach that fell due while it ran, dated at their deadlines.
	 */
	static ClockHistory replay(PastClock clock, Instant now, CalendarSource calendars) {
		ClockHistory history = ClockHistory.replay(List.of(new ClockEvent(1, Type.STARTED,
				ClockKeeper.exact(clock.startedAt()), clock.terms(), null, null)), calendars);
		for (PastClock.Transition transition : clock.transitions()) {
			raiseBefore(history, ClockKeeper.exact(transition.at()), false);
			history.apply(new ClockEvent(history.lastSeq() + 1, transition.type(), ClockKeeper.exact(transition.at()),
					null, null, null));
		}
		raiseBefore(history, ClockKeeper.exact(now), true);
		return history;
	}

	private static void raiseBefore(ClockHistory history, Instant until, boolean inclusive) {
		while (history.status() == ClockState.Status.RUNNING) {
			Integer percent = history.nextThreshold();
			Instant deadline = history.nextDeadline();
			if (percent == null || deadline == null || deadline.isAfter(until) || !inclusive && !deadline.isBefore(until)) {
				return;
			}
			Instant at = ClockKeeper.exact(deadline);
			history.apply(new ClockEvent(history.lastSeq() + 1,
					percent >= ClockHistory.BREACH ? Type.BREACHED : Type.THRESHOLD_REACHED, at, null, percent, at));
		}
	}

	private String details(ClockEvent event) {
		return ClockRecords.details(json, event);
	}
}
