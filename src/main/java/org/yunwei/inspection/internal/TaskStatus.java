package org.yunwei.inspection.internal;

/** Where an inspection task stands; overdue is no status but a task not done by its due time. */
public enum TaskStatus {
	/** Generated, nothing entered yet. */
	OPEN,
	/** A draft is saved. */
	IN_PROGRESS,
	/** Signed and submitted: the results are final. */
	DONE
}
