package org.yunwei.change.internal;

/**
 * The list's filters as a page or the API passes them: status, category, risk level, an item the changes touch, a
 * text found in the number or title, and the sort ({@code updated}, the default, newest change first; {@code planned},
 * soonest planned start first, unscheduled last).
 */
public record ChangeFilter(String status, String category, String riskLevel, Long ciId, String q, String sort) {

	boolean filtered() {
		return blank(status) || blank(category) || blank(riskLevel) || ciId != null || blank(q);
	}

	private static boolean blank(String value) {
		return value != null && !value.isBlank();
	}
}
