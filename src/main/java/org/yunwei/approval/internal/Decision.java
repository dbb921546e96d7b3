package org.yunwei.approval.internal;

import java.time.Instant;

/**
 * One decision in a stage: who, for whom ({@code onBehalfOf}, a delegator or an absent post holder; {@code null}
 * when as themselves), what, why, on which version of the subject, when.
 */
public record Decision(long id, long requestId, int stagePosition, long deciderId, Long onBehalfOf,
		DecisionKind decision, String reason, String versionHash, String seat, Instant decidedAt) {
}
