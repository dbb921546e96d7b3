package org.yunwei.database.internal;

import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor of asynchronous listeners ({@code @ApplicationModuleListener}): a few threads working through a queue.
 * With virtual threads Spring Boot's default gives every call a thread of its own, and a burst of events (the SLA
 * clocks that fell due while Yunwei was stopped, thousands at its start) had thousands of listeners wait for the
 * pool's connections at once; they timed out after 10 s (CityBenchmark: 7,873 escalations failed) and left none for
 * requests. A limit on concurrent calls alone made the publisher wait instead: the SLA tick stood for 90 s, raising
 * no deadline meanwhile. Queued, the tick goes on and the listeners catch up; a publication stays in the registry until
 * its listener has completed, so a stop loses nothing. The queue is bounded so that a stop of days (millions of due
 * deadlines) cannot fill the heap: past {@value #QUEUED} waiting calls the publishing thread runs the next one itself,
 * which slows it down as the limit did.
 * <p>
 * At a stop, {@link ListenerStop} lets the running calls finish and leaves the queued ones for the next start, once the
 * web server and the scheduler have stopped publishing; the executor itself does not stop as the context begins to
 * close (a request still finishing would publish into a shut executor).
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecution {

	static final int QUEUED = 10_000;

	@Bean(name = { "applicationTaskExecutor", "taskExecutor" })
	ThreadPoolTaskExecutor applicationTaskExecutor(@Value("${yunwei.events.listener-concurrency}") int concurrency) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(concurrency);
		executor.setMaxPoolSize(concurrency);
		executor.setQueueCapacity(QUEUED);
		executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
		executor.setThreadNamePrefix("listener-");
		executor.setAcceptTasksAfterContextClose(true);
		return executor;
	}

	/**
	 * Given the executor through a provider, not as a dependency: Spring stops the beans that depend on a lifecycle
	 * bean together with it, so this one was stopped in the executor's phase, that of the scheduler, and its
	 * completion counted towards that phase's wait, which then ended without waiting for the scheduler's running tick
	 * (seen: a tick interrupted in the middle of releasing its ShedLock lock while the pool closed).
	 */
	@Bean
	ListenerStop listenerStop(ObjectProvider<ThreadPoolTaskExecutor> applicationTaskExecutor) {
		return new ListenerStop(applicationTaskExecutor);
	}
}
