package org.yunwei.change.internal;

import java.time.Instant;

/**
 * Which approval policy changes of a category and risk level go to. {@code riskLevel} is a {@link RiskLevel} or
 * {@code ANY} (the category's levels without a rule of their own); the category {@code FREEZE_OVERRIDE} with
 * {@code ANY} names the policy of the extra approval an emergency change in a freeze window needs.
 */
public record ChangeApprovalRule(long id, String category, String riskLevel, long policyId, String policyName,
		int version, Instant updatedAt, Instant retiredAt) {

	public boolean retired() {
		return retiredAt != null;
	}
}
