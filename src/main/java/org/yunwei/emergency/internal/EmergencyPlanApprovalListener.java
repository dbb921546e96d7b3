package org.yunwei.emergency.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalGranted;
import org.yunwei.approval.ApprovalRejected;
import org.yunwei.approval.ApprovalReturned;
import org.yunwei.approval.ApprovalWithdrawn;

/**
 * The approval module's decisions on plan versions; decisions on other subjects are not ours. Safe to receive twice:
 * {@link EmergencyPlanApproval} acts only on a version its plan still waits for at the decided hash.
 */
@Component
class EmergencyPlanApprovalListener {

	private final EmergencyPlanApproval approval;

	EmergencyPlanApprovalListener(EmergencyPlanApproval approval) {
		this.approval = approval;
	}

	@ApplicationModuleListener
	void on(ApprovalGranted event) {
		if (ours(event.subjectType())) {
			approval.granted(event.subjectId(), event.versionHash(), event.at());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalRejected event) {
		if (ours(event.subjectType())) {
			approval.notGranted(event.subjectId(), event.versionHash(), "REJECTED", event.reason(), event.at());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalReturned event) {
		if (ours(event.subjectType())) {
			approval.notGranted(event.subjectId(), event.versionHash(), "RETURNED", event.reason(), event.at());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalWithdrawn event) {
		if (ours(event.subjectType())) {
			approval.notGranted(event.subjectId(), event.versionHash(), "WITHDRAWN", null, event.at());
		}
	}

	private static boolean ours(String subjectType) {
		return EmergencyPlanApproval.SUBJECT_TYPE.equals(subjectType);
	}
}
