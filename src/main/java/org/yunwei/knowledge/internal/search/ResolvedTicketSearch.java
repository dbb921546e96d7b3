package org.yunwei.knowledge.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.springframework.stereotype.Component;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.RejectedRequest;

/**
 * Finds resolved and closed tickets for the signed-in reader (日常问题查询库), ranked as articles are
 * ({@link KnowledgeQueryTerms}: subjects weigh four times the body), with highlighted snippets. Who finds what is the
 * ticket module's rule ({@link Tickets#readerScope}): the index keeps each ticket's provider and customer unit and the
 * query filters on the reader's scope; the page's hits are then checked against the database in one query
 * ({@link Tickets#finishedVisible}), so a ticket reopened a moment ago, or moved out of the reader's scope, never
 * shows. Pages follow each other by a cursor (the last hit's score and ticket id), not by an offset. While the index
 * is being built the results say so: they come from what it holds so far.
 */
@Component
public class ResolvedTicketSearch {

	static final int MAX_LIMIT = 50;
	private static final Sort RANKING = new Sort(SortField.FIELD_SCORE,
			new SortField(ResolvedTicketIndex.ORDER, SortField.Type.LONG, true));
	private static final java.util.Set<String> ID_ONLY = java.util.Set.of(ResolvedTicketIndex.ID);

	private final ResolvedTicketIndex index;
	private final ResolvedTicketFollower follower;
	private final KnowledgeQueryTerms terms;
	private final Tickets tickets;

	ResolvedTicketSearch(ResolvedTicketIndex index, ResolvedTicketFollower follower, KnowledgeQueryTerms terms,
			Tickets tickets) {
		this.index = index;
		this.follower = follower;
		this.terms = terms;
		this.tickets = tickets;
	}

	/** Whether the index is being built now, and how far: its hits may then be incomplete. */
	public Optional<IndexBuilding> building() {
		return IndexBuilding.of(follower.build());
	}

	/** Whether the signed-in person may search resolved tickets at all: whoever reads tickets. */
	public boolean mayRead() {
		return tickets.readerScope().isPresent();
	}

