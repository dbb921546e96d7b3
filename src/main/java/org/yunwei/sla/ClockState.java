package org.yunwei.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a clock stands at a moment, for countdowns and reports.
 *
 * @param status running, paused or stopped
 * @param terms the current target and thresholds
 * @param dueAt when the target is reached; for a paused clock, when it would be reached if it ran again at the moment
 *        asked about
 * @param remaining counted time left until {@code dueAt} at the moment asked about (for a stopped clock, at its stop);
 *        negative once breached
 * @param percentElapsed counted time so far as a percentage of the target (above 100 once breached; 100 for a zero
 *        target)
 * @param breached whether the breach was raised
 * @param stoppedAt when the clock stopped, {@code null} unless stopped
 */
public record ClockState(ClockSubject subject, ClockKind kind, Status status, ClockTerms terms, Instant startedAt,
		Instant dueAt, Duration remaining, int percentElapsed, boolean breached, Instant stoppedAt) {

	/** The life of a clock: running, paused (挂起) and again running any number of times, then stopped for good. */
	public enum Status {
		RUNNING, PAUSED, STOPPED
	}

	public boolean paused() {
		return status == Status.PAUSED;
	}
}
