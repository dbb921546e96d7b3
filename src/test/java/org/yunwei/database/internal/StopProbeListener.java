package org.yunwei.database.internal;

import java.util.concurrent.CountDownLatch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work in progress for {@link EmbeddedModeStopTests}, in the application JVM that test starts and stops: with
 * {@code yunwei.test.stop-probe.publish}, it publishes one event whose listener is still working when the stop
 * begins, and then a second one that waits in the listeners' queue behind it, and has a scheduled tick at work when
 * the stop begins. Each delivery, and the tick, writes a row and says so on standard output, which the test reads.
 * Absent from every other context.
 */
@Component
@ConditionalOnProperty("yunwei.test.stop-probe.enabled")
class StopProbeListener {

	private final JdbcClient jdbc;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final CountDownLatch holding = new CountDownLatch(1);
	private final CountDownLatch ticking = new CountDownLatch(1);
	private final CountDownLatch stopping = new CountDownLatch(1);
	private final boolean publish;

	StopProbeListener(JdbcClient jdbc, ApplicationEventPublisher events, TransactionTemplate transactions,
			@Value("${yunwei.test.stop-probe.publish:false}") boolean publish) {
		this.jdbc = jdbc;
		this.events = events;
		this.transactions = transactions;
		this.publish = publish;
	}

	/** Once the application has started and its own ready listeners (seeding) have run. */
	@EventListener
	void publish(AvailabilityChangeEvent<ReadinessState> ready) throws InterruptedException {
		if (ready.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
			return;
		}
		jdbc.sql("create table if not exists stop_probe_delivery (name text not null)").update();
		if (publish) {
			transactions.executeWithoutResult(status -> events.publishEvent(new StopProbe("first", true)));
			holding.await();
			transactions.executeWithoutResult(status -> events.publishEvent(new StopProbe("second", false)));
			ticking.await();
		}
		say("PROBE READY");
	}

	@EventListener(ContextClosedEvent.class)
	void stopping() {
		stopping.countDown();
	}

	/** A scheduled job whose tick is still running when the stop begins (once, in the run that publishes). */
	@Scheduled(fixedDelay = 100)
	void tick() throws InterruptedException {
		if (!publish || ticking.getCount() == 0) {
			return;
		}
		ticking.countDown();
		stopping.await();
		jdbc.sql("select pg_sleep(1)").query().singleValue();
		jdbc.sql("insert into stop_probe_delivery (name) values ('tick')").update();
		say("TICK DONE");
	}

	@ApplicationModuleListener
	void on(StopProbe probe) throws InterruptedException {
		if (probe.holdUntilStop()) {
			holding.countDown();
			stopping.await();
			// still at work against the database while the application stops around it
			jdbc.sql("select pg_sleep(2)").query().singleValue();
		}
		jdbc.sql("insert into stop_probe_delivery (name) values (?)").param(probe.name()).update();
		say("DELIVERED " + probe.name());
	}

	private static void say(String line) {
		System.out.println(line);
		System.out.flush();
	}
}