	/**
	 * The page of tickets matching the text after the cursor, best first.
	 *
	 * @param cursor {@code null} for the first page, else a {@link ResolvedTicketResults#next()}
	 * @throws RejectedRequest 403 for a person who may read no ticket; 400 naming {@code cursor} for one that is not
	 *         a cursor
	 */
	public ResolvedTicketResults search(String text, int limit, String cursor) {
		DataScope scope = tickets.readerScope()
			.orElseThrow(() -> RejectedRequest.forbidden("knowledge.tickets.no-access"));
		Cursor after = cursor == null ? null : after(cursor);
		// asked before the search: a build that ends meanwhile is still told, never one that is not
		Optional<IndexBuilding> building = building();
		if (text == null || text.isBlank() || limit < 1) {
			return new ResolvedTicketResults(List.of(), null, building);
		}
		Query matching = terms.matching(text.strip());
		if (matching == null) {
			return new ResolvedTicketResults(List.of(), null, building);
		}
		BooleanQuery.Builder query = inScope(matching, scope);
		int size = Math.min(limit, MAX_LIMIT);
		try {
			IndexSearcher searcher = index.searchers().acquire();
			try {
				// one more than the page: whether there is a next one
				// the cursor's document is the last one of this view: a hit equal to the cursor (the cursor's own
				// ticket; ticket ids are unique) is never returned again
				TopFieldDocs top = after == null ? searcher.search(query.build(), size + 1, RANKING, true)
						: searcher.searchAfter(new FieldDoc(Math.max(0, searcher.getIndexReader().maxDoc() - 1),
								after.score(), new Object[] { after.score(), after.ticketId() }),
								query.build(), size + 1, RANKING, true);
				ScoreDoc[] docs = Arrays.copyOf(top.scoreDocs, Math.min(size, top.scoreDocs.length));
				if (docs.length == 0) {
					return new ResolvedTicketResults(List.of(), null, building);
				}
				long[] ids = ticketIds(searcher, docs);
				Map<Long, TicketReference> live = live(ids);
				String[] snippets = KnowledgeSnippets.of(searcher, index.analyzer(), matching,
						new TopDocs(top.totalHits, docs));
				String portal = scope.partyKind() == PartyKind.CUSTOMER ? "/portal/tickets/" : "/tickets/";
				List<ResolvedTicketHit> hits = new ArrayList<>();
				for (int i = 0; i < docs.length; i++) {
					TicketReference now = live.get(ids[i]);
					if (now != null) {
						hits.add(new ResolvedTicketHit(now.id(), now.number(), now.type().name(), now.status(),
								now.subject(), snippets[i], now.resolvedAt(), portal + now.id(), docs[i].score));
					}
				}
				String next = top.scoreDocs.length > size ? cursor((FieldDoc) docs[docs.length - 1]) : null;
				return new ResolvedTicketResults(hits, next, building);
			}
			finally {
				index.searchers().release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The resolved and closed incidents most like a subject being typed, in the reader's scope, best first: the
	 * similar past incidents beside a ticket being written. Asked of the index as the 日常问题查询库 asks it, without
	 * snippets, and checked against the database as its pages are.
	 *
	 * @return empty for a text of fewer than two characters, and for a person who may read no ticket
	 */
	public List<TicketReference> similarIncidents(String text, int limit) {
		Optional<DataScope> scope = tickets.readerScope();
		if (scope.isEmpty() || text == null || text.strip().length() < 2 || limit < 1) {
			return List.of();
		}
		KnowledgeQueryTerms.Asked asked = terms.asked(text.strip());
		if (asked == null) {
			return List.of();
		}
		int size = Math.min(limit, MAX_LIMIT);
		try {
			IndexSearcher searcher = index.searchers().acquire();
			try {
				// as the articles are asked: the words alone first, the character pairs only when those find too few
				ScoreDoc[] docs = asked.words() == null ? new ScoreDoc[0]
						: BestHits.of(searcher, incidents(asked.words(), scope.get()), size).scoreDocs;
				if (docs.length < size) {
					docs = BestHits.of(searcher, incidents(asked.all(), scope.get()), size).scoreDocs;
				}
				long[] ids = ticketIds(searcher, docs);
				Map<Long, TicketReference> live = live(ids);
				return Arrays.stream(ids).mapToObj(live::get).filter(Objects::nonNull).toList();
			}
			finally {
				index.searchers().release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Query incidents(Query matching, DataScope scope) {
		return inScope(matching, scope)
			.add(new TermQuery(new Term(ResolvedTicketIndex.TYPE, TicketType.INCIDENT.name())), Occur.FILTER)
			.build();
	}

	/** The text's terms, filtered on the reader's scope. */
	private static BooleanQuery.Builder inScope(Query matching, DataScope scope) {
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching, Occur.MUST);
		Query filter = filter(scope);
		if (filter != null) {
			query.add(filter, Occur.FILTER);
		}
		return query;
	}

	private static long[] ticketIds(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
		StoredFields fields = searcher.storedFields();
		long[] ids = new long[docs.length];
		for (int i = 0; i < docs.length; i++) {
			ids[i] = Long.parseLong(fields.document(docs[i].doc, ID_ONLY).get(ResolvedTicketIndex.ID));
		}
		return ids;
	}

	/** One read of the database for the hits: what was reopened a moment ago never shows. */
	private Map<Long, TicketReference> live(long[] ids) {
		if (ids.length == 0) {
			return Map.of();
		}
		return tickets.finishedVisible(Arrays.stream(ids).boxed().toList()).stream()
			.collect(Collectors.toMap(TicketReference::id, Function.identity()));
	}

	/** The reader's scope as the index holds it: the ticket module's rule, on the fields it keeps for it. */
	private static Query filter(DataScope scope) {
		return switch (scope.partyKind()) {
			case MANAGEMENT, SUPERVISION -> null;
			case PROVIDER -> new TermQuery(new Term(ResolvedTicketIndex.PROVIDER, String.valueOf(scope.partyId())));
			case CUSTOMER -> new TermInSetQuery(ResolvedTicketIndex.UNIT,
					scope.orgUnitIds().stream().map(id -> new BytesRef(String.valueOf(id))).toList());
		};
	}

	private static String cursor(FieldDoc last) {
		String value = Float.floatToIntBits((Float) last.fields[0]) + ":" + last.fields[1];
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	/** Where the previous page ended: its last hit's score and ticket id. */
	private record Cursor(float score, long ticketId) {
	}

	private static Cursor after(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
			if (parts.length != 2) {
				throw new IllegalArgumentException(cursor);
			}
			float score = Float.intBitsToFloat(Integer.parseInt(parts[0]));
			long ticketId = Long.parseLong(parts[1]);
			return new Cursor(score, ticketId);
		}
		catch (IllegalArgumentException e) {
			throw RejectedRequest.invalidField("cursor", "knowledge.tickets.cursor.invalid");
		}
	}
}
