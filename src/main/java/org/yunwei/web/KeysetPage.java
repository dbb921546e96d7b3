package org.yunwei.web;

import java.util.List;

/**
 * One page of a list read by keyset: the items and the cursor that continues after the last of them, or
 * {@code null} when there is nothing more. Cursors are opaque strings to clients.
 */
public record KeysetPage<T>(List<T> items, String next) {

	/**
	 * Cuts a list that was read with {@code limit + 1} rows into a page; the extra row only tells that more exist.
	 */
	public static <T> KeysetPage<T> of(List<T> rowsReadWithOneExtra, int limit,
			java.util.function.Function<T, String> cursorOf) {
		if (rowsReadWithOneExtra.size() <= limit) {
			return new KeysetPage<>(List.copyOf(rowsReadWithOneExtra), null);
		}
		List<T> items = List.copyOf(rowsReadWithOneExtra.subList(0, limit));
		return new KeysetPage<>(items, cursorOf.apply(items.get(limit - 1)));
	}
}
