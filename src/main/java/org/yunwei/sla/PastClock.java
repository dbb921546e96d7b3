package org.yunwei.sla;

import java.time.Instant;
import java.util.List;

/**
 * The whole past of a clock, for {@link SlaClockImport}: its start and its transitions up to now. The thresholds and
 * the breach are not given: the import raises them where they fell due, as the scheduler would have.
 *
 * @param subject the object the clock belongs to
 * @param kind response or resolution
 * @param terms what it counts towards
 * @param startedAt when it started
 * @param transitions {@code PAUSED}, {@code RESUMED} and {@code STOPPED}, in order, none before the start
 */
public record PastClock(ClockSubject subject, ClockKind kind, ClockTerms terms, Instant startedAt,
		List<Transition> transitions) {

	/** A pause, a resumption or the stop. */
	public record Transition(ClockEvent.Type type, Instant at) {
	}

	/**
	 * What the import made of a clock.
	 *
	 * @param status where the clock stands
	 * @param dueAt its due time as of its last running moment (for a paused clock: had it not paused)
	 * @param raised the thresholds and the breach raised, with the deadlines they fell due at, in order
	 */
	public record Written(ClockState.Status status, Instant dueAt, List<Raised> raised) {

		/** The breach deadline if the clock was breached, else {@code null}. */
		public Instant breachedAt() {
			return raised.stream().filter(r -> r.percent() == 100).map(Raised::deadline).findFirst().orElse(null);
		}
	}

	/** A threshold (or 100: the breach) raised at its deadline. */
	public record Raised(int percent, Instant deadline) {
	}
}
