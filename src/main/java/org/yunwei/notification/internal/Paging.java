package org.yunwei.notification.internal;

import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;

/**
 * Where a keyset page of a newest-first list starts and how long it is: the cursor is the id of the last row read.
 *
 * @param beforeId {@code null} for the first page
 */
record Paging(Long beforeId, int limit) {

	static final int DEFAULT_LIMIT = 50;
	static final int MAX_LIMIT = 200;

	/** Reads the request parameters, refusing (400, naming the parameter) what cannot be understood. */
	static Paging of(Integer limit, String cursor) {
		var violations = new FieldErrors();
		int size = limit == null ? DEFAULT_LIMIT : limit;
		if (size < 1 || size > MAX_LIMIT) {
			violations.add("limit", "notification.limit.invalid");
		}
		Long before = null;
		if (cursor != null && !cursor.isBlank()) {
			before = KeysetCursor.decode(cursor, 1).map(Paging::id).orElse(null);
			if (before == null) {
				violations.add("cursor", "notification.cursor.invalid");
			}
		}
		violations.throwIfAny();
		return new Paging(before, size);
	}

	static String cursorAfter(long id) {
		return KeysetCursor.encode(id);
	}

	private static Long id(String[] parts) {
		try {
			return Long.parseLong(parts[0]);
		}
		catch (NumberFormatException malformed) {
			return null;
		}
	}
}
