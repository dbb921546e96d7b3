package org.yunwei.approval.internal;

import java.util.List;

/** One version of a policy, as a request started under it keeps it. */
public record PolicyVersion(long id, long policyId, String policyName, int version, boolean requesterMayApprove,
		List<PolicyStage> stages) {

	public PolicyVersion {
		stages = List.copyOf(stages);
	}
}
