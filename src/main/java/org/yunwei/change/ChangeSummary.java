package org.yunwei.change;

import java.time.Instant;

/**
 * A change as other modules see it: to link an incident or a problem to the change that fixes it.
 *
 * @param status {@code DRAFT}, {@code SUBMITTED}, {@code APPROVED}, {@code IMPLEMENTING}, {@code IMPLEMENTED},
 *        {@code CLOSED} or {@code CANCELLED}
 * @param outcome {@code SUCCESSFUL}, {@code ROLLED_BACK} or {@code REMEDIED}; {@code null} until implemented
 */
public record ChangeSummary(long id, String number, String title, String status, String category,
		String riskLevel, Instant plannedStart, Instant plannedEnd, String outcome) {
}
