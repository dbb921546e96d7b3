package org.yunwei.sla;

import java.time.Instant;

/**
 * One entry of a clock's history, the timeline shown to an assessor. The state of a clock is derived from these
 * entries alone.
 *
 * @param seq the position in the clock's history, from 1
 * @param type what happened
 * @param occurredAt when it happened (for raised thresholds and breaches: when the engine raised them)
 * @param terms the terms set by {@code STARTED} and {@code TARGET_CHANGED}, otherwise {@code null}
 * @param percent the threshold reached ({@code THRESHOLD_REACHED}) or 100 ({@code BREACHED}), otherwise {@code null}
 * @param deadline when that threshold or the breach fell due (at most {@code occurredAt}), otherwise {@code null}
 */
public record ClockEvent(int seq, Type type, Instant occurredAt, ClockTerms terms, Integer percent,
		Instant deadline) {

	public enum Type {
		STARTED, PAUSED, RESUMED, STOPPED,
		/**
		 * A stopped (or paused) clock runs again: the work it measured was reopened. The time since it stopped does
		 * not count, as for a pause; deadlines raised before stay raised.
		 */
		REOPENED,
		TARGET_CHANGED, THRESHOLD_REACHED, BREACHED,
		/** The clock's state was recomputed from this history after a calendar or agreement correction. */
		REPAIRED;

		/** Whether something outside the engine caused it, as opposed to the engine raising or repairing. */
		public boolean isTransition() {
			return this != THRESHOLD_REACHED && this != BREACHED && this != REPAIRED;
		}
	}
}
