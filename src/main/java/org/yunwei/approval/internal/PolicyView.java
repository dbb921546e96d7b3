package org.yunwei.approval.internal;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A policy with its current version's stages, each approver line named for a reader. */
@Schema(name = "ApprovalPolicy")
public record PolicyView(long id, String name, String description, boolean builtIn, boolean retired, int version,
		boolean requesterMayApprove, Instant updatedAt, List<Stage> stages) {

	@Schema(name = "ApprovalPolicyStage")
	public record Stage(int position, String name, StageRule rule, int requiredCount, String condition,
			Integer timeLimitMinutes, List<Line> approvers) {
	}

	/** An approver line and its label, e.g. "岗位：变更经理（运维部）". */
	@Schema(name = "ApprovalPolicyApprover")
	public record Line(ApproverKind kind, Long personId, String roleCode, Long partyId, Long orgUnitId, Long postId,
			String label) {
	}
}
