package org.yunwei.approval;

/**
 * An approval request's event: the request was opened. Published in the
 * transaction that decided; a listener ignores the subject types that are not its own and must be safe to receive it
 * twice.
 */
public record ApprovalRequested(long requestId, String subjectType, long subjectId, String versionHash,
		long requesterId) {
}
