package org.yunwei.emergency.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalGranted;
import org.yunwei.approval.ApprovalRejected;
import org.yunwei.approval.ApprovalReturned;
import org.yunwei.approval.ApprovalWithdrawn;

/**
 * The approval module's decisions on reports; decisions on other subjects are not ours. Safe to receive twice:
 * {@link EmergencyReportApproval} acts only on a report still in review at the decided hash.
 */
@Component
class EmergencyReportApprovalListener {

	private final EmergencyReportApproval approval;

	EmergencyReportApprovalListener(EmergencyReportApproval approval) {
		this.approval = approval;
	}

	@ApplicationModuleListener
	void on(ApprovalGranted event) {
		if (ours(event.subjectType())) {
			approval.granted(event.subjectId(), event.versionHash(), event.requestId(), event.at());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalRejected event) {
		if (ours(event.subjectType())) {
			approval.notGranted(event.subjectId(), event.versionHash(), event.requestId(), "REJECTED",
					event.reason(), event.at());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalReturned event) {
		if (ours(event.subjectType())) {
			approval.notGranted(event.subjectId(), event.versionHash(), event.requestId(), "RETURNED",
					event.reason(), event.at());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalWithdrawn event) {
		if (ours(event.subjectType())) {
			approval.notGranted(event.subjectId(), event.versionHash(), event.requestId(), "WITHDRAWN", null,
					event.at());
		}
	}

	private static boolean ours(String subjectType) {
		return EmergencyReportApproval.SUBJECT_TYPE.equals(subjectType);
	}
}
