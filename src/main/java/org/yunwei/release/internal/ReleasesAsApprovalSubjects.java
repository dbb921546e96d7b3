package org.yunwei.release.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalSubjects;

/**
 * Releases as the approval module's subjects (发布审批流程); a refusal makes the release a draft again. Safe to receive
 * twice: {@link ReleaseRegister} acts only on a release still under approval at the decided hash.
 */
@Component
class ReleasesAsApprovalSubjects implements ApprovalSubjects {

	private final ReleaseRegister register;

	ReleasesAsApprovalSubjects(ReleaseRegister register) {
		this.register = register;
	}

	@Override
	public String subjectType() {
		return ReleaseRegister.SUBJECT_TYPE;
	}

	@Override
	public void granted(long requestId, long releaseId, String versionHash, Instant at) {
		register.granted(releaseId, versionHash, at);
	}

	@Override
	public void notGranted(long requestId, long releaseId, String versionHash, ApprovalOutcome outcome, String reason,
			Instant at) {
		register.notGranted(releaseId, versionHash, outcome, reason);
	}
}
