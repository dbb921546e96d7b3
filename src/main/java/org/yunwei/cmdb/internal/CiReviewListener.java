package org.yunwei.cmdb.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalGranted;
import org.yunwei.approval.ApprovalRejected;
import org.yunwei.approval.ApprovalReturned;
import org.yunwei.approval.ApprovalWithdrawn;

/**
 * The approval module's decisions on reviewed item changes; decisions on other subjects are not ours. Safe to
 * receive twice: {@link CiReview} acts only on a change its item still waits for at the decided hash.
 */
@Component
class CiReviewListener {

	private final CiReview review;

	CiReviewListener(CiReview review) {
		this.review = review;
	}

	@ApplicationModuleListener
	void on(ApprovalGranted event) {
		if (ours(event.subjectType())) {
			review.granted(event.subjectId(), event.versionHash(), event.at());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalRejected event) {
		if (ours(event.subjectType())) {
			review.notGranted(event.subjectId(), event.versionHash(), "REJECTED", event.reason(), event.at());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalReturned event) {
		if (ours(event.subjectType())) {
			review.notGranted(event.subjectId(), event.versionHash(), "RETURNED", event.reason(), event.at());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalWithdrawn event) {
		if (ours(event.subjectType())) {
			review.notGranted(event.subjectId(), event.versionHash(), "WITHDRAWN", null, event.at());
		}
	}

	private static boolean ours(String subjectType) {
		return CiReview.SUBJECT_TYPE.equals(subjectType);
	}
}
