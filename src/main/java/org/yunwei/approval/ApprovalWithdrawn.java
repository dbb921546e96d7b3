package org.yunwei.approval;

import java.time.Instant;

/**
 * An approval request's event: the requester withdrew it. Published in the
 * transaction that decided; a listener ignores the subject types that are not its own and must be safe to receive it
 * twice.
 */
public record ApprovalWithdrawn(long requestId, String subjectType, long subjectId, String versionHash, Instant at) {
}
