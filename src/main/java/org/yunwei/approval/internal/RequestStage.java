package org.yunwei.approval.internal;

import java.time.Instant;

/** A stage of one request: what it needs and how it went. */
public record RequestStage(long requestId, int position, String name, StageRule rule, int requiredCount,
		StageState state, Instant startedAt, Instant dueAt, Instant remindedAt, Instant escalatedAt, Instant endedAt) {
}
