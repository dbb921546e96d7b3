package org.yunwei.change.internal;

import java.time.Instant;

/**
 * A freeze window (重要保障期): a period, e.g. a major event or a holiday, in which no change but an emergency one
 * may be implemented, and an emergency one only with an extra override approval.
 */
public record FreezeWindow(long id, String name, String reason, Instant startsAt, Instant endsAt, long createdBy,
		Instant createdAt) {

	boolean overlaps(Instant start, Instant end) {
		return start != null && end != null && start.isBefore(endsAt) && end.isAfter(startsAt);
	}
}
