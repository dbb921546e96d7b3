package org.yunwei.change.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalSubjects;

/**
 * Change requests as the approval module's subjects; a refusal makes the change a draft again. A change in a freeze
 * window also needs its override granted ({@link FreezeOverridesAsApprovalSubjects}). Safe to receive twice:
 * {@link ChangeRegister} acts only on a change still under approval at the decided hash.
 */
@Component
class ChangesAsApprovalSubjects implements ApprovalSubjects {

	private final ChangeRegister register;

	ChangesAsApprovalSubjects(ChangeRegister register) {
		this.register = register;
	}

	@Override
	public String subjectType() {
		return ChangeRegister.SUBJECT_TYPE;
	}

	@Override
	public void granted(long requestId, long changeId, String versionHash, Instant at) {
		register.granted(changeId, versionHash, at, false);
	}

	@Override
	public void notGranted(long requestId, long changeId, String versionHash, ApprovalOutcome outcome, String reason,
			Instant at) {
		register.notGranted(changeId, versionHash, outcome, reason);
	}
}
