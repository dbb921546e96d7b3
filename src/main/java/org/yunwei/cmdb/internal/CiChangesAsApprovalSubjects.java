package org.yunwei.cmdb.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalSubjects;

/**
 * Reviewed item changes (an item's edit, lifecycle move, relation added or removed) as the approval module's subjects.
 * Safe to receive twice: {@link CiReview} acts only on a change its item still waits for at the decided hash.
 */
@Component
class CiChangesAsApprovalSubjects implements ApprovalSubjects {

	private final CiReview review;

	CiChangesAsApprovalSubjects(CiReview review) {
		this.review = review;
	}

	@Override
	public String subjectType() {
		return CiReview.SUBJECT_TYPE;
	}

	@Override
	public void granted(long requestId, long itemId, String versionHash, Instant at) {
		review.granted(itemId, versionHash, at);
	}

	@Override
	public void notGranted(long requestId, long itemId, String versionHash, ApprovalOutcome outcome, String reason,
			Instant at) {
		review.notGranted(itemId, versionHash, outcome.name(), reason, at);
	}
}
