package org.yunwei.web;

import java.util.List;

/**
 * One page of a list read by keyset: the items and the cursor that continues after the last of them, or
 * {@code null} when there is nothing more. Cursors are opaque strings to clients.
 */
public record KeysetPage<T>(List<T> items, String next) {

	/** The length of a page when the request names none. */
	public static final int DEFAULT_LIMIT = 50;

	/** The longest page a request may ask for. */
	public static final int MAX_LIMIT = 200;

	/**
	 * The length of page a request asks for ({@code limit}): {@link #DEFAULT_LIMIT} when it names none; outside 1 to
	 * {@link #MAX_LIMIT} a complaint about {@code limit}, with the module's {@code messageKey}, joins {@code errors}.
	 */
	public static int limit(Integer requested, FieldErrors errors, String messageKey) {
		int size = requested == null ? DEFAULT_LIMIT : requested;
		if (size < 1 || size > MAX_LIMIT) {
			errors.add("limit", messageKey);
		}
		return size;
	}

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
