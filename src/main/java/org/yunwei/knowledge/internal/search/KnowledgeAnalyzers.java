package org.yunwei.knowledge.internal.search;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two ways the index splits text. smartcn finds Chinese words (打印机 / 连接 / 失败) and English words, and ranks
 * well; but a reader's one or two characters (慢, 网络) need not be a word smartcn made of the text (很慢, 网络连接 may
 * be segmented otherwise). So every text is indexed twice: by smartcn in {@code title}/{@code body}, and as single
 * characters plus overlapping pairs of Chinese characters in {@code title_gram}/{@code body_gram}. A query asks both;
 * on the gram fields it uses pairs only (a lone character stays one), so that 打印机 does not match every 机.
 */
final class KnowledgeAnalyzers {

	static final String TITLE = "title";
	static final String BODY = "body";
	static final String TITLE_GRAM = "title_gram";
	static final String BODY_GRAM = "body_gram";

	private KnowledgeAnalyzers() {
	}

	static Analyzer smartcn() {
		return new SmartChineseAnalyzer();
	}

	/** Index side: characters and pairs. Query side: pairs, and lone characters. */
	static Analyzer grams(boolean unigrams) {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer source = new StandardTokenizer();
				TokenStream stream = new CJKWidthFilter(source);
				stream = new LowerCaseFilter(stream);
				stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
						| CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
				return new TokenStreamComponents(source, stream);
			}
		};
	}

	/** What the writer uses per field. */
	static Analyzer forIndexing() {
		Analyzer smartcn = smartcn();
		Analyzer grams = grams(true);
		return new PerFieldAnalyzerWrapper(smartcn, Map.of(TITLE_GRAM, grams, BODY_GRAM, grams));
	}
}
