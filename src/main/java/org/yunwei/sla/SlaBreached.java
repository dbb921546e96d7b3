package org.yunwei.sla;

import java.time.Instant;

/**
 * A running clock reached its target: the SLA is breached (超时). Raised once per clock, after all its thresholds, and
 * committed together with the clock's record of it.
 *
 * @param deadline the due time; the event may come later after downtime
 * @param agreementId {@code null} when the target came from no agreement
 */
public record SlaBreached(String subjectType, String subjectId, ClockKind kind, Instant deadline, Long agreementId,
		Priority priority) {
}
