package org.yunwei.sla.internal.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.sla.ClockEvent;
import org.yunwei.sla.internal.clock.ClockRecords.ClockRow;

/**
 * Raises the thresholds and breaches that have fallen due, every second. Each batch is one transaction: the clocks'
 * rows are locked ({@code for update skip locked}), the {@code THRESHOLD_REACHED}/{@code BREACHED} entries, the
 * published events (kept by the event publication registry) and the advanced {@code next_deadline} commit together
 * or not at all, so each is raised exactly once even when ShedLock is missing or its lock expires and two nodes
 * tick at once. A clock several of whose thresholds passed while the application was down gets each of them, in
 * order, in one pass: catching up after a restart needs nothing more than the first tick.
 */
@Component
class ClockTick {

	/** Clocks per transaction: keeps one transaction short while a backlog drains in a few of them. */
	static final int BATCH = 500;

	private final ClockRecords records;
	private final CalendarSource calendars;
	private final DeadlineAlarm alarm;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Timer idleTicks;
	private final Timer raisingTicks;

	ClockTick(ClockRecords records, CalendarSource calendars, DeadlineAlarm alarm, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, MeterRegistry meters) {
		this.records = records;
		this.calendars = calendars;
		this.alarm = alarm;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		// two series, as an idle tick costs a fraction of a millisecond and would hide the ticks that raise something
		this.idleTicks = tickTimer(meters, "none");
		this.raisingTicks = tickTimer(meters, "some");
	}

	private static Timer tickTimer(MeterRegistry meters, String raised) {
		return Timer.builder("yunwei.sla.tick")
			.description("SLA clock scheduler ticks; raised=some when thresholds or breaches were raised")
			.tag("raised", raised)
			.publishPercentiles(0.5, 0.99)
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${yunwei.sla.clock-tick:PT1S}", initialDelayString = "${yunwei.sla.clock-tick:PT1S}")
	@SchedulerLock(name = "sla-clock-tick", lockAtMostFor = "PT1M")
	void onSchedule() {
		tick();
	}

	/**
	 * Raises everything due until no due clock is left unlocked.
	 *
	 * @return how many thresholds and breaches were raised
	 */
	int tick() {
		long started = System.nanoTime();
		int raised = 0;
		while (true) {
			Batch batch = transactions.execute(status -> raiseBatch());
			raised += batch.raised();
			if (batch.clocks() < BATCH) {
				(raised == 0 ? idleTicks : raisingTicks).record(System.nanoTime() - started,
						java.util.concurrent.TimeUnit.NANOSECONDS);
				return raised;
			}
		}
	}

	private record Batch(int clocks, int raised) {
	}

	private Batch raiseBatch() {
		// the database's clock, as ShedLock uses: nodes with drifting clocks agree on what is due
		Instant now = jdbc.sql("select now()").query(java.sql.Timestamp.class).single().toInstant();
		List<ClockRow> due = records.lockDue(now, BATCH);
		if (due.isEmpty()) {
			return new Batch(0, 0);
		}
		Map<Long, List<ClockEvent>> histories = records.histories(due.stream().map(ClockRow::id).toList());
		List<Map.Entry<Long, ClockEvent>> raised = new ArrayList<>();
		List<Map.Entry<Long, ClockHistory>> clocks = new ArrayList<>(due.size());
		CalendarSource batchCalendars = calendars.memoized();
		for (ClockRow row : due) {
			ClockHistory clock = ClockHistory.replay(histories.get(row.id()), batchCalendars);
			alarm.raiseDueBy(row.subject(), row.kind(), clock, now)
				.forEach(event -> raised.add(Map.entry(row.id(), event)));
			clocks.add(Map.entry(row.id(), clock));
		}
		records.appendAll(raised);
		records.project(clocks);
		return new Batch(due.size(), raised.size());
	}
}
