package org.yunwei.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a text asks of the index: the words alone, or words and character pairs, each term its own clause so that
 * Lucene can skip documents that cannot enter the page, with the scores the per-field disjunctions gave.
 */
class KnowledgeQueryTermsTests {

	@TempDir
	Path directory;

	private KnowledgeIndex index;
	private final KnowledgeQueryTerms terms = GeneratedArticles.queryTerms();

	@BeforeEach
	void articles() throws Exception {
		index = new KnowledgeIndex(directory);
		index.put(article(1, "邮件系统收不到邮件", "检查无线网络是否连接，再清理邮箱。"));
		index.put(article(2, "无线网络频繁掉线的处理方法", "检查无线信号强度和信道干扰。"));
		index.put(article(3, "台式电脑开机缓慢", "电脑开机很慢时清理系统盘临时文件。"));
		index.put(article(4, "打印机卡纸", "打开前盖取出卡住的纸张。"));
		index.commit(4, "test");
	}

	@AfterEach
	void close() throws Exception {
		index.destroy();
	}

	@Test
	void theWordsAskOnlyTitleAndBodyAndEveryTermIsItsOwnClause() {
		KnowledgeQueryTerms.Asked asked = terms.asked("无线网络频繁掉线");
		assertThat(fields(asked.words())).containsOnly(KnowledgeAnalyzers.TITLE, KnowledgeAnalyzers.BODY);
		assertThat(fields(asked.all())).containsOnly(KnowledgeAnalyzers.TITLE, KnowledgeAnalyzers.BODY,
				KnowledgeAnalyzers.TITLE_GRAM, KnowledgeAnalyzers.BODY_GRAM);
		BooleanQuery all = (BooleanQuery) asked.all();
		assertThat(all.clauses()).hasSizeGreaterThan(4).allSatisfy(clause -> {
			assertThat(clause.occur()).isEqualTo(Occur.SHOULD);
			assertThat(((BoostQuery) clause.query()).getQuery()).isInstanceOf(TermQuery.class);
		});
		assertThat(terms.asked("，。！")).isNull();
	}

	@Test
	void theFlatQueryScoresEachArticleAsThePerFieldDisjunctionsDid() throws Exception {
		IndexSearcher searcher = index.searchers().acquire();
		try {
			for (String text : List.of("无线网络", "慢", "邮件 无线")) {
				TopDocs flat = searcher.search(terms.matching(text), 10);
				TopDocs nested = searcher.search(nested(text), 10);
				assertThat(flat.scoreDocs).hasSameSizeAs(nested.scoreDocs).isNotEmpty();
				for (int i = 0; i < flat.scoreDocs.length; i++) {
					assertThat(flat.scoreDocs[i].doc).isEqualTo(nested.scoreDocs[i].doc);
					assertThat(flat.scoreDocs[i].score).isCloseTo(nested.scoreDocs[i].score, within(1e-4f));
				}
			}
		}
		finally {
			index.searchers().release(searcher);
		}
	}

	@Test
	void theWordsPutATitleMatchFirstAndThePairsStillFindOneCharacter() throws Exception {
		IndexSearcher searcher = index.searchers().acquire();
		try {
			TopDocs words = searcher.search(terms.asked("无线网络").words(), 10);
			assertThat(ids(searcher, words)).startsWith("2").contains("1").doesNotContain("3", "4");
			// 慢 inside 缓慢 and 很慢: found by the pairs' single characters whatever smartcn made of them
			assertThat(ids(searcher, searcher.search(terms.asked("慢").all(), 10))).containsOnly("3");
		}
		finally {
			index.searchers().release(searcher);
		}
	}

	private static List<String> ids(IndexSearcher searcher, TopDocs top) throws Exception {
		List<String> ids = new java.util.ArrayList<>();
		for (var doc : top.scoreDocs) {
			ids.add(searcher.storedFields().document(doc.doc).get(KnowledgeIndex.ID));
		}
		return ids;
	}

	private static Set<String> fields(Query query) {
		Set<String> fields = new HashSet<>();
		query.visit(new QueryVisitor() {
			@Override
			public void consumeTerms(Query q, Term... found) {
				for (Term term : found) {
					fields.add(term.field());
				}
			}

			@Override
			public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
				return this;
			}
		});
		return fields;
	}

	/** The query as it was built before the terms were flattened: one boosted disjunction per field. */
	private static Query nested(String text) {
		QueryBuilder smartcn = new QueryBuilder(KnowledgeAnalyzers.smartcn());
		QueryBuilder pairs = new QueryBuilder(KnowledgeAnalyzers.grams(false));
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		add(any, smartcn.createBooleanQuery(KnowledgeAnalyzers.TITLE, text), KnowledgeQueryTerms.TITLE_BOOST);
		add(any, smartcn.createBooleanQuery(KnowledgeAnalyzers.BODY, text), 1f);
		add(any, pairs.createBooleanQuery(KnowledgeAnalyzers.TITLE_GRAM, text), KnowledgeQueryTerms.TITLE_GRAM_BOOST);
		add(any, pairs.createBooleanQuery(KnowledgeAnalyzers.BODY_GRAM, text), KnowledgeQueryTerms.BODY_GRAM_BOOST);
		return any.build();
	}

	private static void add(BooleanQuery.Builder any, Query query, float boost) {
		if (query != null) {
			any.add(new BoostQuery(query, boost), Occur.SHOULD);
		}
	}

	private static IndexedArticle article(long id, String title, String body) {
		return new IndexedArticle(id, 1, title, body, "网络", List.of(), "CUSTOMER");
	}
}
