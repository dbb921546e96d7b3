package org.yunwei.emergency.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalSubjects;

/**
 * Emergency plan versions as the approval module's subjects. Safe to receive twice: {@link EmergencyPlanApproval}
 * acts only on a version its plan still waits for at the decided hash.
 */
@Component
class EmergencyPlanVersionsAsApprovalSubjects implements ApprovalSubjects {

	private final EmergencyPlanApproval approval;

	EmergencyPlanVersionsAsApprovalSubjects(EmergencyPlanApproval approval) {
		this.approval = approval;
	}

	@Override
	public String subjectType() {
		return EmergencyPlanApproval.SUBJECT_TYPE;
	}

	@Override
	public void granted(long requestId, long versionId, String versionHash, Instant at) {
		approval.granted(versionId, versionHash, at);
	}

	@Override
	public void notGranted(long requestId, long versionId, String versionHash, ApprovalOutcome outcome, String reason,
			Instant at) {
		approval.notGranted(versionId, versionHash, outcome.name(), reason, at);
	}
}
