package org.yunwei.change.internal;

import java.time.Instant;

/** A change as the list shows it. */
public record ChangeLine(long id, String number, String title, ChangeStatus status, ChangeCategory category,
		ChangeType type, RiskLevel riskLevel, Instant plannedStart, Instant plannedEnd, int items, Instant updatedAt) {
}
