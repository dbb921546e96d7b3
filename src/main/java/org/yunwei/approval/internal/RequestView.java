package org.yunwei.approval.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.yunwei.approval.ApprovalOutcome;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A request as its page and {@code GET /api/v1/approvals/{id}} show it: the subject, the policy version it runs
 * under, each stage with its approvers and how it went, every decision, and what the reader may do now.
 */
@Schema(name = "ApprovalRequest")
public record RequestView(long id, @Schema(example = "document-version") String subjectType, long subjectId,
		String versionHash, String summary, String link, long requesterId, String requesterName, long policyId,
		String policyName, int policyVersion, Map<String, Object> facts, ApprovalOutcome outcome, String reason,
		Instant requestedAt, Instant decidedAt, List<Stage> stages, List<DecisionLine> decisions, boolean mayDecide,
		boolean mayWithdraw) {

	@Schema(name = "ApprovalRequestStage")
	public record Stage(int position, String name, StageRule rule, int requiredCount, StageState state,
			Instant startedAt, Instant dueAt, Instant endedAt, List<Approver> approvers) {
	}

	/** An approver fixed when the stage started; a post's backup names the holder they stand in for. */
	@Schema(name = "ApprovalStageApprover")
	public record Approver(long personId, String name, AssignmentVia via, boolean waiting, Long standsInFor,
			String standsInForName) {
	}

	@Schema(name = "ApprovalDecision")
	public record DecisionLine(int stagePosition, long deciderId, String deciderName, Long onBehalfOf,
			String onBehalfOfName, DecisionKind decision, String reason, String versionHash, Instant decidedAt) {
	}
}
