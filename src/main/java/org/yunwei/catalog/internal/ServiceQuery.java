package org.yunwei.catalog.internal;

import org.yunwei.web.KeysetCursor;
import org.yunwei.web.FieldErrors;

/**
 * What a list of services is filtered and sorted by, and where a keyset page starts.
 *
 * @param categoryId services of this category and of every category below it
 * @param after the last row of the previous page; {@code null} for the first page
 */
record ServiceQuery(Long categoryId, ServiceObjectKind object, Long providerOrgUnitId, String q, Boolean enabled,
		Sort sort, int limit, Cursor after) {

	static final int DEFAULT_LIMIT = 50;
	static final int MAX_LIMIT = 200;

	/** Reads the request parameters, refusing (400, naming the parameter) what cannot be understood. */
	static ServiceQuery of(Long categoryId, String object, Long providerOrgUnitId, String q, Boolean enabled,
			String sort, Integer limit, String cursor) {
		var violations = new FieldErrors();
		ServiceObjectKind kind = null;
		if (object != null && !object.isBlank()) {
			kind = ServiceObjectKind.parse(object).orElse(null);
			if (kind == null) {
				violations.add("object", "catalog.objects.unknown");
			}
		}
		Sort order = Sort.parse(sort);
		if (order == null) {
			violations.add("sort", "catalog.sort.invalid");
		}
		int size = limit == null ? DEFAULT_LIMIT : limit;
		if (size < 1 || size > MAX_LIMIT) {
			violations.add("limit", "catalog.limit.invalid");
		}
		Cursor after = null;
		if (cursor != null && !cursor.isBlank()) {
			after = Cursor.decode(cursor);
			if (after == null || after.sort() != order) {
				violations.add("cursor", "catalog.cursor.invalid");
			}
		}
		violations.throwIfAny();
		return new ServiceQuery(categoryId, kind, providerOrgUnitId, FieldErrors.clean(q), enabled, order, size, after);
	}

	/** The order of a list: by code or by name, the id breaking ties so that every row has one place. */
	enum Sort {
		CODE("s.code"), NAME("s.name");

		final String column;

		Sort(String column) {
			this.column = column;
		}

		static Sort parse(String value) {
			if (value == null || value.isBlank()) {
				return CODE;
			}
			for (Sort sort : values()) {
				if (sort.name().equalsIgnoreCase(value.strip())) {
					return sort;
				}
			}
			return null;
		}

		String valueOf(ServiceSummary row) {
			return this == CODE ? row.code() : row.name();
		}
	}

	/** The place after which a page starts; opaque to clients (base64url of sort, id and sort value). */
	record Cursor(Sort sort, long id, String value) {

		static Cursor after(Sort sort, ServiceSummary row) {
			return new Cursor(sort, row.id(), sort.valueOf(row));
		}

		String encode() {
			return KeysetCursor.encode(sort.name(), id, value);
		}

		/** The cursor, or {@code null} when the text is not one this server wrote. */
		static Cursor decode(String text) {
			String[] parts = KeysetCursor.decode(text, 3).orElse(null);
			Sort sort = parts == null ? null : Sort.parse(parts[0]);
			try {
				return sort == null ? null : new Cursor(sort, Long.parseLong(parts[1]), parts[2]);
			}
			catch (NumberFormatException malformed) {
				return null;
			}
		}
	}
}
