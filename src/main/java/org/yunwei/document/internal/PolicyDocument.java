package org.yunwei.document.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A document of the library as its readers see it: the current version is the one last published, {@code null} while
 * none has been.
 *
 * @param partyId the party that keeps it
 * @param reviewDate when it is next to be reviewed; {@code null} when none is set
 * @param effectiveDate when its current version took effect; {@code null} while none has
 */
public record PolicyDocument(long id, long categoryId, String title, long ownerId, String ownerName, long partyId,
		String summary, LocalDate reviewDate, LocalDate effectiveDate, Long currentVersionId,
		Integer currentVersionNumber, Instant createdAt, Instant updatedAt) {

	/** Whether its review date has passed on {@code today}. */
	public boolean reviewOverdue(LocalDate today) {
		return reviewDate != null && reviewDate.isBefore(today);
	}

	public boolean published() {
		return currentVersionId != null;
	}
}
