package org.yunwei.change.internal;

/**
 * Where a change stands: drafted, submitted for approval, approved (may be implemented), under implementation,
 * implemented (outcome recorded, review due), closed after its review; or cancelled before implementation.
 */
public enum ChangeStatus {
	DRAFT, SUBMITTED, APPROVED, IMPLEMENTING, IMPLEMENTED, CLOSED, CANCELLED;

	/** Whether the request's content (what, why, items, plan, schedule) may still be edited. */
	boolean editable() {
		return this == DRAFT || this == SUBMITTED || this == APPROVED;
	}
}
