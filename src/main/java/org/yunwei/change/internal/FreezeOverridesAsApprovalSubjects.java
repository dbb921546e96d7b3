package org.yunwei.change.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalSubjects;

/**
 * The freeze overrides (重要保障期内实施许可) of emergency changes as the approval module's subjects: a grant counts
 * towards the change's approval, a refusal makes the change a draft again, as a refusal of the change itself does.
 * Safe to receive twice: {@link ChangeRegister} acts only on a change still under approval at the decided hash.
 */
@Component
class FreezeOverridesAsApprovalSubjects implements ApprovalSubjects {

	private final ChangeRegister register;

	FreezeOverridesAsApprovalSubjects(ChangeRegister register) {
		this.register = register;
	}

	@Override
	public String subjectType() {
		return ChangeRegister.OVERRIDE_SUBJECT_TYPE;
	}

	@Override
	public void granted(long requestId, long changeId, String versionHash, Instant at) {
		register.granted(changeId, versionHash, at, true);
	}

	@Override
	public void notGranted(long requestId, long changeId, String versionHash, ApprovalOutcome outcome, String reason,
			Instant at) {
		register.notGranted(changeId, versionHash, outcome, reason);
	}
}
