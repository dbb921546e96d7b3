package org.yunwei.approval;

import java.time.Instant;
import java.util.List;

/**
 * One rule of a {@link PolicyRuleBook}: the subjects whose key it names go to its policy.
 *
 * @param key the values of the book's key parts, in their order
 * @param policyName {@code null} when the policy has been retired since
 */
public record PolicyRule(long id, List<String> key, long policyId, String policyName, int version, Instant updatedAt,
		Instant retiredAt) {

	public PolicyRule {
		key = List.copyOf(key);
	}

	public boolean retired() {
		return retiredAt != null;
	}
}
