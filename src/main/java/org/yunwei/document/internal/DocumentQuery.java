package org.yunwei.document.internal;

import java.util.Locale;
import java.util.Map;

import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.RejectedRequest;

/**
 * A list's filters, sort and keyset page, checked: a bad value is a 400 naming its field.
 *
 * @param categoryId {@code null}: every category
 * @param q text within the title; {@code null}: any
 * @param state CURRENT (published), UNPUBLISHED, REVIEW_DUE (review date passed); {@code null}: any
 * @param sort TITLE, REVIEW, EFFECTIVE or UPDATED (the default, newest first)
 * @param after where the page starts: the sort key and id of the last row of the page before; {@code null}: the first
 *        page
 */
public record DocumentQuery(Long categoryId, String q, String state, String sort, After after, int size) {

	/** The last row of the page before: its id and its sort key as text (title, ISO date or instant). */
	record After(long id, String key) {
	}

	static final int MAX_SIZE = 200;
	static final int DEFAULT_SIZE = 25;
	private static final java.util.Set<String> STATES = java.util.Set.of("CURRENT", "UNPUBLISHED", "REVIEW_DUE");
	// a missing date sorts as a date no document has, so that (key, id) orders every row and a keyset can continue
	static final String NO_REVIEW = "9999-12-31";
	static final String NO_EFFECTIVE = "0001-01-01";
	private static final Map<String, String> KEY = Map.of("TITLE", "lower(d.title)",
			"REVIEW", "coalesce(d.review_date, date '" + NO_REVIEW + "')",
			"EFFECTIVE", "coalesce(d.effective_date, date '" + NO_EFFECTIVE + "')", "UPDATED", "d.updated_at");
	private static final Map<String, String> AFTER = Map.of("TITLE", "lower(?)", "REVIEW", "cast(? as date)",
			"EFFECTIVE", "cast(? as date)", "UPDATED", "cast(? as timestamptz)");
	private static final java.util.Set<String> DESCENDING = java.util.Set.of("EFFECTIVE", "UPDATED");

	public static DocumentQuery of(Long categoryId, String q, String state, String sort, String cursor, Integer size) {
		FieldErrors errors = new FieldErrors();
		String normalState = blank(state) ? null : state.strip().toUpperCase(Locale.ROOT);
		if (normalState != null && !STATES.contains(normalState)) {
			errors.add("state", "document.query.state.invalid");
		}
		String normalSort = blank(sort) ? "UPDATED" : sort.strip().toUpperCase(Locale.ROOT);
		if (!KEY.containsKey(normalSort)) {
			errors.add("sort", "document.query.sort.invalid");
		}
		After after = null;
		if (cursor != null && !cursor.isBlank() && KEY.containsKey(normalSort)) {
			after = after(cursor, normalSort);
			if (after == null) {
				errors.add("cursor", "document.query.cursor.invalid");
			}
		}
		int s = size == null ? DEFAULT_SIZE : size;
		if (s < 1 || s > MAX_SIZE) {
			errors.add("size", "document.query.size.invalid");
		}
		String text = blank(q) ? null : q.strip();
		if (text != null && text.length() > 100) {
			errors.add("q", "document.query.q.too-long");
		}
		errors.throwIfAny();
		return new DocumentQuery(categoryId, text, normalState, normalSort, after, s);
	}

	String orderBy() {
		String direction = DESCENDING.contains(sort) ? " desc" : "";
		return KEY.get(sort) + direction + ", d.id" + direction;
	}

	/** The condition that starts the page after {@link #after()}, with its two parameters (key, id). */
	String afterCondition() {
		return "(" + KEY.get(sort) + ", d.id) " + (DESCENDING.contains(sort) ? "<" : ">") + " (" + AFTER.get(sort)
				+ ", ?)";
	}

	/** The cursor that continues after this row, in this query's sort. */
	String cursorAfter(DocumentRecords.Row row) {
		String key = switch (sort) {
			case "TITLE" -> row.title();
			case "REVIEW" -> row.reviewDate() == null ? NO_REVIEW : row.reviewDate().toString();
			case "EFFECTIVE" -> row.effectiveDate() == null ? NO_EFFECTIVE : row.effectiveDate().toString();
			default -> row.updatedAt().toString();
		};
		return KeysetCursor.encode(sort, row.id(), key);
	}

	/** A cursor made by {@link #cursorAfter} for the same sort, its key well formed; {@code null} otherwise. */
	private static After after(String cursor, String sort) {
		String[] parts = KeysetCursor.decode(cursor, 3).orElse(null);
		if (parts == null || !parts[0].equals(sort)) {
			return null;
		}
		try {
			long id = Long.parseLong(parts[1]);
			switch (sort) {
				case "TITLE" -> {
					if (parts[2].length() > 200) {
						return null;
					}
				}
				case "REVIEW", "EFFECTIVE" -> java.time.LocalDate.parse(parts[2]);
				default -> java.time.Instant.parse(parts[2]);
			}
			return new After(id, parts[2]);
		}
		catch (RuntimeException malformed) {
			return null;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	static RejectedRequest unknownCategory() {
		return RejectedRequest.invalidField("categoryId", "document.category.unknown");
	}
}
