package org.yunwei.release.internal;

/**
 * Where a release stands: planned (draft), submitted for approval, approved (may be deployed), deployed (its
 * deployment record written), completed (its completion record written, the CMDB told); or cancelled before
 * deployment.
 */
public enum ReleaseStatus {
	DRAFT, SUBMITTED, APPROVED, DEPLOYED, COMPLETED, CANCELLED;

	/** Whether the release's content (scope, changes, plan) may still be edited. */
	boolean editable() {
		return this == DRAFT || this == SUBMITTED || this == APPROVED;
	}
}
