package org.yunwei.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.web.Alongside;
import org.yunwei.web.FieldErrors;

/**
 * Searches every {@link SearchSource} of the application for the signed-in reader: each kind's first hits, up to a
 * limit per kind, in the sources' order, and which kinds' indexes are being built (their hits may be incomplete). The
 * sources apply the reader's permission and scope.
 */
@Service
public class GlobalSearch {

	/** The longest text a search accepts. */
	public static final int MAX_LENGTH = 100;
	/** Hits per kind when none is asked for. */
	public static final int DEFAULT_LIMIT = 10;
	/** The most hits per kind a search may ask for. */
	public static final int MAX_LIMIT = 50;

	private final List<SearchSource> sources;
	private final Actors actors;
	private final MeterRegistry meters;

	GlobalSearch(ObjectProvider<SearchSource> sources, Actors actors, MeterRegistry meters) {
		this.sources = sources.orderedStream().toList();
		this.actors = actors;
		this.meters = meters;
		Set<String> kinds = new HashSet<>();
		for (SearchSource source : this.sources) {
			if (!kinds.add(source.kind())) {
				throw new IllegalStateException("Two search sources answer for the kind " + source.kind());
			}
		}
	}

	/**
	 * The hits of every kind, or of one; refuses (400, naming {@code q}, {@code kind} or {@code limit}) an empty or
	 * too long text, an unknown kind or a limit outside 1–{@value #MAX_LIMIT}.
	 *
	 * @param kind one kind only, or {@code null} for all
	 * @param limit hits per kind, or {@code null} for {@value #DEFAULT_LIMIT}
	 */
	public SearchResults search(String text, String kind, Integer limit, Locale locale) {
		FieldErrors errors = new FieldErrors();
		String sought = text(text, errors);
		List<SearchSource> asked = sources(kind, errors);
		int perKind = limit == null ? DEFAULT_LIMIT : limit;
		if (perKind < 1 || perKind > MAX_LIMIT) {
			errors.add("limit", "search.limit.invalid");
		}
		errors.throwIfAny();
		Actor reader = actors.current();
		// asked before the search: a build that ends meanwhile is still told, never one that is not
		List<IncompleteKind> incomplete = asked.stream().flatMap(source -> source.incomplete().stream()).toList();
		// one more than shown tells whether the kind has more
		SearchQuery query = new SearchQuery(sought, perKind + 1, locale);
		List<CompletableFuture<List<SearchHit>>> answers = new ArrayList<>(asked.size());
		for (SearchSource source : asked.subList(Math.min(1, asked.size()), asked.size())) {
			answers.add(Alongside.start("global-search", () -> timed(source, query, reader)));
		}
		// the first source on the request's own thread, the others side by side with it (tickets in PostgreSQL, the
		// knowledge base in Lucene): a search takes as long as its slowest source, not their sum
		List<List<SearchHit>> found = new ArrayList<>(asked.size());
		if (!asked.isEmpty()) {
			found.add(timed(asked.getFirst(), query, reader));
		}
		answers.forEach(answer -> found.add(Alongside.joined(answer)));
		List<SearchResults.Group> groups = new ArrayList<>();
		for (int i = 0; i < asked.size(); i++) {
			SearchSource source = asked.get(i);
			List<SearchHit> hits = found.get(i);
			if (!hits.isEmpty()) {
				groups.add(new SearchResults.Group(source.kind(), hits.subList(0, Math.min(perKind, hits.size())),
						hits.size() > perKind));
			}
		}
		return new SearchResults(sought, groups, incomplete);
	}

	/**
	 * A source's search, its time recorded as {@code yunwei.search.source} by kind: a search takes as long as its
	 * slowest source, and a search over its target must say which one that was.
	 */
	private List<SearchHit> timed(SearchSource source, SearchQuery query, Actor reader) {
		Timer.Sample sample = Timer.start(meters);
		try {
			return source.search(query, reader);
		}
		finally {
			sample.stop(Timer.builder("yunwei.search.source")
				.description("Time one source of the global search takes to answer")
				.tag("kind", source.kind())
				.register(meters));
		}
	}

	/**
	 * The one record that the text names exactly (a ticket number), if the reader may see it; refuses an empty or
	 * too long text as {@link #search} does.
	 */
	public Optional<SearchHit> resolve(String text, Locale locale) {
		FieldErrors errors = new FieldErrors();
		String reference = text(text, errors);
		errors.throwIfAny();
		Actor reader = actors.current();
		SearchQuery query = new SearchQuery(reference, 1, locale);
		for (SearchSource source : sources) {
			Optional<SearchHit> found = source.resolve(query, reader);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	private static String text(String text, FieldErrors errors) {
		String sought = FieldErrors.clean(text);
		if (sought == null) {
			errors.add("q", "search.q.required");
		}
		else if (sought.length() > MAX_LENGTH) {
			errors.add("q", "search.q.too-long");
		}
		return sought;
	}

	private List<SearchSource> sources(String kind, FieldErrors errors) {
		String wanted = FieldErrors.clean(kind);
		if (wanted == null) {
			return sources;
		}
		List<SearchSource> one = sources.stream().filter(s -> s.kind().equalsIgnoreCase(wanted)).toList();
		if (one.isEmpty()) {
			errors.add("kind", "search.kind.unknown");
		}
		return one;
	}
}
