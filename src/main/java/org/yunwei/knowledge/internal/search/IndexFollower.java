package org.yunwei.knowledge.internal.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
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
 * the number reached. A new index (a first start, a lost directory, a build stopped half-way), one of another epoch
 * or layout, or one ahead of the log (a restored backup) is built from the database, in the background
 * ({@link IndexWriting}): neither the start nor a publication waits for it, searches answer from what it has put so
 * far and say so, and it applies the changes of its own time as it ends. One follower per node writes; a second node keeps its own index and follows the same log, looking for
 * changes every few seconds ({@code yunwei.knowledge.index-follow-interval}).
 */
@Component
public class IndexFollower implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
	static final int BATCH = 500;
	static final int COMMIT_EVERY = 10 * BATCH;

	private final KnowledgeIndex index;
	private final KnowledgeChangeLog changes;
	private final PublishedArticles published;
	/** Articles a build reads in one query. */
	private final int buildPage;
	private final IndexWriting writing = new IndexWriting("knowledge-index");

	IndexFollower(KnowledgeIndex index, KnowledgeChangeLog changes, PublishedArticles published,
			@Value("${yunwei.knowledge.index-build-page:2000}") int buildPage) {
		this.index = index;
		this.changes = changes;
		this.published = published;
		this.buildPage = buildPage;
	}

	/** Hands the start's catch-up or build to the background: the application is ready at once. */
	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		if (!startBuildIfNeeded()) {
			writing.inBackground(this::applyChanges);
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void after(ArticlePublished event) {
		writing.unlessBuilding(this::follow);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void after(ArticleRetired event) {
		writing.unlessBuilding(this::follow);
	}

	/**
	 * Every node's index follows the changes other nodes committed too: each node looks every few seconds (one
	 * indexed read when nothing changed). No cluster lock: every node has its own index to keep.
	 */
	@Scheduled(fixedDelayString = "${yunwei.knowledge.index-follow-interval:PT5S}",
			initialDelayString = "${yunwei.knowledge.index-follow-interval:PT5S}")
	void periodically() {
		writing.ifFree(this::follow);
	}

	/** The last change the index applied. */
	public long applied() {
		return index.applied();
	}

	/** The last build since start, running or not. */
	IndexRebuild.Progress build() {
		return writing.progress();
	}

	/** Applies every change not yet applied (or builds, see the class), waiting for a build that runs; returns how many. */
	public int catchUp() {
		return writing.exclusively(() -> needsBuild() ? build(done -> {
		}, false) : applyChanges());
	}

	/** Builds the index again from the database, waiting for a build that runs; returns how many articles it holds. */
	public int rebuild() {
		return writing.exclusively(() -> build(done -> {
		}, false));
	}

	/**
	 * Starts a build in the background (an administrator's): searches see the index as it was until it ends.
	 *
	 * @return its progress; empty when a build runs already
	 */
	Optional<IndexRebuild.Progress> startRebuild(long total) {
		return writing.build(total, progress -> build(progress, false), this::applyChanges);
	}

	/** Whether the application is stopping: a build ends at its next page, uncommitted. */
	boolean stopping() {
		return writing.stopping();
	}

	/** Stops a build or catch-up at its next page and waits for it, before the index closes. */
	@Override
	public void destroy() throws InterruptedException {
		writing.stop();
	}

	/** A build when the index is not this database's complete one (in the background), else the changes. */
	private void follow() {
		if (!startBuildIfNeeded()) {
			applyChanges();
		}
	}

	/** Starts a build in the background if the index needs one; searches see its pages as they come. */
	private boolean startBuildIfNeeded() {
		if (!needsBuild()) {
			return false;
		}
		log.info("The knowledge index is new, incomplete or follows another database or layout: building it from "
				+ "the database in the background");
		writing.build(changes.publishedCount(), progress -> build(progress, true), this::applyChanges);
		return true;
	}

	private boolean needsBuild() {
		return !index.follows(changes.epoch()) || index.applied() > changes.last();
	}

	private int applyChanges() {
		String epoch = changes.epoch();
		long applied = index.applied();
		int count = 0;
		List<KnowledgeChangeLog.Change> batch;
		while (!writing.stopping() && !(batch = changes.after(applied, BATCH)).isEmpty()) {
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
			// a long catch-up (a node down for long) commits every few thousand changes, not every batch: a crash
			// loses at most those, which the next start applies again
			if (count % COMMIT_EVERY == 0) {
				index.commit(applied, epoch);
			}
		}
		if (count % COMMIT_EVERY != 0) {
			index.commit(applied, epoch);
		}
		return count;
	}

	/**
	 * Builds the index again from the database, telling how many articles it has put after each page: pages of whole
	 * articles read in one query each, analysed by the cores in parallel into the one writer, one commit at the end.
	 * Until then the index is marked incomplete and searches see it as it was, or, with {@code visible}, the pages put
	 * so far. A stop between two pages ends it uncommitted.
	 */
	private int build(IntConsumer progress, boolean visible) {
		String epoch = changes.epoch();
		// changes committed while the build reads are applied again by the next catch-up: harmless
		long reached = changes.last();
		index.clearForBuild();
		int count = 0;
		long after = 0;
		List<IndexedArticle> page;
		while (!(page = published.after(after, buildPage)).isEmpty()) {
			writing.stopIfAsked();
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
