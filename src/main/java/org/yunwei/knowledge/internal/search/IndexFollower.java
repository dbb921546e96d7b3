package org.yunwei.knowledge.internal.search;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yunwei.knowledge.ArticlePublished;
import org.yunwei.knowledge.ArticleRetired;

/**
 * Keeps the index following the change log: at start (whatever happened while the application was down), and after
 * every transaction that published or retired an article, it applies the changes after the last one the index
 * recorded, each by reading the article as it is now (so applying one twice is harmless), and commits the index with
 * the number reached. A new index (a first start, a lost directory, a build stopped half-way), one of another epoch
 * or layout, or one ahead of the log (a restored backup) is built from the database, in the background
 * ({@link ChangeLogFollower}). One follower per node writes; a second node keeps its own index and follows the same
 * log, looking for changes every few seconds ({@code yunwei.knowledge.index-follow-interval}).
 */
@Component
public class IndexFollower extends ChangeLogFollower<IndexedArticle> {

	private final KnowledgeIndex index;
	private final KnowledgeChangeLog changes;
	private final PublishedArticles published;
	/** Articles a build reads in one query. */
	private final int buildPage;

	IndexFollower(KnowledgeIndex index, KnowledgeChangeLog changes, PublishedArticles published,
			@Value("${yunwei.knowledge.index-build-page:2000}") int buildPage) {
		super(index, changes, "knowledge-index");
		this.index = index;
		this.changes = changes;
		this.published = published;
		this.buildPage = buildPage;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void after(ArticlePublished event) {
		afterChange();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void after(ArticleRetired event) {
		afterChange();
	}

	@Override
	long expectedDocuments() {
		return changes.publishedCount();
	}

	@Override
	Map<Long, IndexedArticle> current(Set<Long> articleIds) {
		return published.find(articleIds);
	}

	@Override
	void put(IndexedArticle article) {
		index.put(article);
	}

	@Override
	void remove(long articleId) {
		index.remove(articleId);
	}

	/** Pages of whole articles read in one query each, analysed by the cores in parallel into the one writer. */
	@Override
	int build(IntConsumer progress, boolean visible) {
		String epoch = changes.epoch();
		// changes committed while the build reads are applied again by the next catch-up: harmless
		long reached = changes.last();
		index.clearForBuild();
		int count = 0;
		long after = 0;
		List<IndexedArticle> page;
		while (!(page = published.after(after, buildPage)).isEmpty()) {
			stopIfAsked();
			page.parallelStream().forEach(index::add);
			after = page.getLast().id();
			count += page.size();
			if (visible) {
				index.refresh();
			}
			progress.accept(count);
		}
		index.commit(reached, epoch);
		return count;
	}
}
