package org.yunwei.release;

import java.time.Instant;

/**
 * A release as other modules see it.
 *
 * @param type {@code MAJOR}, {@code MINOR} or {@code EMERGENCY}
 * @param status {@code DRAFT}, {@code SUBMITTED}, {@code APPROVED}, {@code DEPLOYED}, {@code COMPLETED} or
 *        {@code CANCELLED}
 */
public record ReleaseSummary(long id, String number, String title, String type, String status,
		String releaseVersion, Instant plannedAt, Instant completedAt) {
}
