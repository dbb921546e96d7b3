package org.yunwei.ticket.internal.work;

import java.time.Instant;

import org.yunwei.sla.ClockState;

/**
 * An SLA clock of a ticket as a page or the API shows it: the countdown.
 *
 * @param remainingSeconds counted time left (negative once breached) at the moment read
 */
public record ClockView(String kind, String status, Instant dueAt, long remainingSeconds, int percentElapsed,
		boolean breached, String basis, long targetSeconds) {

	public static ClockView of(ClockState state) {
		return new ClockView(state.kind().name(), state.status().name(), state.dueAt(),
				state.remaining().toSeconds(), state.percentElapsed(), state.breached(), state.terms().basis().name(),
				state.terms().target().toSeconds());
	}
}
