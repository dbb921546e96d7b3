package org.yunwei.approval;

/** Where a request stands: waiting, or how it ended. */
public enum ApprovalOutcome {
	PENDING, GRANTED, REJECTED, RETURNED, WITHDRAWN, SUPERSEDED
}
