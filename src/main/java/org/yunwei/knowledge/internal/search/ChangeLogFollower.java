package org.yunwei.knowledge.internal.search;

import java.util.Optional;
import java.util.function.IntConsumer;

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
 * committed, unless someone writes the index then. Each follower says how its log is read and its index built.
 */
abstract class ChangeLogFollower implements DisposableBean {

	private final Logger log = LoggerFactory.getLogger(getClass());
	private final IndexDirectory index;
	private final IndexWriting writing;

	/** @param name the index's name in the logs and on its threads */
	ChangeLogFollower(IndexDirectory index, String name) {
		this.index = index;
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

	/** The epoch of the change log this database keeps. */
	abstract String logEpoch();

	/** The last change committed to the log. */
	abstract long lastChange();

	/** How many documents a build from the database would put now. */
	abstract long expectedDocuments();

	/** Applies the changes after the last one applied, in batches, committing as it goes; returns how many. */
	abstract int applyChanges();

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
		return !index.follows(logEpoch()) || index.applied() > lastChange();
	}
}
