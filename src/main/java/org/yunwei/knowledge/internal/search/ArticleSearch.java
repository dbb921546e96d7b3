package org.yunwei.knowledge.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;
import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.PartyKind;
import org.yunwei.knowledge.KnowledgeHit;

/**
 * Finds published articles for a reader. The text is asked of the smartcn fields and of the character-pair fields
 * (see {@link KnowledgeAnalyzers}), any term may match, and titles (with tags) weigh four times the body, so that
 * articles whose title matches come first. The reader's filter is part of the query (a customer: articles for
 * customers; a provider's staff: those and their own party's internal ones; management and supervision: all), and
 * the hits are checked against the database before they are shown, so that an article retired a moment ago never
 * appears even if the index has not yet applied the change.
 */
@Component
public class ArticleSearch {

	static final float TITLE_BOOST = 4f;
	static final float TITLE_GRAM_BOOST = 2f;
	static final float BODY_GRAM_BOOST = 0.5f;
	static final int MAX_LIMIT = 100;
	static final int SNIPPET_CHARACTERS = 120;
	private static final Set<String> BODY_FIELDS = Set.of(KnowledgeAnalyzers.BODY, KnowledgeAnalyzers.BODY_GRAM);
	private static final Set<String> ID_ONLY = Set.of(KnowledgeIndex.ID);
	private static final Set<String> BODY_ONLY = Set.of(KnowledgeAnalyzers.BODY);

	private final KnowledgeIndex index;
	private final PublishedArticles published;
	private final Analyzer smartcn = KnowledgeAnalyzers.smartcn();
	private final Analyzer pairs = KnowledgeAnalyzers.grams(false);
	private final KnowledgeVocabulary vocabulary;

	ArticleSearch(KnowledgeIndex index, PublishedArticles published, KnowledgeVocabulary vocabulary) {
		this.index = index;
		this.published = published;
		this.vocabulary = vocabulary;
	}

	public List<KnowledgeHit> search(String text, int limit, Actor reader) {
		if (text == null || text.isBlank() || limit < 1) {
			return List.of();
		}
		Query matching = matching(text.strip());
		if (matching == null) {
			return List.of();
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(matching, Occur.MUST);
		Query filter = readerFilter(reader);
		if (filter != null) {
			query.add(filter, Occur.FILTER);
		}
		Query built = query.build();
		try {
			IndexSearcher searcher = index.searchers().acquire();
			try {
				TopDocs top = searcher.search(built, Math.min(limit, MAX_LIMIT));
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
				String[] snippets = snippets(searcher, matching, top);
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

	/**
	 * The text's terms on every field, with the terms its synonyms bring in (蓝屏 finds BSOD); and each user
	 * dictionary word it holds as its characters in a row on the gram fields, weighing as a title or body term, so
	 * that a word smartcn splits still ranks whole.
	 */
	private Query matching(String text) {
		KnowledgeVocabulary.Snapshot words = vocabulary.snapshot();
		List<String> synonyms = words.synonymsOf(text);
		String expanded = synonyms.isEmpty() ? text : text + " " + String.join(" ", synonyms);
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		int clauses = 0;
		clauses += add(any, new QueryBuilder(smartcn), KnowledgeAnalyzers.TITLE, expanded, TITLE_BOOST);
		clauses += add(any, new QueryBuilder(smartcn), KnowledgeAnalyzers.BODY, expanded, 1f);
		clauses += add(any, new QueryBuilder(pairs), KnowledgeAnalyzers.TITLE_GRAM, expanded, TITLE_GRAM_BOOST);
		clauses += add(any, new QueryBuilder(pairs), KnowledgeAnalyzers.BODY_GRAM, expanded, BODY_GRAM_BOOST);
		for (String word : words.wordsIn(expanded)) {
			clauses += phrase(any, KnowledgeAnalyzers.TITLE_GRAM, word, TITLE_BOOST);
			clauses += phrase(any, KnowledgeAnalyzers.BODY_GRAM, word, 1f);
		}
		return clauses == 0 ? null : any.build();
	}

	private int phrase(BooleanQuery.Builder any, String field, String word, float boost) {
		Query query = new QueryBuilder(pairs).createPhraseQuery(field, word);
		if (query == null) {
			return 0;
		}
		any.add(new BoostQuery(query, boost), Occur.SHOULD);
		return 1;
	}

	private static int add(BooleanQuery.Builder any, QueryBuilder builder, String field, String text, float boost) {
		Query query = builder.createBooleanQuery(field, text, Occur.SHOULD);
		if (query == null) {
			return 0;
		}
		any.add(new BoostQuery(query, boost), Occur.SHOULD);
		return 1;
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

	/**
	 * The best passage of each hit's body with the terms found marked, all else HTML-escaped; the start if none. The
	 * passages are cut from the offsets the index keeps for both body fields (the pairs' matches are marked on the
	 * stored body too), so no body is analysed again: the old highlighter ran smartcn over every hit's body.
	 */
	private String[] snippets(IndexSearcher searcher, Query matching, TopDocs top) throws IOException {
		UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
			.withMaskedFieldsFunc(field -> KnowledgeAnalyzers.BODY.equals(field) ? BODY_FIELDS : Set.of())
			.withBreakIterator(() -> LengthGoalBreakIterator
				.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARACTERS, 0.5f))
			.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
			.withMaxNoHighlightPassages(0)
			.build();
		String[] found = highlighter.highlight(KnowledgeAnalyzers.BODY, matching, top, 1);
		String[] snippets = new String[found.length];
		StoredFields fields = searcher.storedFields();
		for (int i = 0; i < found.length; i++) {
			snippets[i] = found[i] != null ? found[i]
					: start(fields.document(top.scoreDocs[i].doc, BODY_ONLY).get(KnowledgeAnalyzers.BODY));
		}
		return snippets;
	}

	private static String start(String body) {
		if (body == null || body.isBlank()) {
			return "";
		}
		String start = body.length() <= SNIPPET_CHARACTERS ? body : body.substring(0, SNIPPET_CHARACTERS) + "…";
		return SimpleHTMLEncoder.htmlEncode(start);
	}
}
