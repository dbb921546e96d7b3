package org.yunwei.approval.internal;

import java.time.Instant;

/** A person lets another decide for them during a period (出差, 休假). */
public record Delegation(long id, long delegatorId, long delegateId, Instant validFrom, Instant validUntil,
		String reason, Instant revokedAt, Instant createdAt) {

	public boolean activeAt(Instant at) {
		return revokedAt == null && !at.isBefore(validFrom) && at.isBefore(validUntil);
	}
}
