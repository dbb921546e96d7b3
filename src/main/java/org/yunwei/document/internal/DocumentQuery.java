package org.yunwei.document.internal;

import java.util.Locale;
import java.util.Map;

import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * A list's filters, sort and page, checked: a bad value is a 400 naming its field.
 *
 * @param categoryId {@code null}: every category
 * @param q text within the title; {@code null}: any
 * @param state CURRENT (published), UNPUBLISHED, REVIEW_DUE (review date passed); {@code null}: any
 * @param sort TITLE, REVIEW, EFFECTIVE or UPDATED (the default, newest first)
 * @param page from 0
 */
public record DocumentQuery(Long categoryId, String q, String state, String sort, int page, int size) {

	static final int MAX_SIZE = 200;
	static final int DEFAULT_SIZE = 25;
	private static final java.util.Set<String> STATES = java.util.Set.of("CURRENT", "UNPUBLISHED", "REVIEW_DUE");
	private static final Map<String, String> ORDER = Map.of("TITLE", "lower(d.title), d.id",
			"REVIEW", "d.review_date nulls last, d.id", "EFFECTIVE", "d.effective_date desc nulls last, d.id desc",
			"UPDATED", "d.updated_at desc, d.id desc");

	public static DocumentQuery of(Long categoryId, String q, String state, String sort, Integer page, Integer size) {
		FieldErrors errors = new FieldErrors();
		String normalState = blank(state) ? null : state.strip().toUpperCase(Locale.ROOT);
		if (normalState != null && !STATES.contains(normalState)) {
			errors.add("state", "document.query.state.invalid");
		}
		String normalSort = blank(sort) ? "UPDATED" : sort.strip().toUpperCase(Locale.ROOT);
		if (!ORDER.containsKey(normalSort)) {
			errors.add("sort", "document.query.sort.invalid");
		}
		int p = page == null ? 0 : page;
		if (p < 0) {
			errors.add("page", "document.query.page.invalid");
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
		return new DocumentQuery(categoryId, text, normalState, normalSort, p, s);
	}

	String orderBy() {
		return ORDER.get(sort);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	static RejectedRequest unknownCategory() {
		return RejectedRequest.invalidField("categoryId", "document.category.unknown");
	}
}
