package org.yunwei.knowledge.internal.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The best passage of each hit's body with the terms found marked, all else HTML-escaped; the start if none. The
 * passages are cut from the offsets the index keeps for both body fields (the pairs' matches are marked on the stored
 * body too), so no body is analysed again: the old highlighter ran smartcn over every hit's body. Used by the
 * articles' and the resolved tickets' search alike.
 */
final class KnowledgeSnippets {

	static final int SNIPPET_CHARACTERS = 120;
	private static final Set<String> BODY_FIELDS = Set.of(KnowledgeAnalyzers.BODY, KnowledgeAnalyzers.BODY_GRAM);
	private static final Set<String> BODY_ONLY = Set.of(KnowledgeAnalyzers.BODY);

	private KnowledgeSnippets() {
	}

	/** One snippet per hit of {@code top}, in its order. */
	static String[] of(IndexSearcher searcher, Analyzer analyzer, Query matching, TopDocs top) throws IOException {
		return of(searcher, analyzer, matching, top, false);
	}

	/**
	 * @param weightMatches whether passages come from the query's matches (Lucene's default) or its terms' offsets:
	 * the matches ask every clause of the query again for every hit, a third of a search's time for the flat term
	 * disjunctions asked here, for the same marks ({@code KnowledgeSnippetsTests}, {@code ArticleQueryCostBenchmark})
	 */
	static String[] of(IndexSearcher searcher, Analyzer analyzer, Query matching, TopDocs top, boolean weightMatches)
			throws IOException {
		UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
			.withWeightMatches(weightMatches)
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
