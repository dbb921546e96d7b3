package org.yunwei.approval.internal;

import java.time.Instant;
import java.util.Map;

import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalState;
import org.yunwei.approval.ApprovalSubject;

/**
 * A request for approval of a subject at one version, under the policy version it started with.
 *
 * @param stagePosition the stage that waits; {@code null} once the request has ended
 */
public record ApprovalRequest(long id, ApprovalSubject subject, long policyVersionId, long requesterId,
		long requesterPartyId, long requesterUnitId, String summary, String link, Map<String, Object> facts,
		ApprovalOutcome outcome, String reason, Integer stagePosition, Instant requestedAt, Instant decidedAt) {

	public boolean open() {
		return outcome == ApprovalOutcome.PENDING;
	}

	public ApprovalState state() {
		return new ApprovalState(id, subject, outcome, reason, decidedAt);
	}
}
