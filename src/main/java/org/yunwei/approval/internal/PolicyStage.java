package org.yunwei.approval.internal;

import java.util.List;

/**
 * A stage of a policy version: its approvers, how many must approve, the condition on the request's facts under which
 * it applies ({@code null}: always), and its time limit in business minutes ({@code null}: none).
 */
public record PolicyStage(int position, String name, StageRule rule, int requiredCount, String condition,
		Integer timeLimitMinutes, List<StageApprover> approvers) {

	public PolicyStage {
		approvers = List.copyOf(approvers);
	}
}
