package org.yunwei.change.internal;

import java.time.Instant;

/**
 * Which SLA clocks a change of a category and risk level runs (docs/decisions/0005). {@code riskLevel} is a
 * {@link RiskLevel} or {@code ANY} (the category's levels without a rule of their own).
 *
 * @param approvalMinutes the time from submission to the approval decision (审批时限), {@code null} for none
 * @param approvalBasis {@code BUSINESS} (the default business calendar) or {@code CALENDAR} time
 * @param windowDeadline whether the implementation runs against the change's planned end (实施窗口)
 * @param warningPercent the warning threshold (预警) of both clocks, in percent of the target
 */
public record ChangeSlaRule(long id, String category, String riskLevel, Integer approvalMinutes, String approvalBasis,
		boolean windowDeadline, int warningPercent, int version, Instant updatedAt, Instant retiredAt) {

	public boolean retired() {
		return retiredAt != null;
	}
}
