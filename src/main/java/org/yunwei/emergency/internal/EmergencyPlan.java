package org.yunwei.emergency.internal;

import org.yunwei.approval.ReviewedVersions;

/**
 * An emergency plan and its lifecycle: draft → in review → approved → retired. The working copy is what its authors
 * edit; events follow the approved version, which stays in force while a revision is drafted or reviewed. The
 * stages and their refusals are the approval module's {@link ReviewedVersions}, which knowledge articles share;
 * approval only follows a grant for the version under review.
 */
public final class EmergencyPlan {

	private static final String REFUSALS = "emergency.plan";

	private final long id;
	private final long partyId;
	private final long orgUnitId;
	private final long ownerId;
	private EmergencyPlanContent content;
	private final ReviewedVersions review;

	EmergencyPlan(long id, long partyId, long orgUnitId, long ownerId, EmergencyPlanContent content, EmergencyPlanStatus status,
			Long approvedVersionId, Long pendingVersionId, String returnReason) {
		this.id = id;
		this.partyId = partyId;
		this.orgUnitId = orgUnitId;
		this.ownerId = ownerId;
		this.content = content;
		this.review = new ReviewedVersions(REFUSALS, stage(status), approvedVersionId, pendingVersionId, returnReason);
	}

	static EmergencyPlan draft(long partyId, long orgUnitId, long ownerId, EmergencyPlanContent content) {
		return new EmergencyPlan(0, partyId, orgUnitId, ownerId, content, EmergencyPlanStatus.DRAFT, null, null, null);
	}

	/** The author changes the working copy; refused while in review (withdraw first) and once retired. */
	void revise(EmergencyPlanContent revised) {
		review.revise();
		content = revised;
	}

	/** The working copy goes for approval as the given version; only a draft may. */
	void submit(long versionId) {
		review.submit(versionId);
	}

	boolean awaits(long versionId) {
		return review.awaits(versionId);
	}

	/** The version under review was granted: it is in force now; returns the version it replaces, or null. */
	Long approve(long versionId) {
		return review.approve(versionId);
	}

	/** The version under review was rejected, returned or withdrawn: a draft again, with the reason shown. */
	void notApproved(long versionId, String reason) {
		review.notApproved(versionId, reason);
	}

	/** No new event may follow it; refused under review and once retired. */
	void retire() {
		review.retire(false);
	}

	/** Whether an event may follow this plan now: an approved version in force and not retired. */
	boolean inForce() {
		return review.inForce();
	}

	public long id() {
		return id;
	}

	public long partyId() {
		return partyId;
	}

	public long orgUnitId() {
		return orgUnitId;
	}

	public long ownerId() {
		return ownerId;
	}

	public EmergencyPlanContent content() {
		return content;
	}

	public EmergencyPlanStatus status() {
		return switch (review.stage()) {
			case DRAFT -> EmergencyPlanStatus.DRAFT;
			case IN_REVIEW -> EmergencyPlanStatus.IN_REVIEW;
			case IN_FORCE -> EmergencyPlanStatus.APPROVED;
			case RETIRED -> EmergencyPlanStatus.RETIRED;
		};
	}

	public Long approvedVersionId() {
		return review.inForceVersionId();
	}

	public Long pendingVersionId() {
		return review.pendingVersionId();
	}

	public String returnReason() {
		return review.returnReason();
	}

	private static ReviewedVersions.Stage stage(EmergencyPlanStatus status) {
		return switch (status) {
			case DRAFT -> ReviewedVersions.Stage.DRAFT;
			case IN_REVIEW -> ReviewedVersions.Stage.IN_REVIEW;
			case APPROVED -> ReviewedVersions.Stage.IN_FORCE;
			case RETIRED -> ReviewedVersions.Stage.RETIRED;
		};
	}
}
