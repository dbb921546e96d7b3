package org.yunwei.emergency.internal;

import org.yunwei.web.RejectedRequest;

/**
 * An emergency plan and its lifecycle: draft → in review → approved → retired. The working copy is what its authors
 * edit; events follow the approved version, which stays in force while a revision is drafted or reviewed. Each
 * transition checks the state it starts from and refuses (409) otherwise; approval only follows a grant for the
 * version under review.
 */
public final class EmergencyPlan {

	private final long id;
	private final long partyId;
	private final long orgUnitId;
	private final long ownerId;
	private EmergencyPlanContent content;
	private EmergencyPlanStatus status;
	private Long approvedVersionId;
	private Long pendingVersionId;
	private String returnReason;

	EmergencyPlan(long id, long partyId, long orgUnitId, long ownerId, EmergencyPlanContent content, EmergencyPlanStatus status,
			Long approvedVersionId, Long pendingVersionId, String returnReason) {
		this.id = id;
		this.partyId = partyId;
		this.orgUnitId = orgUnitId;
		this.ownerId = ownerId;
		this.content = content;
		this.status = status;
		this.approvedVersionId = approvedVersionId;
		this.pendingVersionId = pendingVersionId;
		this.returnReason = returnReason;
	}

	static EmergencyPlan draft(long partyId, long orgUnitId, long ownerId, EmergencyPlanContent content) {
		return new EmergencyPlan(0, partyId, orgUnitId, ownerId, content, EmergencyPlanStatus.DRAFT, null, null, null);
	}

	/** The author changes the working copy; refused while in review (withdraw first) and once retired. */
	void revise(EmergencyPlanContent revised) {
		if (status == EmergencyPlanStatus.IN_REVIEW || status == EmergencyPlanStatus.RETIRED) {
			throw RejectedRequest.conflict("emergency-plan-not-editable", "emergency.plan.not-editable");
		}
		content = revised;
		status = EmergencyPlanStatus.DRAFT;
		returnReason = null;
	}

	/** The working copy goes for approval as the given version; only a draft may. */
	void submit(long versionId) {
		if (status != EmergencyPlanStatus.DRAFT) {
			throw RejectedRequest.conflict("emergency-plan-not-draft", "emergency.plan.not-draft");
		}
		status = EmergencyPlanStatus.IN_REVIEW;
		pendingVersionId = versionId;
		returnReason = null;
	}

	boolean awaits(long versionId) {
		return status == EmergencyPlanStatus.IN_REVIEW && pendingVersionId != null && pendingVersionId == versionId;
	}

	/** The version under review was granted: it is in force now; returns the version it replaces, or null. */
	Long approve(long versionId) {
		if (!awaits(versionId)) {
			throw RejectedRequest.conflict("emergency-plan-not-approved", "emergency.plan.not-in-review");
		}
		Long replaced = approvedVersionId;
		approvedVersionId = versionId;
		pendingVersionId = null;
		status = EmergencyPlanStatus.APPROVED;
		return replaced;
	}

	/** The version under review was rejected, returned or withdrawn: a draft again, with the reason shown. */
	void notApproved(long versionId, String reason) {
		if (!awaits(versionId)) {
			throw RejectedRequest.conflict("emergency-plan-not-in-review", "emergency.plan.not-in-review");
		}
		pendingVersionId = null;
		status = EmergencyPlanStatus.DRAFT;
		returnReason = reason;
	}

	/** No new event may follow it; refused under review and once retired. */
	void retire() {
		if (status == EmergencyPlanStatus.RETIRED || status == EmergencyPlanStatus.IN_REVIEW) {
			throw RejectedRequest.conflict("emergency-plan-not-retirable", "emergency.plan.not-retirable");
		}
		status = EmergencyPlanStatus.RETIRED;
	}

	/** Whether an event may follow this plan now: an approved version in force and not retired. */
	boolean inForce() {
		return approvedVersionId != null && status != EmergencyPlanStatus.RETIRED;
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
		return status;
	}

	public Long approvedVersionId() {
		return approvedVersionId;
	}

	public Long pendingVersionId() {
		return pendingVersionId;
	}

	public String returnReason() {
		return returnReason;
	}
}
