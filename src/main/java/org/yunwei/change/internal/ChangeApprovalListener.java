package org.yunwei.change.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalGranted;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalRejected;
import org.yunwei.approval.ApprovalReturned;
import org.yunwei.approval.ApprovalWithdrawn;

/**
 * The approval module's decisions on change requests and on their freeze overrides; a refusal of either makes the
 * change a draft again. Decisions on other subjects are not ours. Safe to receive
 * twice: {@link ChangeRegister} acts only on a change still under approval at the decided hash.
 */
@Component
class ChangeApprovalListener {

	private final ChangeRegister register;

	ChangeApprovalListener(ChangeRegister register) {
		this.register = register;
	}

	@ApplicationModuleListener
	void on(ApprovalGranted event) {
		if (ours(event.subjectType())) {
			register.granted(event.subjectId(), event.versionHash(), event.at(),
					ChangeRegister.OVERRIDE_SUBJECT_TYPE.equals(event.subjectType()));
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
		return ChangeRegister.SUBJECT_TYPE.equals(subjectType)
				|| ChangeRegister.OVERRIDE_SUBJECT_TYPE.equals(subjectType);
	}
}
