package org.yunwei.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yunwei.support.SearchQueries;

/**
 * Snippets cut by the terms' offsets (what knowledge search uses: a third of the cost) against those Lucene's default,
 * the query's matches, cuts, for the flat term disjunctions knowledge search asks (words alone, words with character
 * pairs) over generated articles: the same hits are marked, and nearly always the same passage. Where a passage
 * differs, it is another passage of the same hit marking the query's terms (the matches mode joins adjacent terms,
 * 硬盘告警, into one match and so scores passages a little differently).
 */
class KnowledgeSnippetsTests {

	private static final List<String> QUERIES = Stream
		.concat(SearchQueries.KNOWLEDGE.stream(), Stream.of("无法", "连接失败")).toList();

	@TempDir
	Path directory;

	@Test
	void termOffsetsMarkTheHitsTheQueryMatchesMarks() throws Exception {
		KnowledgeIndex index = new KnowledgeIndex(directory);
		try {
			GeneratedArticles.fill(index, 2_000);
			KnowledgeQueryTerms terms = GeneratedArticles.queryTerms();
			IndexSearcher searcher = index.searchers().acquire();
			try {
				List<String> differences = new ArrayList<>();
				int marked = 0;
				int snippets = 0;
				for (String text : QUERIES) {
					KnowledgeQueryTerms.Asked asked = terms.asked(text);
					List<Query> queries = asked.words() == null ? List.of(asked.all()) : List.of(asked.words(), asked.all());
					for (Query query : queries) {
						TopDocs top = searcher.search(query, 20);
						String[] byMatches = KnowledgeSnippets.of(searcher, index.analyzer(), query, top, true);
						String[] byTerms = KnowledgeSnippets.of(searcher, index.analyzer(), query, top, false);
						for (int i = 0; i < byMatches.length; i++) {
							snippets++;
							assertThat(byTerms[i].contains("<mark>")).as(text + " #" + i + ": " + byMatches[i])
								.isEqualTo(byMatches[i].contains("<mark>"));
							if (!byMatches[i].equals(byTerms[i])) {
								differences.add(text + " #" + i + "\n  matches: " + byMatches[i] + "\n  terms:   "
										+ byTerms[i]);
							}
							marked += byTerms[i].contains("<mark>") ? 1 : 0;
						}
					}
				}
				assertThat(differences.size()).as(String.join("\n", differences)).isLessThanOrEqualTo(snippets / 50);
				assertThat(marked).isGreaterThan(QUERIES.size() * 10);
			}
			finally {
				index.searchers().release(searcher);
			}
		}
		finally {
			index.destroy();
		}
	}
}
