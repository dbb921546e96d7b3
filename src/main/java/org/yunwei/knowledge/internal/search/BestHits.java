package org.yunwei.knowledge.internal.search;

import java.io.IOException;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * The best hits of a query by relevance, counting no more matches than it keeps: Lucene's
 * {@code IndexSearcher.search(query, n)} counts the first thousand matches exactly before it skips any, a count no
 * page of Yunwei shows, and over template texts, where nearly every document matches a common word, most of a
 * search's time.
 */
final class BestHits {

	private BestHits() {
	}

	static TopDocs of(IndexSearcher searcher, Query query, int size) throws IOException {
		return searcher.search(query, new TopScoreDocCollectorManager(size, null, size));
	}
}
