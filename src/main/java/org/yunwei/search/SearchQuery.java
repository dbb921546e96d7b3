package org.yunwei.search;

import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link SearchSource} is asked for.
 *
 * @param text the text sought, stripped, between 1 and {@link GlobalSearch#MAX_LENGTH} characters; never
 * {@code null}
 * @param limit the most hits the source returns, at least 1
 * @param locale the reader's language, for the labels a hit carries (a status); never {@code null}
 */
public record SearchQuery(String text, int limit, Locale locale) {

	/** The longest excerpt {@link #excerpt} gives. */
	static final int EXCERPT_LENGTH = 120;

	public SearchQuery {
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(locale, "locale");
		if (text.isBlank() || limit < 1) {
			throw new IllegalArgumentException("a search needs a text and a limit of at least 1");
		}
	}

	/**
	 * The part of a longer text (a description, an article's body) where the text sought first occurs, on one line
	 * and at most {@value #EXCERPT_LENGTH} characters, with "…" where it was cut; the text's beginning when the text
	 * sought is not in it. {@code null} for a {@code null} or blank text.
	 */
	public String excerpt(String longer) {
		if (longer == null || longer.isBlank()) {
			return null;
		}
		String line = longer.strip().replaceAll("\\s+", " ");
		if (line.length() <= EXCERPT_LENGTH) {
			return line;
		}
		int found = line.toLowerCase(Locale.ROOT).indexOf(text.toLowerCase(Locale.ROOT));
		// a little of what precedes the match, so that it reads in context
		int start = Math.max(0, Math.min(found < 0 ? 0 : found - EXCERPT_LENGTH / 4, line.length() - EXCERPT_LENGTH));
		int end = Math.min(line.length(), start + EXCERPT_LENGTH);
		return (start > 0 ? "…" : "") + line.substring(start, end) + (end < line.length() ? "…" : "");
	}
}
