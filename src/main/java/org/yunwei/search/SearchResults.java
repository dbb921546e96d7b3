package org.yunwei.search;

import java.util.List;

/**
 * What a global search found: one group per kind that found something, in the sources' order.
 *
 * @param query the text sought
 * @param groups the kinds with hits; empty when nothing was found
 * @param incomplete the kinds asked whose index is being built now: their hits may be incomplete; usually empty
 */
public record SearchResults(String query, List<Group> groups, List<IncompleteKind> incomplete) {

	public SearchResults {
		groups = List.copyOf(groups);
		incomplete = List.copyOf(incomplete);
	}

	/** Whether no kind found anything. */
	public boolean isEmpty() {
		return groups.isEmpty();
	}

	/**
	 * The hits of one kind.
	 *
	 * @param kind the sources' kind ({@code ticket})
	 * @param hits the first hits, at most the per-kind limit
	 * @param more whether the kind found more than those shown
	 */
	public record Group(String kind, List<SearchHit> hits, boolean more) {

		public Group {
			hits = List.copyOf(hits);
		}
	}
}
