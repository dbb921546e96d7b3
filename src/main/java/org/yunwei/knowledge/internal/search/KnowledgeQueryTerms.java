package org.yunwei.knowledge.internal.search;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.springframework.stereotype.Component;

/**
 * What a reader's text asks of an index laid out as {@link KnowledgeAnalyzers} says (a title and a body, each as
 * smartcn words and as character pairs): the same for articles and for resolved tickets, so that both rank alike.
 * The text's terms on every field, with the terms its synonyms bring in (蓝屏 finds BSOD); and each user dictionary
 * word it holds as its characters in a row on the gram fields, weighing as a title or body term, so that a word
 * smartcn splits still ranks whole. Titles weigh four times the body.
 */
@Component
class KnowledgeQueryTerms {

	static final float TITLE_BOOST = 4f;
	static final float TITLE_GRAM_BOOST = 2f;
	static final float BODY_GRAM_BOOST = 0.5f;

	private final Analyzer smartcn = KnowledgeAnalyzers.smartcn();
	private final Analyzer pairs = KnowledgeAnalyzers.grams(false);
	private final KnowledgeVocabulary vocabulary;

	KnowledgeQueryTerms(KnowledgeVocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	/** The query of the text; {@code null} when it holds no term (only punctuation, say). */
	Query matching(String text) {
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
}
