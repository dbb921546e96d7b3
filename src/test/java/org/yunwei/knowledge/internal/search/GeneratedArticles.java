package org.yunwei.knowledge.internal.search;

import java.lang.reflect.Method;
import java.util.List;
import java.util.SplittableRandom;

import org.yunwei.knowledge.internal.search.VocabularyRecords.DictionaryWord;
import org.yunwei.knowledge.internal.search.VocabularyRecords.SynonymGroup;

/**
 * The knowledge data set's generated articles (its package's text templates) put straight into an index, and an
 * empty vocabulary, for tests and benchmarks of the search without Spring or the database.
 */
final class GeneratedArticles {

	private GeneratedArticles() {
	}

	/** {@code count} articles, two in five visible to customers, seeded so that every run indexes the same. */
	static void fill(KnowledgeIndex index, int count) throws Exception {
		Class<?> texts = Class.forName("org.yunwei.knowledge.internal.KnowledgeDatasetTexts");
		Method article = texts.getDeclaredMethod("article", SplittableRandom.class);
		article.setAccessible(true);
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 1; i <= count; i++) {
			Object written = article.invoke(null, random);
			index.add(new IndexedArticle(i, 1 + i % 3, (String) accessor(written, "title"),
					(String) accessor(written, "body"), (String) accessor(written, "category"),
					castTags(accessor(written, "tags")), random.nextInt(5) < 2 ? "CUSTOMER" : "INTERNAL"));
		}
		index.commit(count, "generated");
	}

	/** Query terms with no synonym or user word: the generated texts, and the tests' own, need none. */
	static KnowledgeQueryTerms queryTerms() {
		return new KnowledgeQueryTerms(new KnowledgeVocabulary(new NoVocabulary(), null, null));
	}

	private static Object accessor(Object record, String name) throws Exception {
		Method method = record.getClass().getDeclaredMethod(name);
		method.setAccessible(true);
		return method.invoke(record);
	}

	@SuppressWarnings("unchecked")
	private static List<String> castTags(Object tags) {
		return (List<String>) tags;
	}

	private static final class NoVocabulary extends VocabularyRecords {

		NoVocabulary() {
			super(null);
		}

		@Override
		List<SynonymGroup> synonyms() {
			return List.of();
		}

		@Override
		List<DictionaryWord> words() {
			return List.of();
		}
	}
}
