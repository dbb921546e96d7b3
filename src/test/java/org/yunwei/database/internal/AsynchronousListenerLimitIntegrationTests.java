package org.yunwei.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.yunwei.support.IntegrationTestSupport;

/**
 * Asynchronous listeners run on the application's task executor: a burst of events (the SLA clocks that fell due while
 * Yunwei was stopped) must not have more of them wait for a database connection at once than the pool can serve, nor
 * hold up the thread that published them. Far more tasks than connections, each holding one for a while, are all
 * taken at once and all complete, at most four at a time; only past the queue's bound does the publisher run a call
 * itself.
 */
class AsynchronousListenerLimitIntegrationTests extends IntegrationTestSupport {

	@Autowired
	@Qualifier("applicationTaskExecutor")
	AsyncTaskExecutor executor;

	@Test
	void aBurstOfTasksIsQueuedAtOnceAndRunsFourAtATimeEachWithItsConnection() throws Exception {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		List<CompletableFuture<Integer>> tasks = new ArrayList<>();
		// three times the pool's 20 connections, each held for 50 ms: without the limit they would all wait at once
		for (int i = 0; i < 60; i++) {
			tasks.add(executor.submitCompletable(() -> {
				mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
				try {
					return jdbc.sql("select 1 from pg_sleep(0.05)").query(Integer.class).single();
				}
				finally {
					running.decrementAndGet();
				}
			}));
		}
		// the publisher is not held up: 60 tasks of 50 ms at four at a time take 750 ms
		assertThat(tasks.stream().filter(CompletableFuture::isDone).count()).isLessThan(10);
		for (CompletableFuture<Integer> task : tasks) {
			assertThat(task.get(30, TimeUnit.SECONDS)).isEqualTo(1);
		}
		assertThat(mostAtOnce.get()).isEqualTo(4);
	}

	@Test
	void pastTheQueuesBoundThePublisherRunsTheCallItself() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(4);
		List<CompletableFuture<?>> tasks = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				tasks.add(executor.submitCompletable(() -> {
					started.countDown();
					release.await();
					return null;
				}));
			}
			// all four threads held by this test before the queue is filled: a listener of an earlier test that still
			// held one would, once done, take a task from the queue and leave room for the overflow (CI, once)
			assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
			for (int i = 0; i < ListenerExecution.QUEUED; i++) {
				tasks.add(executor.submitCompletable(() -> null));
			}
			Thread publisher = Thread.currentThread();
			CompletableFuture<Thread> overflow = executor.submitCompletable(Thread::currentThread);
			assertThat(overflow.get(1, TimeUnit.SECONDS)).isSameAs(publisher);
		}
		finally {
			release.countDown();
		}
		for (CompletableFuture<?> task : tasks) {
			task.get(30, TimeUnit.SECONDS);
		}
	}
}
