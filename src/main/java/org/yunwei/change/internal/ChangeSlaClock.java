package org.yunwei.change.internal;

import java.time.Instant;

import org.yunwei.sla.ClockState;

/**
 * One SLA clock of a change as its page and the API show it.
 *
 * @param clock {@code APPROVAL} (submission to the approval decision) or {@code IMPLEMENTATION} (actual start to
 *        the planned end)
 * @param status running, paused or stopped
 * @param dueAt when the target is (or was) reached
 * @param remainingMinutes counted minutes left until {@code dueAt} (at the stop, for a stopped clock); negative once
 *        breached
 * @param percentElapsed counted time so far in percent of the target
 * @param breached whether the target was missed
 */
public record ChangeSlaClock(String clock, ClockState.Status status, Instant startedAt, Instant dueAt,
		long remainingMinutes, int percentElapsed, boolean breached, Instant stoppedAt) {

	static ChangeSlaClock of(String clock, ClockState state) {
		return new ChangeSlaClock(clock, state.status(), state.startedAt(), state.dueAt(),
				state.remaining().toMinutes(), state.percentElapsed(), state.breached(), state.stoppedAt());
	}

	/** Running or paused: the page counts it down. */
	public boolean live() {
		return status != ClockState.Status.STOPPED;
	}
}
