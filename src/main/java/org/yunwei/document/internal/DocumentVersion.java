package org.yunwei.document.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A version of a document: an uploaded file or rich text, with the content's SHA-256 (the hash an approval holds
 * for).
 *
 * @param status DRAFT, PENDING, PUBLISHED or SUPERSEDED
 * @param kind FILE or TEXT
 * @param internal a file only the keeping party's side sees (never a customer): each download is audited
 * @param reason why the last approval did not grant it, in the approver's words; {@code null} when none was given
 * @param declined how the last approval ended when it did not grant it: REJECTED, RETURNED or WITHDRAWN
 */
public record DocumentVersion(long id, long documentId, int number, VersionStatus status, String kind,
		String filename, String contentType, Long sizeBytes, String sha256, boolean internal, String changeNote,
		LocalDate effectiveDate, String reason, String declined, Long approvalRequestId, String createdByName,
		Instant createdAt,
		Instant publishedAt) {

	public boolean file() {
		return "FILE".equals(kind);
	}

	/** The version's state as a transition sees it. */
	public enum VersionStatus {
		/** Being written; may be submitted for approval. */
		DRAFT,
		/** Its approval is under way. */
		PENDING,
		/** The current version. */
		PUBLISHED,
		/** Was current until a later version was published; still readable. */
		SUPERSEDED;

		/** Whether a version in this status may be submitted for approval. */
		public boolean submittable() {
			return this == DRAFT;
		}
	}
}
