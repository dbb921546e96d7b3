package org.yunwei.knowledge.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalSubjects;

/**
 * Article versions as the approval module's subjects (入库审批). Safe to receive twice: {@link ArticlePublication}
 * acts only on a version its article still waits for at the decided hash.
 */
@Component
class ArticleVersionsAsApprovalSubjects implements ApprovalSubjects {

	private final ArticlePublication publication;

	ArticleVersionsAsApprovalSubjects(ArticlePublication publication) {
		this.publication = publication;
	}

	@Override
	public String subjectType() {
		return ArticlePublication.SUBJECT_TYPE;
	}

	@Override
	public void granted(long requestId, long versionId, String versionHash, Instant at) {
		publication.granted(versionId, versionHash, at);
	}

	@Override
	public void notGranted(long requestId, long versionId, String versionHash, ApprovalOutcome outcome, String reason,
			Instant at) {
		publication.notGranted(versionId, versionHash, outcome.name(), reason, at);
	}
}
