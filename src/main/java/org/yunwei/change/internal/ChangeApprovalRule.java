package org.yunwei.change.internal;

import java.time.Instant;

import org.yunwei.approval.PolicyRule;

/**
 * Which approval policy changes of a category and risk level go to. {@code riskLevel} is a {@link RiskLevel} or
 * {@code ANY} (the category's levels without a rule of their own); the category {@code FREEZE_OVERRIDE} with
 * {@code ANY} names the policy of the extra approval an emergency change in a freeze window needs.
 */
public record ChangeApprovalRule(long id, String category, String riskLevel, long policyId, String policyName,
		int version, Instant updatedAt, Instant retiredAt) {

	/** The API's view of a rule of the change approval rule book, whose key is the category and the level. */
	static ChangeApprovalRule of(PolicyRule r) {
		return new ChangeApprovalRule(r.id(), r.key().get(0), r.key().get(1), r.policyId(), r.policyName(),
				r.version(), r.updatedAt(), r.retiredAt());
	}

	public boolean retired() {
		return retiredAt != null;
	}
}
