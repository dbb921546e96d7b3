package org.yunwei.emergency.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalSubjects;

/**
 * Emergency reports (故障报告, post-event reports, 应急演练报告) as the approval module's subjects. Safe to receive twice:
 * {@link EmergencyReportApproval} acts only on a report still in review at the decided hash.
 */
@Component
class EmergencyReportsAsApprovalSubjects implements ApprovalSubjects {

	private final EmergencyReportApproval approval;

	EmergencyReportsAsApprovalSubjects(EmergencyReportApproval approval) {
		this.approval = approval;
	}

	@Override
	public String subjectType() {
		return EmergencyReportApproval.SUBJECT_TYPE;
	}

	@Override
	public void granted(long requestId, long reportId, String versionHash, Instant at) {
		approval.granted(reportId, versionHash, requestId, at);
	}

	@Override
	public void notGranted(long requestId, long reportId, String versionHash, ApprovalOutcome outcome, String reason,
			Instant at) {
		approval.notGranted(reportId, versionHash, requestId, outcome.name(), reason, at);
	}
}
