package org.yunwei.release.internal;

import java.time.Instant;

import org.yunwei.approval.PolicyRule;

/**
 * Which approval policy releases of a type (MAJOR, MINOR, EMERGENCY) go to at submission. A type without a live rule
 * goes to the installation's default policy (the approval module's built-in one: the requester's unit lead).
 *
 * @param policyName {@code null} when the policy has been retired in the approval module since
 */
public record ReleaseApprovalRule(long id, String releaseType, long policyId, String policyName, int version,
		Instant updatedAt, Instant retiredAt) {

	/** The API's view of a rule of the release approval rule book, whose key is the type. */
	static ReleaseApprovalRule of(PolicyRule r) {
		return new ReleaseApprovalRule(r.id(), r.key().getFirst(), r.policyId(), r.policyName(), r.version(),
				r.updatedAt(), r.retiredAt());
	}

	public boolean retired() {
		return retiredAt != null;
	}
}
