package org.yunwei.release.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalGranted;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalRejected;
import org.yunwei.approval.ApprovalReturned;
import org.yunwei.approval.ApprovalWithdrawn;

/**
 * The approval module's decisions on releases (发布审批流程); a refusal makes the release a draft again. Decisions on
 * other subjects are not ours. Safe to receive twice: {@link ReleaseRegister} acts only on a release still under
 * approval at the decided hash.
 */
@Component
class ReleaseApprovalListener {

	private final ReleaseRegister register;

	ReleaseApprovalListener(ReleaseRegister register) {
		this.register = register;
	}

	@ApplicationModuleListener
	void on(ApprovalGranted event) {
		if (ours(event.subjectType())) {
			register.granted(event.subjectId(), event.versionHash(), event.at());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalRejected event) {
		if (ours(event.subjectType())) {
			register.notGranted(event.subjectId(), event.versionHash(), ApprovalOutcome.REJECTED, event.reason());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalReturned event) {
		if (ours(event.subjectType())) {
			register.notGranted(event.subjectId(), event.versionHash(), ApprovalOutcome.RETURNED, event.reason());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalWithdrawn event) {
		if (ours(event.subjectType())) {
			register.notGranted(event.subjectId(), event.versionHash(), ApprovalOutcome.WITHDRAWN, null);
		}
	}

	private static boolean ours(String subjectType) {
		return ReleaseRegister.SUBJECT_TYPE.equals(subjectType);
	}
}
