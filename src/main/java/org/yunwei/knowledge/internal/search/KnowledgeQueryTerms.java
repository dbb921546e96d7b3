package org.yunwei.knowledge.internal.search;

import java.util.List;

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

	// analysers keep their token streams per thread, so one of each serves every search
	private final QueryBuilder smartcn = new QueryBuilder(KnowledgeAnalyzers.smartcn());
	private final QueryBuilder pairs = new QueryBuilder(KnowledgeAnalyzers.grams(false));
	private final KnowledgeVocabulary vocabulary;

	KnowledgeQueryTerms(KnowledgeVocabulary vocabulary) {
		this.vocabulary = vocabulary;
	}

	/**
	 * What a text asks: {@code words}, its smartcn words (and synonyms) on title and body with the dictionary words
	 * it holds as character runs, and {@code all}, those and its character pairs on the gram fields. Over template
	 * texts the pairs match most documents and cost most of a search, while they only help when the words find too
	 * little (a reader's 慢 inside a word smartcn made 很慢): a search asks {@code words} first and {@code all} only
	 * when that found fewer hits than it shows. {@code null} when the text holds no term (only punctuation, say).
	 */
	record Asked(Query words, Query all) {
	}

	Asked asked(String text) {
		KnowledgeVocabulary.Snapshot vocabularyNow = vocabulary.snapshot();
		List<String> synonyms = vocabularyNow.synonymsOf(text);
		String expanded = synonyms.isEmpty() ? text : text + " " + String.join(" ", synonyms);
		BooleanQuery.Builder words = new BooleanQuery.Builder();
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		int wordClauses = 0;
		for (BooleanQuery.Builder any : List.of(words, all)) {
			wordClauses = add(any, smartcn, KnowledgeAnalyzers.TITLE, expanded, TITLE_BOOST);
			wordClauses += add(any, smartcn, KnowledgeAnalyzers.BODY, expanded, 1f);
			for (String word : vocabularyNow.wordsIn(expanded)) {
				wordClauses += phrase(any, KnowledgeAnalyzers.TITLE_GRAM, word, TITLE_BOOST);
				wordClauses += phrase(any, KnowledgeAnalyzers.BODY_GRAM, word, 1f);
			}
		}
		int pairClauses = add(all, pairs, KnowledgeAnalyzers.TITLE_GRAM, expanded, TITLE_GRAM_BOOST)
				+ add(all, pairs, KnowledgeAnalyzers.BODY_GRAM, expanded, BODY_GRAM_BOOST);
		if (wordClauses + pairClauses == 0) {
			return null;
		}
		return new Asked(wordClauses == 0 ? null : words.build(), all.build());
	}

	/** Everything the text asks, words and pairs in one query; {@code null} when it holds no term. */
	Query matching(String text) {
		Asked asked = asked(text);
		return asked == null ? null : asked.all();
	}

	private int phrase(BooleanQuery.Builder any, String field, String word, float boost) {
		Query query = pairs.createPhraseQuery(field, word);
		if (query == null) {
			return 0;
		}
		any.add(new BoostQuery(query, boost), Occur.SHOULD);
		return 1;
	}

	/**
	 * The text's terms on the field, each its own clause of {@code any} with the field's boost (the same score as the
	 * field's terms nested in one boosted clause): one flat disjunction of terms is what lets Lucene's max-score
	 * pruning skip documents term by term; a nested boosted disjunction per field is only bounded as a whole.
	 */
	private static int add(BooleanQuery.Builder any, QueryBuilder builder, String field, String text, float boost) {
		Query query = builder.createBooleanQuery(field, text, Occur.SHOULD);
		if (query == null) {
			return 0;
		}
		if (query instanceof BooleanQuery terms && terms.getMinimumNumberShouldMatch() == 0
				&& terms.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD)) {
			terms.clauses().forEach(c -> any.add(new BoostQuery(c.query(), boost), Occur.SHOULD));
			return terms.clauses().size();
		}
		any.add(new BoostQuery(query, boost), Occur.SHOULD);
		return 1;
	}
}
