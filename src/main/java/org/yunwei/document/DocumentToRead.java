package org.yunwei.document;

import java.time.Instant;

/**
 * A published document version the signed-in person is asked to confirm having read (阅知确认), and has not yet.
 *
 * @param documentId the document
 * @param versionId the version to confirm
 * @param title the document's title
 * @param versionNumber the version's number, 1 for the first
 * @param askedAt when the person was asked
 */
public record DocumentToRead(long documentId, long versionId, String title, int versionNumber, Instant askedAt) {

	/** The page where the person reads and confirms it. */
	public String link() {
		return "/documents/" + documentId;
	}
}
