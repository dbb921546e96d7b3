package org.yunwei.cmdb.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry of an item's history (配置项的变化记录).
 *
 * @param kind CREATED, UPDATED, REVIEWED (an edit applied once its review granted it), LIFECYCLE, RELATION_ADDED or
 *        RELATION_REMOVED
 * @param reason why, as the person said; {@code null} for a new item recorded without one
 * @param changes the fields the change altered
 * @param snapshot the item's values after the change
 */
public record ItemChange(long id, long itemId, int version, String kind, Instant changedAt, String changedByName,
		String reason, List<FieldChange> changes, Map<String, Object> snapshot) {

	public ItemChange {
		changes = List.copyOf(changes);
	}
}
