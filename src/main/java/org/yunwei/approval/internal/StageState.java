package org.yunwei.approval.internal;

/** How a stage of a request stands. */
public enum StageState {
	NOT_REACHED, WAITING, APPROVED, REJECTED, RETURNED, SKIPPED, CLOSED
}
