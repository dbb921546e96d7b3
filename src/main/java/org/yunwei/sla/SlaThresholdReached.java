package org.yunwei.sla;

import java.time.Instant;

/**
 * A running clock passed one of its warning thresholds (预警): {@code percent} of its target has elapsed. Raised once
 * per threshold and clock, in order, and committed together with the clock's record of it.
 *
 * @param deadline when the threshold fell due; the event may come later after downtime
 * @param agreementId {@code null} when the target came from no agreement
 */
public record SlaThresholdReached(String subjectType, String subjectId, ClockKind kind, int percent, Instant deadline,
		Long agreementId, Priority priority) {
}
