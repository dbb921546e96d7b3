package org.yunwei.approval.internal;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** A decision a person made, as the second tab of their inbox lists it. */
@Schema(name = "ApprovalDecidedItem")
public record DecidedItem(long decisionId, long requestId, String subjectType, long subjectId, String summary,
		String link, String stageName, DecisionKind decision, String reason, Instant decidedAt,
		org.yunwei.approval.ApprovalOutcome outcome) {
}
