package org.yunwei.approval;

import java.time.Instant;

/**
 * An approval request's event: an approver returned it for changes, which ends the request. Published in the
 * transaction that decided; a listener ignores the subject types that are not its own and must be safe to receive it
 * twice.
 */
public record ApprovalReturned(long requestId, String subjectType, long subjectId, String versionHash, String reason,
		Instant at) {
}
