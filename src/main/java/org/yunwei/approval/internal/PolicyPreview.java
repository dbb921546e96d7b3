package org.yunwei.approval.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Who would approve a sample request under a policy: each stage, whether its condition holds, and its people. */
@Schema(name = "ApprovalPolicyPreview")
public record PolicyPreview(long policyId, int version, long requesterId, String requesterName, List<Stage> stages) {

	@Schema(name = "ApprovalPolicyPreviewStage")
	public record Stage(int position, String name, boolean applies, StageRule rule, int requiredCount,
			List<String> approvers) {
	}
}
