package org.yunwei.knowledge.internal.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who writes one index, and when: one writer at a time, and the long work (a build from the database; the start's
 * catch-up) on a virtual thread of its own so that neither the start nor a request waits for it. A build's progress is
 * kept for the administration page and for the searches, which say the index is incomplete while it runs. Changes
 * committed during a build are not applied beside it: the build applies them as it ends. Stopping the application
 * stops the work between two pages and waits for it, before the index closes without committing.
 */
final class IndexWriting {

	private static final Logger log = LoggerFactory.getLogger(IndexWriting.class);
	/** How long a stop waits for the work to reach the end of its page. */
	private static final Duration STOP_WAIT = Duration.ofMinutes(1);

	private final String name;
	private final ReentrantLock lock = new ReentrantLock();
	private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
	private volatile IndexRebuild.Progress progress = IndexRebuild.Progress.NONE;
	private volatile boolean stopping;

	/** @param name the work's threads' name, as the logs show it */
	IndexWriting(String name) {
		this.name = name;
	}

	/** The last build since start: running, finished or failed; {@link IndexRebuild.Progress#NONE} before any. */
	IndexRebuild.Progress progress() {
		return progress;
	}

	/** Whether a build runs now: the index holds part of what it will. */
	boolean building() {
		return progress.running();
	}

	/** Whether the application is stopping: work ends at its next page, uncommitted. */
	boolean stopping() {
		return stopping;
	}

	/**
	 * Starts a build in the background unless one runs.
	 *
	 * @param total how many documents the build is expected to put
	 * @param build puts the documents, telling how many so far; returns how many in all
	 * @param then runs once the build is done and no more reported, still alone on the index: applies what was
	 *        committed meanwhile
	 * @return the build's progress; empty when one runs already (or the application is stopping)
	 */
	synchronized Optional<IndexRebuild.Progress> build(long total, ToIntFunction<IntConsumer> build, Runnable then) {
		if (progress.running() || stopping) {
			return Optional.empty();
		}
		Instant started = Instant.now();
		IndexRebuild.Progress begun = new IndexRebuild.Progress(true, 0, total, started, null, false);
		progress = begun;
		inBackground(() -> {
			try {
				int count = build.applyAsInt(done -> progress = new IndexRebuild.Progress(true, done,
						Math.max(total, done), started, null, false));
				progress = new IndexRebuild.Progress(false, count, Math.max(total, count), started, Instant.now(),
						false);
			}
			catch (RuntimeException e) {
				if (!(e instanceof CancellationException)) {
					log.error("Building the index {} failed", name, e);
				}
				progress = new IndexRebuild.Progress(false, progress.done(), total, started, Instant.now(), true);
				return;
			}
			then.run();
		});
		return Optional.of(begun);
	}

	/** Runs the work on a thread of its own, alone on the index; nobody waits for it. */
	void inBackground(Runnable work) {
		if (stopping) {
			return;
		}
		Thread worker = Thread.ofVirtual().name(name).unstarted(() -> {
			lock.lock();
			try {
				if (!stopping) {
					work.run();
				}
			}
			catch (CancellationException stopped) {
				log.info("Stopped writing the index {} with the application; the next start goes on", name);
			}
			catch (RuntimeException e) {
				log.error("Writing the index {} failed", name, e);
			}
			finally {
				lock.unlock();
				workers.remove(Thread.currentThread());
			}
		});
		workers.add(worker);
		worker.start();
	}

	/** Runs the work alone on the index, waiting for whoever writes it now, a build included. */
	<T> T exclusively(Supplier<T> work) {
		lock.lock();
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Runs the work alone on the index, unless a build runs: the build applies what came meanwhile as it ends, so a
	 * request that committed a change never waits for a build.
	 */
	void unlessBuilding(Runnable work) {
		if (building()) {
			return;
		}
		exclusively(() -> {
			if (!stopping) {
				work.run();
			}
			return null;
		});
	}

	/** Runs the work only if nobody writes the index now (the periodic follower: the next period does the rest). */
	void ifFree(Runnable work) {
		if (building() || !lock.tryLock()) {
			return;
		}
		try {
			if (!stopping) {
				work.run();
			}
		}
		finally {
			lock.unlock();
		}
	}

	/** Throws {@link CancellationException} once the application is stopping: a build's check between pages. */
	void stopIfAsked() {
		if (stopping) {
			throw new CancellationException("The application is stopping");
		}
	}

	/**
	 * Asks the work to stop at its next page and waits for it (no interrupt: Lucene's files must not see one), and
	 * for a follower that holds the index now (the periodic one, or a request's after its commit): the index closes
	 * after this, and a follower still writing then failed on a closed writer. Work that takes the index later sees
	 * the stop and leaves it alone.
	 */
	void stop() throws InterruptedException {
		stopping = true;
		for (Thread worker : workers) {
			if (!worker.join(STOP_WAIT)) {
				log.warn("The index {} was still being written after {}; closing it anyway", name, STOP_WAIT);
			}
		}
		if (lock.tryLock(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
			lock.unlock();
		}
		else {
			log.warn("The index {} was still being written after {}; closing it anyway", name, STOP_WAIT);
		}
	}
}
