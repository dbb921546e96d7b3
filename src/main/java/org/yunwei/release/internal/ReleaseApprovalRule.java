package org.yunwei.release.internal;

import java.time.Instant;

/**
 * Which approval policy releases of a type (MAJOR, MINOR, EMERGENCY) go to at submission. A type without a live rule
 * goes to the installation's default policy (the approval module's built-in one: the requester's unit lead).
 *
 * @param policyName {@code null} when the policy has been retired in the approval module since
 */
public record ReleaseApprovalRule(long id, String releaseType, long policyId, String policyName, int version,
		Instant updatedAt, Instant retiredAt) {

	public boolean retired() {
		return retiredAt != null;
	}
}
