package org.yunwei.sla.internal.attainment;

import java.time.Duration;
import java.time.Instant;

import org.yunwei.sla.ClockKind;
import org.yunwei.sla.Priority;

/**
 * A clock of an agreement that missed its due time: stopped late in the period, or still open past its due time.
 *
 * @param stoppedAt {@code null} while the clock is still open
 * @param stillOpen the clock has not stopped yet
 * @param overdueMinutes whole minutes from the due time to the stop, or to now while still open, in wall-clock time
 */
public record BreachedItem(String subjectType, String subjectId, ClockKind kind, Priority priority, Instant dueAt,
		Instant stoppedAt, boolean stillOpen, long overdueMinutes) {

	static BreachedItem of(String subjectType, String subjectId, ClockKind kind, Priority priority, Instant dueAt,
			Instant stoppedAt, Instant now) {
		Instant end = stoppedAt == null ? now : stoppedAt;
		long overdue = end.isAfter(dueAt) ? Duration.between(dueAt, end).toMinutes() : 0;
		return new BreachedItem(subjectType, subjectId, kind, priority, dueAt, stoppedAt, stoppedAt == null, overdue);
	}
}
