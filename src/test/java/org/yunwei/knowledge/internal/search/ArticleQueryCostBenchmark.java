package org.yunwei.knowledge.internal.search;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.yunwei.support.SearchQueries;

/**
 * Where one knowledge search's time goes, without Spring or the database: {@code -Dknowledge.benchmark.articles}
 * articles (default 20,000) written as {@code KnowledgeBenchmark} writes them, indexed in a temporary directory, then
 * the benchmark's queries timed phase by phase: the query as it was built before issue 17's search work (one boosted
 * disjunction per field, words and character pairs always), the flat disjunction of the same terms, the words first
 * with the pairs only when they do not fill the page, and the snippets of a page. Prints the mean per search of each;
 * asserts no timing. {@code mvn -Pbench test -Dtest=ArticleQueryCostBenchmark}.
 */
@Tag("benchmark")
class ArticleQueryCostBenchmark {

	private static final int ARTICLES = Integer.getInteger("knowledge.benchmark.articles", 20_000);
	private static final int ROUNDS = Integer.getInteger("knowledge.benchmark.rounds", 20);
	private static final int PAGE = 10;
	private static final List<String> QUERIES = SearchQueries.KNOWLEDGE;

	private static final QueryBuilder SMARTCN = new QueryBuilder(KnowledgeAnalyzers.smartcn());
	private static final QueryBuilder PAIRS = new QueryBuilder(KnowledgeAnalyzers.grams(false));

	@TempDir
	Path directory;

	@Test
	void whereASearchSpendsItsTime() throws Exception {
		KnowledgeIndex index = new KnowledgeIndex(directory);
		try {
			GeneratedArticles.fill(index, ARTICLES);
			KnowledgeQueryTerms terms = GeneratedArticles.queryTerms();
			Query customers = new TermQuery(new Term(KnowledgeIndex.VISIBILITY, "CUSTOMER"));
			IndexSearcher searcher = index.searchers().acquire();
			try {
				for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT
					long before = 0, flat = 0, wordsFirst = 0, snippets = 0, leadSnippets = 0, termSnippets = 0, building = 0;
					int pairsAsked = 0, searches = 0;
					for (int round = 0; round < ROUNDS; round++) {
						for (String text : QUERIES) {
							long start = System.nanoTime();
							KnowledgeQueryTerms.Asked asked = terms.asked(text);
							building += System.nanoTime() - start;
							before += time(() -> search(searcher, nested(text), customers));
							flat += time(() -> search(searcher, asked.all(), customers));
							start = System.nanoTime();
							TopDocs top = search(searcher, asked.words(), customers);
							if (top.scoreDocs.length < PAGE) {
								top = search(searcher, asked.all(), customers);
								pairsAsked++;
							}
							Query lead = top.scoreDocs.length < PAGE ? asked.all() : asked.words();
							wordsFirst += System.nanoTime() - start;
							start = System.nanoTime();
							KnowledgeSnippets.of(searcher, index.analyzer(), asked.all(), top);
							snippets += System.nanoTime() - start;
							start = System.nanoTime();
							KnowledgeSnippets.of(searcher, index.analyzer(), lead, top);
							leadSnippets += System.nanoTime() - start;
							start = System.nanoTime();
							KnowledgeSnippets.of(searcher, index.analyzer(), lead, top, false);
							termSnippets += System.nanoTime() - start;
							searches++;
						}
					}
					System.out.printf("ArticleQueryCostBenchmark pass %d, %d articles, %d searches (page %d, a customer's "
							+ "filter), mean ms per search:%n  query building %.3f%n  before: nested per field, words "
							+ "and pairs %.3f%n  flat words and pairs %.3f%n  words first, pairs when short %.3f (pairs "
							+ "asked in %d of %d)%n  snippets of the page, every term asked %.3f%n  snippets of the page, the query "
							+ "that filled it %.3f%n  the same by its terms' offsets, not its matches %.3f%n", pass,
							ARTICLES, searches, PAGE, ms(building, searches), ms(before, searches), ms(flat, searches),
							ms(wordsFirst, searches), pairsAsked, searches, ms(snippets, searches),
							ms(leadSnippets, searches), ms(termSnippets, searches));
				}
			}
			finally {
				index.searchers().release(searcher);
			}
		}
		finally {
			index.destroy();
		}
	}

	private static TopDocs search(IndexSearcher searcher, Query matching, Query filter) {
		try {
			return searcher.search(new BooleanQuery.Builder().add(matching, Occur.MUST).add(filter, Occur.FILTER)
				.build(), PAGE);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static long time(Supplier<TopDocs> search) {
		long start = System.nanoTime();
		search.get();
		return System.nanoTime() - start;
	}

	private static double ms(long nanos, int searches) {
		return nanos / 1e6 / searches;
	}

	/** The query as KnowledgeQueryTerms built it before: one boosted disjunction per field. */
	private static Query nested(String text) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		any.add(new BoostQuery(SMARTCN.createBooleanQuery(KnowledgeAnalyzers.TITLE, text), 4f), Occur.SHOULD);
		any.add(new BoostQuery(SMARTCN.createBooleanQuery(KnowledgeAnalyzers.BODY, text), 1f), Occur.SHOULD);
		any.add(new BoostQuery(PAIRS.createBooleanQuery(KnowledgeAnalyzers.TITLE_GRAM, text), 2f), Occur.SHOULD);
		any.add(new BoostQuery(PAIRS.createBooleanQuery(KnowledgeAnalyzers.BODY_GRAM, text), 0.5f), Occur.SHOULD);
		return any.build();
	}
}
