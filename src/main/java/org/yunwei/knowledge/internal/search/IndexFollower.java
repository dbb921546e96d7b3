package org.yunwei.knowledge.internal.search;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yunwei.knowledge.ArticlePublished;
import org.yunwei.knowledge.ArticleRetired;

/**
 * Keeps the index following the change log: at start (whatever happened while the application was down), and after
 * every transaction that published or retired an article, it applies the changes after the last one the index
 * recorded, each by reading the article as it is now (so applying one twice is harmless), and commits the index with
 * the number reached. An index of another epoch, or ahead of the log (a restored backup), is rebuilt from the
 * database. One follower per node writes; a second node keeps its own index and follows the same log, looking for
 * changes every few seconds ({@code yunwei.knowledge.index-follow-interval}).
 */
@Component
public class IndexFollower {

	private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
	static final int BATCH = 500;
	static final int REBUILD_PAGE = 2_000;
	static final int COMMIT_EVERY = 10 * BATCH;

	private final KnowledgeIndex index;
	private final KnowledgeChangeLog changes;
	private final PublishedArticles published;

	IndexFollower(KnowledgeIndex index, KnowledgeChangeLog changes, PublishedArticles published) {
		this.index = index;
		this.changes = changes;
		this.published = published;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		catchUp();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void after(ArticlePublished event) {
		catchUp();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void after(ArticleRetired event) {
		catchUp();
	}

	/**
	 * Every node's index follows the changes other nodes committed too: each node looks every few seconds (one
	 * indexed read when nothing changed). No cluster lock: every node has its own index to keep.
	 */
	@Scheduled(fixedDelayString = "${yunwei.knowledge.index-follow-interval:PT5S}",
			initialDelayString = "${yunwei.knowledge.index-follow-interval:PT5S}")
	void periodically() {
		catchUp();
	}

	/** The last change the index applied. */
	public long applied() {
		return index.applied();
	}

	/** Applies every change not yet applied; returns how many. */
	public synchronized int catchUp() {
		String epoch = changes.epoch();
		long applied = index.applied();
		if (!epoch.equals(index.epoch()) && applied > 0 || applied > changes.last()) {
			log.info("The knowledge index follows another database's changes: rebuilding it");
			return rebuild();
		}
		if (applied > 0 && !KnowledgeIndex.CURRENT_FORMAT.equals(index.format())) {
			log.info("The knowledge index was written in an older layout: rebuilding it");
			return rebuild();
		}
		int count = 0;
		List<KnowledgeChangeLog.Change> batch;
		while (!(batch = changes.after(applied, BATCH)).isEmpty()) {
			// each article as it is now, the batch's in one read (an article changed twice is read once)
			Map<Long, IndexedArticle> now = published
				.find(batch.stream().map(KnowledgeChangeLog.Change::articleId).collect(Collectors.toSet()));
			for (KnowledgeChangeLog.Change change : batch) {
				IndexedArticle article = now.get(change.articleId());
				if (article == null) {
					index.remove(change.articleId());
				}
				else {
					index.put(article);
				}
				applied = change.seq();
			}
			count += batch.size();
			// a long catch-up (a new node over the city's 100,000 articles) commits every few thousand changes, not
			// every batch: a crash loses at most those, which the next start applies again
			if (count % COMMIT_EVERY == 0) {
				index.commit(applied, epoch);
			}
		}
		if (count % COMMIT_EVERY != 0 || index.epoch() == null) {
			index.commit(applied, epoch);
		}
		return count;
	}

	/** Builds the index again from the database; returns how many articles it holds. */
	public int rebuild() {
		return rebuild(done -> {
		});
	}

	/**
	 * Builds the index again from the database, telling how many articles it has put so far after each page: pages of
	 * whole articles read in one query each, analysed by the cores in parallel into the one writer, one commit at the
	 * end (searches see the index as it was until then).
	 */
	public synchronized int rebuild(java.util.function.IntConsumer progress) {
		String epoch = changes.epoch();
		// changes committed while the rebuild reads are applied again by the next catch-up: harmless
		long reached = changes.last();
		index.removeAll();
		int count = 0;
		long after = 0;
		List<IndexedArticle> page;
		while (!(page = published.after(after, REBUILD_PAGE)).isEmpty()) {
			page.parallelStream().forEach(index::add);
			after = page.getLast().id();
			count += page.size();
			progress.accept(count);
		}
		index.commit(reached, epoch);
		return count;
	}
}
