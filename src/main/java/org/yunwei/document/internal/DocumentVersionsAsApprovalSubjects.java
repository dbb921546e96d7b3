package org.yunwei.document.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalOutcome;
import org.yunwei.approval.ApprovalSubjects;

/**
 * Document versions as the approval module's subjects; a granted version takes effect no earlier than the day of the
 * grant in the documents' zone. Safe to receive twice: {@link DocumentPublication} acts only on a version still
 * pending at the decided hash.
 */
@Component
class DocumentVersionsAsApprovalSubjects implements ApprovalSubjects {

	private final DocumentPublication publication;
	private final ZoneId zone;

	DocumentVersionsAsApprovalSubjects(DocumentPublication publication,
			@Value("${yunwei.documents.zone:Asia/Shanghai}") ZoneId zone) {
		this.publication = publication;
		this.zone = zone;
	}

	@Override
	public String subjectType() {
		return DocumentPublication.SUBJECT_TYPE;
	}

	@Override
	public void granted(long requestId, long versionId, String versionHash, Instant at) {
		publication.granted(versionId, versionHash, at, LocalDate.ofInstant(at, zone));
	}

	@Override
	public void notGranted(long requestId, long versionId, String versionHash, ApprovalOutcome outcome, String reason,
			Instant at) {
		publication.notGranted(versionId, versionHash, outcome.name(), reason);
	}
}
