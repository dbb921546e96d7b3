package org.yunwei.document.internal;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.approval.ApprovalGranted;
import org.yunwei.approval.ApprovalRejected;
import org.yunwei.approval.ApprovalReturned;
import org.yunwei.approval.ApprovalWithdrawn;

/**
 * The approval module's decisions on document versions; decisions on other subjects are not ours. Safe to receive
 * twice: {@link DocumentPublication} acts only on a version still pending at the decided hash.
 */
@Component
class ApprovalDecisionListener {

	private final DocumentPublication publication;
	private final ZoneId zone;

	ApprovalDecisionListener(DocumentPublication publication,
			@Value("${yunwei.documents.zone:Asia/Shanghai}") ZoneId zone) {
		this.publication = publication;
		this.zone = zone;
	}

	@ApplicationModuleListener
	void on(ApprovalGranted event) {
		if (ours(event.subjectType())) {
			publication.granted(event.subjectId(), event.versionHash(), event.at(),
					LocalDate.ofInstant(event.at(), zone));
		}
	}

	@ApplicationModuleListener
	void on(ApprovalRejected event) {
		if (ours(event.subjectType())) {
			publication.notGranted(event.subjectId(), event.versionHash(), "REJECTED", event.reason());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalReturned event) {
		if (ours(event.subjectType())) {
			publication.notGranted(event.subjectId(), event.versionHash(), "RETURNED", event.reason());
		}
	}

	@ApplicationModuleListener
	void on(ApprovalWithdrawn event) {
		if (ours(event.subjectType())) {
			publication.notGranted(event.subjectId(), event.versionHash(), "WITHDRAWN", null);
		}
	}

	private static boolean ours(String subjectType) {
		return DocumentPublication.SUBJECT_TYPE.equals(subjectType);
	}
}
