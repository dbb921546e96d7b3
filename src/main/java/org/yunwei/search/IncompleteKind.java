package org.yunwei.search;

import java.util.Objects;

/**
 * A kind whose index is being built while it is searched (a first start, a lost index, an upgrade of its layout, a
 * rebuild): its hits come from what the index holds so far and may be incomplete.
 *
 * @param kind the source's kind ({@code article})
 * @param done the records the build has put so far
 * @param total the records it is expected to put
 */
public record IncompleteKind(String kind, long done, long total) {

	public IncompleteKind {
		Objects.requireNonNull(kind, "kind");
	}
}
