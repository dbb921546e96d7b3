package org.yunwei.search;

import java.time.Instant;
import java.util.Objects;

/**
 * One record found, as the results show it.
 *
 * @param kind the kind of its source ({@code ticket}); never {@code null}
 * @param reference what people call the record by, e.g. a ticket number; never {@code null}
 * @param title its subject or name; never {@code null}
 * @param summary a short excerpt of its text, or {@code null}
 * @param status its status, already in the reader's language, or {@code null} for a kind without one
 * @param time when it last changed, or {@code null}
 * @param link the page that shows it to this reader, a path within the application (a customer's ticket opens in
 * the portal, an agent's in the workspace); never {@code null}
 */
public record SearchHit(String kind, String reference, String title, String summary, String status, Instant time,
		String link) {

	public SearchHit {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reference, "reference");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(link, "link");
	}
}
