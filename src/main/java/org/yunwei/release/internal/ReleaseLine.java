package org.yunwei.release.internal;

import java.time.Instant;

/** A release as the list shows it. */
public record ReleaseLine(long id, String number, String title, ReleaseStatus status, ReleaseType type,
		String releaseVersion, Instant plannedAt, int items, int changes, Instant updatedAt) {
}
