package org.yunwei.release.internal;

/**
 * The list's filters as a page or the API passes them: status, type, an item in scope, a change delivered, a text
 * found in the number, title or version, and the sort ({@code updated}, the default, newest release first;
 * {@code planned}, soonest planned date first, unscheduled last).
 */
public record ReleaseFilter(String status, String type, Long ciId, Long changeId, String q, String sort) {

	boolean filtered() {
		return given(status) || given(type) || ciId != null || changeId != null || given(q);
	}

	private static boolean given(String value) {
		return value != null && !value.isBlank();
	}
}
