package org.yunwei.search;

import java.util.List;
import java.util.Optional;

import org.yunwei.identity.Actor;

/**
 * One kind of searchable record, as the module that owns it answers for it: implemented by a Spring bean of that
 * module and found by {@link GlobalSearch} among the application's beans (see the package documentation).
 * <p>
 * <b>Scope.</b> A source returns only what the reader may see, checked exactly as its module's own list checks it
 * (permission and data scope); a reader who may not read the kind at all gets an empty list, never a refusal.
 * <p>
 * <b>Speed.</b> The top bar asks every source while a person types: a source answers from an index and never reads
 * more than it needs for {@link SearchQuery#limit()} hits.
 */
public interface SearchSource {

	/**
	 * The kind of record this source finds, lower case ({@code ticket}); unique among the sources, constant, and
	 * labelled by the message key {@code search.kind.<kind>}.
	 */
	String kind();

	/**
	 * The records matching the query's text that the reader may see, best first, at most {@link SearchQuery#limit()}
	 * of them. Never {@code null}.
	 */
	List<SearchHit> search(SearchQuery query, Actor reader);

	/**
	 * Whether this kind's index is being built now, and how far: its hits then come from what it holds so far, and
	 * the results say they may be incomplete. The default: this kind is always complete.
	 */
	default Optional<IncompleteKind> incomplete() {
		return Optional.empty();
	}

	/**
	 * The one record an exact reference names (a ticket number such as {@code INC-20261206-0001}), if it exists and
	 * the reader may see it; empty for a text that is no reference of this kind. The default: this kind has no
	 * references.
	 */
	default Optional<SearchHit> resolve(SearchQuery reference, Actor reader) {
		return Optional.empty();
	}
}
