package org.yunwei.cmdb.internal;

import java.time.Instant;

/**
 * A relation between two configuration items, with the names of both ends as the reader may know them.
 *
 * @param removedAt when it was removed; {@code null} while it holds
 */
public record Relation(long id, long sourceId, String sourceName, String sourceClassCode, long targetId,
		String targetName, String targetClassCode, RelationType type, String note, Instant createdAt,
		String createdByName, Instant removedAt) {
}
