package org.yunwei.database.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Stops the listener threads of {@link ListenerExecution} when the application stops: after the web server and the
 * scheduler, whose requests and ticks publish the events the listeners work on, and before the connection pool and
 * the database, which the listeners use.
 * <p>
 * Calls still waiting in the queue are not started. Their publications stay incomplete in the event publication
 * registry and are delivered at the next start
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}), so a stop does not wait for a backlog of
 * thousands. The calls already running finish, for up to
 * {@link #RUNNING_WAIT}; one still running then is interrupted as the context destroys the executor, and delivered
 * again at the next start too.
 */
final class ListenerStop implements SmartLifecycle {

	/** Just after the schedulers' and executors' phase; the web server stops in a higher phase, so earlier. */
	static final int PHASE = ExecutorConfigurationSupport.DEFAULT_PHASE - 1;
	static final Duration RUNNING_WAIT = Duration.ofSeconds(30);

	private static final Logger log = LoggerFactory.getLogger(ListenerStop.class);

	private final ObjectProvider<ThreadPoolTaskExecutor> executor;
	private volatile boolean running;

	ListenerStop(ObjectProvider<ThreadPoolTaskExecutor> executor) {
		this.executor = executor;
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		ThreadPoolExecutor threads = executor.getObject().getThreadPoolExecutor();
		// a call submitted from now on is dropped (the executor's caller-runs policy drops it once shut down): its
		// publication, too, waits for the next start
		threads.shutdown();
		List<Runnable> queued = new ArrayList<>();
		threads.getQueue().drainTo(queued);
		for (Runnable call : queued) {
			if (call instanceof Future<?> future) {
				future.cancel(false);
			}
		}
		try {
			if (!threads.awaitTermination(RUNNING_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("{} listener calls still running after {}; they are interrupted and delivered again at the "
						+ "next start", threads.getActiveCount(), RUNNING_WAIT);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		log.info("Listener threads stopped; {} queued listener calls left for the next start", queued.size());
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}
}
