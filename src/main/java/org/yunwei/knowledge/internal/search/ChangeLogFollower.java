package org.yunwei.knowledge.internal.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * What both indexes' followers share: when they apply their change log and when they build the index from the
 * database. At start the catch-up, or the build of an index that is new (a first start, a lost directory, a build
 * stopped half-way), of another epoch or layout, or ahead of the log (a restored backup), runs in the background
 * ({@link IndexWriting}): the application is ready at once, searches answer from what the build has put so far and
 * say so, and the build applies the changes of its own time as it ends. After a transaction that logged a change the
 * change is applied at once, unless a build runs; every few seconds the follower looks for changes other nodes
 * committed, unless someone writes the index then. Each follower says how it reads its subjects as they are now and
 * how it builds its index.
 *
 * @param <D> what the index holds for one subject
 */
abstract class ChangeLogFollower<D> implements DisposableBean {

	/** Changes read in one query, and their subjects in one more. */
	static final int BATCH = 500;
	/**
	 * A long catch-up (a node down for long) commits every few thousand changes, not every batch: a crash loses at
	 * most those, which the next start applies again.
	 */
	static final int COMMIT_EVERY = 10 * BATCH;

	private final Logger log = LoggerFactory.getLogger(getClass());
	private final IndexDirectory index;
	private final IndexChangeLog changes;
	private final IndexWriting writing;

	/** @param name the index's name in the logs and on its threads */
	ChangeLogFollower(IndexDirectory index, IndexChangeLog changes, String name) {
		this.index = index;
		this.changes = changes;
		this.writing = new IndexWriting(name);
	}

	/** Hands the start's catch-up or build to the background: the application is ready at once. */
	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		if (!startBuildIfNeeded()) {
			writing.inBackground(this::applyChanges);
		}
	}

	/**
	 * Every node's index follows the changes other nodes committed too: each node looks every few seconds (one
	 * indexed read when nothing changed), unless its index is being written then. No cluster lock: every node has its
	 * own index to keep.
	 */
	@Scheduled(fixedDelayString = "${yunwei.knowledge.index-follow-interval:PT5S}",
			initialDelayString = "${yunwei.knowledge.index-follow-interval:PT5S}")
	void periodically() {
		writing.ifFree(this::follow);
	}

	/** After a transaction that logged a change: applies it, unless a build runs (which applies it as it ends). */
	void afterChange() {
		writing.unlessBuilding(this::follow);
	}

	/** The last change the index applied. */
	public long applied() {
		return index.applied();
	}

	/** The last build since start, running or not. */
	IndexRebuild.Progress build() {
		return writing.progress();
	}

	/**
	 * Applies every change not yet applied, or builds the index when it needs it (see the class), waiting for a build
	 * that runs; returns how many changes or documents.
	 */
	public int catchUp() {
		return writing.exclusively(() -> needsBuild() ? build(done -> {
		}, false) : applyChanges());
	}

	/** Builds the index again from the database, waiting for a build that runs; returns how many documents it holds. */
	public int rebuild() {
		return writing.exclusively(() -> build(done -> {
		}, false));
	}

	/**
	 * Starts a build in the background (an administrator's): searches see the index as it was until it ends.
	 *
	 * @param total the documents it is expected to put
	 * @return its progress; empty when a build runs already
	 */
	Optional<IndexRebuild.Progress> startRebuild(long total) {
		return writing.build(total, progress -> build(progress, false), this::applyChanges);
	}

	/** Whether the application is stopping: a build or catch-up ends at its next page, uncommitted. */
	boolean stopping() {
		return writing.stopping();
	}

	/** Throws {@link java.util.concurrent.CancellationException} once the application is stopping. */
	final void stopIfAsked() {
		writing.stopIfAsked();
	}

	/** Stops a build or catch-up at its next page and waits for it, before the index closes. */
	@Override
	public void destroy() throws InterruptedException {
		writing.stop();
	}

	/** The last change committed to the log. */
	long lastChange() {
		return changes.last();
	}

	/** How many documents a build from the database would put now. */
	abstract long expectedDocuments();

	/**
	 * The subjects as readers may find them now, read at once, by id; a subject readers may no longer find is not in
	 * the answer.
	 */
	abstract Map<Long, D> current(Set<Long> subjectIds);

	/** Puts a subject's document in place of the one the index holds, if any. */
	abstract void put(D document);

	/** Takes a subject out of the index, if it is there. */
	abstract void remove(long subjectId);

	/** Applies the changes after the last one applied, in batches, committing as it goes; returns how many. */
	final int applyChanges() {
		String epoch = changes.epoch();
		long applied = index.applied();
		int count = 0;
		List<IndexChangeLog.Change> batch;
		while (!stopping() && !(batch = changes.after(applied, BATCH)).isEmpty()) {
			// each subject as it is now, the batch's in one read (a subject changed twice is read once)
			Map<Long, D> now = current(batch.stream().map(IndexChangeLog.Change::subjectId).collect(Collectors.toSet()));
			for (IndexChangeLog.Change change : batch) {
				D document = now.get(change.subjectId());
				if (document == null) {
					remove(change.subjectId());
				}
				else {
					put(document);
				}
				applied = change.seq();
			}
			count += batch.size();
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
	 * Builds the index from the database, telling how many documents it has put after each page, and commits once at
	 * the end; until then the index is marked incomplete and searches see it as it was, or, with {@code visible}, the
	 * pages put so far. Calls {@link #stopIfAsked()} between pages.
	 *
	 * @return how many documents it holds
	 */
	abstract int build(IntConsumer progress, boolean visible);

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
		log.info("The index is new, incomplete, or follows another database or layout: building it from the database "
				+ "in the background");
		writing.build(expectedDocuments(), progress -> build(progress, true), this::applyChanges);
		return true;
	}

	private boolean needsBuild() {
		return !index.follows(changes.epoch()) || index.applied() > lastChange();
	}
}
