package org.yunwei.sla.internal.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.yunwei.sla.ClockEvent;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockState;
import org.yunwei.sla.ClockState.Status;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.Priority;
import org.yunwei.sla.TimeBasis;
import org.yunwei.sla.internal.clock.ClockKeeper.Timeline;

/**
 * One clock as the timeline page shows it to an assessor: where it stands and its history, instants in
 * {@link #ZONE}.
 *
 * @param dueAt for a paused clock, when it would fall due were it resumed now
 * @param elapsed counted time so far (until the stop for a stopped clock)
 * @param remaining counted time left; {@code overdue} when the due time has passed, and then by how much
 */
record ClockCard(ClockKind kind, Status status, boolean breached, Priority priority, TimeBasis basis, Span target,
		ZonedDateTime startedAt, ZonedDateTime dueAt, Span elapsed, Span remaining, boolean overdue,
		int percentElapsed, ZonedDateTime stoppedAt, List<Entry> entries) {

	/** The pages show times in China's zone, as the business calendars count in it. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static ClockCard of(Timeline timeline) {
		ClockState state = timeline.state();
		ClockTerms terms = state.terms();
		Duration remaining = state.remaining();
		return new ClockCard(state.kind(), state.status(), state.breached(), terms.priority(), terms.basis(),
				Span.of(terms.target()), zoned(state.startedAt()), zoned(state.dueAt()),
				Span.of(terms.target().minus(remaining)), Span.of(remaining), remaining.isNegative(),
				state.percentElapsed(), zoned(state.stoppedAt()),
				timeline.events().stream().map(Entry::of).toList());
	}

	public boolean paused() {
		return status == Status.PAUSED;
	}

	/**
	 * One entry of the history.
	 *
	 * @param terms set by {@code STARTED} and {@code TARGET_CHANGED}, otherwise {@code null}
	 * @param deadline when the threshold or breach fell due, or the due time a repair arrived at (none while paused)
	 */
	record Entry(int seq, ClockEvent.Type type, ZonedDateTime at, Terms terms, Integer percent,
			ZonedDateTime deadline) {

		static Entry of(ClockEvent event) {
			ClockTerms terms = event.terms();
			return new Entry(event.seq(), event.type(), zoned(event.occurredAt()),
					terms == null ? null : new Terms(terms.priority(), Span.of(terms.target()), terms.basis()),
					event.percent(), zoned(event.deadline()));
		}
	}

	record Terms(Priority priority, Span target, TimeBasis basis) {
	}

	/** A length of time in whole hours and minutes, without its sign. */
	record Span(long hours, long minutes) {

		static Span of(Duration duration) {
			long totalMinutes = duration.abs().toMinutes();
			return new Span(totalMinutes / 60, totalMinutes % 60);
		}
	}

	private static ZonedDateTime zoned(Instant instant) {
		return instant == null ? null : instant.atZone(ZONE);
	}
}
