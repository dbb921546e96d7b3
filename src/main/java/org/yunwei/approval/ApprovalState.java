package org.yunwei.approval;

import java.time.Instant;

/**
 * A request as its requester's module sees it.
 *
 * @param reason why it was rejected or returned; {@code null} otherwise
 * @param decidedAt when it ended; {@code null} while {@link ApprovalOutcome#PENDING}
 */
public record ApprovalState(long requestId, ApprovalSubject subject, ApprovalOutcome outcome, String reason,
		Instant decidedAt) {
}
