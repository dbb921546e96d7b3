package org.yunwei.knowledge.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.PartyKind;
import org.yunwei.knowledge.KnowledgeHit;

/**
 * Finds published articles for a reader. The text is asked of the smartcn fields, and of the character-pair fields
 * too when its words alone do not fill the page (see {@link KnowledgeQueryTerms.Asked}); any term may match, and
 * titles (with tags) weigh four times the body, so that articles whose title matches come first. Lucene returns the
 * best {@code limit} without counting every match, so it skips documents that cannot enter the page. The reader's filter is part of the query (a customer: articles for
 * customers; a provider's staff: those and their own party's internal ones; management and supervision: all), and
 * the hits are checked against the database before they are shown, so that an article retired a moment ago never
 * appears even if the index has not yet applied the change.
 */
@Component
public class ArticleSearch {

	static final int MAX_LIMIT = 100;
	private static final Set<String> ID_ONLY = Set.of(KnowledgeIndex.ID);

	private final KnowledgeIndex index;
	private final IndexFollower follower;
	private final PublishedArticles published;
	private final KnowledgeQueryTerms terms;

	ArticleSearch(KnowledgeIndex index, IndexFollower follower, PublishedArticles published,
			KnowledgeQueryTerms terms) {
		this.index = index;
		this.follower = follower;
		this.published = published;
		this.terms = terms;
	}

	/**
	 * Whether the index is being built now, and how far: searches then answer from what it holds so far, and the
	 * pages that show articles say so.
	 */
	public Optional<IndexBuilding> building() {
		return IndexBuilding.of(follower.build());
	}

	public List<KnowledgeHit> search(String text, int limit, Actor reader) {
		if (text == null || text.isBlank() || limit < 1) {
			return List.of();
		}
		KnowledgeQueryTerms.Asked asked = terms.asked(text.strip());
		if (asked == null) {
			return List.of();
		}
		Query filter = readerFilter(reader);
		int size = Math.min(limit, MAX_LIMIT);
		try {
			IndexSearcher searcher = index.searchers().acquire();
			try {
				// the words alone first: the character pairs only when they fill less than the page (see Asked)
				TopDocs top = asked.words() == null ? null : BestHits.of(searcher, filtered(asked.words(), filter), size);
				Query matching = asked.words();
				if (top == null || top.scoreDocs.length < size) {
					top = BestHits.of(searcher, filtered(asked.all(), filter), size);
					matching = asked.all();
				}
				// snippets mark what found the page: the highlighter looks up every term of its query in every hit,
				// and the character pairs were most of its time while the words alone had filled the page
				ScoreDoc[] docs = top.scoreDocs;
				if (docs.length == 0) {
					return List.of();
				}
				StoredFields fields = searcher.storedFields();
				long[] ids = new long[docs.length];
				for (int i = 0; i < docs.length; i++) {
					ids[i] = Long.parseLong(fields.document(docs[i].doc, ID_ONLY).get(KnowledgeIndex.ID));
				}
				// one read of the database for the page: what was retired or changed a moment ago never shows
				Map<Long, IndexedArticle> live = published.live(Arrays.stream(ids).boxed().toList());
				String[] snippets = KnowledgeSnippets.of(searcher, index.analyzer(), matching, top);
				List<KnowledgeHit> hits = new ArrayList<>();
				for (int i = 0; i < docs.length; i++) {
					IndexedArticle now = live.get(ids[i]);
					if (now != null && visible(now, reader)) {
						hits.add(new KnowledgeHit(ids[i], now.title(), snippets[i], now.category(), now.visibility(),
								docs[i].score));
					}
				}
				return hits;
			}
			finally {
				index.searchers().release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Query filtered(Query matching, Query filter) {
		if (filter == null) {
			return matching;
		}
		return new BooleanQuery.Builder().add(matching, Occur.MUST).add(filter, Occur.FILTER).build();
	}

	private static Query readerFilter(Actor reader) {
		Query forCustomers = new TermQuery(new Term(KnowledgeIndex.VISIBILITY, "CUSTOMER"));
		return switch (reader.partyKind()) {
			case MANAGEMENT, SUPERVISION -> null;
			case CUSTOMER -> forCustomers;
			case PROVIDER -> new BooleanQuery.Builder().add(forCustomers, Occur.SHOULD)
				.add(new TermQuery(new Term(KnowledgeIndex.PARTY, String.valueOf(reader.partyId()))), Occur.SHOULD)
				.build();
		};
	}

	private static boolean visible(IndexedArticle article, Actor reader) {
		return "CUSTOMER".equals(article.visibility()) || reader.partyKind() == PartyKind.MANAGEMENT
				|| reader.partyKind() == PartyKind.SUPERVISION
				|| reader.partyKind() == PartyKind.PROVIDER && article.partyId() == reader.partyId();
	}
}
