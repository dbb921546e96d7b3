package org.yunwei.personnel.internal;

import java.util.List;
import java.util.function.Function;

import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;

/**
 * A keyset position in a list ordered newest first by a key (a date or a year) and then by id, both descending: the
 * page after it holds the rows whose {@code (key, id)} is smaller, compared row-wise in SQL.
 *
 * @param key the last row's key as text ({@code 2026-11-20}, {@code 2026}); {@code null} for the first page
 */
record NewestFirst(String key, long id, int limit) {

	/** The position a cursor names, and the page size; a malformed cursor or size is 400 with the field named. */
	static NewestFirst of(String cursor, Integer limit) {
		return of(cursor, limit, false);
	}

	/** As {@link #of(String, Integer)} for a list whose key is a year rather than a date. */
	static NewestFirst ofYears(String cursor, Integer limit) {
		return of(cursor, limit, true);
	}

	private static NewestFirst of(String cursor, Integer limit, boolean years) {
		FieldErrors errors = new FieldErrors();
		int size = KeysetPage.limit(limit, errors, "personnel.limit.invalid");
		String key = null;
		long id = 0;
		if (cursor != null) {
			String[] parts = KeysetCursor.decode(cursor, 2).orElse(null);
			try {
				if (parts == null) {
					throw new NumberFormatException();
				}
				key = parts[0];
				id = Long.parseLong(parts[1]);
				// the key goes into SQL as a date or a year: a cursor not made here is refused before that
				if (years ? !key.matches("[0-9]{4}") : java.time.LocalDate.parse(key) == null) {
					throw new NumberFormatException();
				}
			}
			catch (RuntimeException malformed) {
				errors.add("cursor", "field.malformed");
			}
		}
		errors.throwIfAny();
		return new NewestFirst(key, id, size);
	}

	boolean first() {
		return key == null;
	}

	/** The SQL condition after this position for the key and id columns (none on the first page). */
	String condition(String keyColumn, String idColumn, String cast) {
		return first() ? "" : " and (" + keyColumn + ", " + idColumn + ") < (cast(? as " + cast + "), ?)";
	}

	/** The condition's parameters. */
	List<Object> parameters() {
		return first() ? List.of() : List.of(key, id);
	}

	<T> KeysetPage<T> page(List<T> rowsWithOneExtra, Function<T, Object> keyOf, Function<T, Long> idOf) {
		return KeysetPage.of(rowsWithOneExtra, limit, row -> KeysetCursor.encode(String.valueOf(keyOf.apply(row)),
				String.valueOf(idOf.apply(row))));
	}

}
