package org.yunwei.knowledge.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Stopping an index's writing before it closes: a follower that holds the index then finishes first (a generator's
 * shutdown logged "this IndexWriter is closed" from the periodic follower), and none starts after.
 */
class IndexWritingTests {

	@Test
	void stopWaitsForTheFollowerThatHoldsTheIndex() throws Exception {
		IndexWriting writing = new IndexWriting("test-index");
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean finished = new AtomicBoolean();
		Thread follower = Thread.ofPlatform().start(() -> writing.ifFree(() -> {
			holding.countDown();
			try {
				release.await();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			finished.set(true);
		}));
		assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
		AtomicBoolean finishedWhenStopped = new AtomicBoolean();
		Thread stopper = Thread.ofPlatform().start(() -> {
			try {
				writing.stop();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			finishedWhenStopped.set(finished.get());
		});
		// the stopper either waits for the follower or (wrongly) has already returned
		while (stopper.getState() != Thread.State.TIMED_WAITING && stopper.getState() != Thread.State.WAITING
				&& stopper.isAlive()) {
			Thread.onSpinWait();
		}
		release.countDown();
		stopper.join();
		follower.join();
		assertThat(finishedWhenStopped).as("stop returned only after the follower was done").isTrue();
	}

	@Test
	void afterTheStopNoFollowerWrites() throws Exception {
		IndexWriting writing = new IndexWriting("test-index");
		writing.stop();
		AtomicInteger runs = new AtomicInteger();
		writing.ifFree(runs::incrementAndGet);
		writing.unlessBuilding(runs::incrementAndGet);
		writing.inBackground(runs::incrementAndGet);
		assertThat(runs).hasValue(0);
	}
}
