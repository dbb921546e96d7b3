package org.yunwei.inspection.internal;

import java.math.BigDecimal;

/**
 * One line of a checklist.
 *
 * @param key stable within the template's versions, so results of two versions can be compared
 * @param unit for a number, e.g. ℃ or %; {@code null} otherwise
 * @param min the lowest normal reading of a number, {@code null} for none
 * @param max the highest normal reading of a number, {@code null} for none
 * @param required whether a task cannot be submitted without it
 */
public record ChecklistItem(String key, String label, ItemKind kind, String unit, BigDecimal min, BigDecimal max,
		boolean required) {

	/** Whether a number lies outside the thresholds (an anomaly). */
	public boolean outOfRange(BigDecimal reading) {
		return (min != null && reading.compareTo(min) < 0) || (max != null && reading.compareTo(max) > 0);
	}
}
