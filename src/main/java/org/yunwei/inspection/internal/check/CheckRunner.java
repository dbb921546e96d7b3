package org.yunwei.inspection.internal.check;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.ticket.SystemResolution;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Runs the automated checks that are due, once per cluster (ShedLock {@code inspection-checks}; the due rows are
 * also claimed with SKIP LOCKED and moved an interval on, so that an overlapping run takes none twice). The probes of
 * a batch run side by side on virtual threads; each is bounded by its own timeout and the batch by a deadline
 * beyond it, after which a probe still running is abandoned and recorded as a timeout: a dead target never holds the
 * scheduler. Each run is recorded as a result (the time series, kept for {@code yunwei.inspections.checks.retention})
 * and counted against the check's rule of failures in a row, in its own transaction.
 */
@Component
public class CheckRunner {

	private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);
	static final int BATCH = 500;
	static final int PURGE_BATCH = 5000;
	/** What a probe may take beyond its timeout (a ping's fallback, a DNS lookup) before it is abandoned. */
	static final Duration GRACE = Duration.ofSeconds(2);
	static final Duration PURGE_EVERY = Duration.ofMinutes(1);

	private final AutomatedChecks checks;
	private final CheckProbe probe;
	private final CheckKeeping keeping;
	private final CheckAlarms alarms;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Duration retention;
	/** When this node last purged; a node that takes the lock over purges at its first tick. */
	private volatile Instant lastPurge;

	CheckRunner(AutomatedChecks checks, CheckProbe probe, CheckKeeping keeping, CheckAlarms alarms, AuditTrail audit,
			JdbcClient jdbc, PlatformTransactionManager transactionManager,
			@Value("${yunwei.inspections.checks.retention:P90D}") Duration retention) {
		this.checks = checks;
		this.probe = probe;
		this.keeping = keeping;
		this.alarms = alarms;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.retention = retention;
	}

	/**
	 * Every second by default: a check is due at its own time, so the tick bounds how late it starts (the
	 * scheduling lag, p99 ≤ 2 s in issue 19); a tick with nothing due costs one indexed query. The old results are
	 * purged once a minute, not on every tick.
	 */
	@Scheduled(fixedDelayString = "${yunwei.inspections.checks.tick:PT1S}", initialDelayString = "PT40S")
	@SchedulerLock(name = "inspection-checks", lockAtMostFor = "PT5M")
	void onSchedule() {
		Instant now = databaseNow();
		int ran = runDue(now);
		int purged = 0;
		if (lastPurge == null || !now.isBefore(lastPurge.plus(PURGE_EVERY))) {
			purged = purge(now);
			lastPurge = now;
		}
		if (ran > 0 || purged > 0) {
			log.debug("Ran {} automated checks, removed {} old results", ran, purged);
		}
	}

	/** Runs every check due at {@code now}; how many ran. */
	public int runDue(Instant now) {
		int ran = 0;
		while (true) {
			List<AutomatedCheck> due = transactions.execute(status -> checks.claimDue(now, BATCH));
			if (due.isEmpty()) {
				return ran;
			}
			run(due);
			ran += due.size();
			if (due.size() < BATCH) {
				return ran;
			}
		}
	}

	/** Runs one check now, for its keeper (the page's and the API's "run now"), audited; what it found. */
	public Reading runNow(long id) {
		AutomatedCheck check = keeping.requireRunnable(id);
		Reading reading = probe.probe(target(check));
		record(check.id(), databaseNow(), reading);
		transactions.executeWithoutResult(status -> audit.record(AuditEntry.of("INSPECTION_CHECK_RUN",
				"inspection_check", id).after(Map.of("outcome", reading.outcome().name(), "millis", reading.millis()))
			.detail(check.name())));
		return reading;
	}

	/** Removes results older than the retention; how many. */
	public int purge(Instant now) {
		Instant before = now.minus(retention);
		int removed = 0;
		int batch;
		do {
			batch = checks.purge(before, PURGE_BATCH);
			removed += batch;
		}
		while (batch == PURGE_BATCH);
		return removed;
	}

	private void run(List<AutomatedCheck> due) {
		Instant at = databaseNow();
		List<Future<Reading>> running = new ArrayList<>(due.size());
		int longest = 0;
		ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
		try {
			for (AutomatedCheck check : due) {
				longest = Math.max(longest, check.settings().timeoutMillis());
				running.add(threads.submit(() -> probe.probe(target(check))));
			}
			long deadline = System.nanoTime() + Duration.ofMillis(longest).plus(GRACE).toNanos();
			for (int i = 0; i < due.size(); i++) {
				AutomatedCheck check = due.get(i);
				Reading reading = await(running.get(i), deadline, check);
				try {
					record(check.id(), at, reading);
				}
				catch (RuntimeException failed) {
					// one check that cannot be recorded must not keep the others from theirs
					log.warn("Automated check {} was not recorded: {}", check.id(), failed.toString());
				}
			}
		}
		finally {
			// an abandoned probe is interrupted, not waited for
			threads.shutdownNow();
		}
	}

	private static Reading await(Future<Reading> future, long deadline, AutomatedCheck check) {
		try {
			return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException e) {
			future.cancel(true);
			return Reading.down(check.settings().timeoutMillis(), "check.detail.timeout",
					check.settings().timeoutMillis());
		}
		catch (ExecutionException e) {
			return Reading.down(0, "check.detail.unreachable", e.getCause().getClass().getSimpleName());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Reading.down(0, "check.detail.timeout", check.settings().timeoutMillis());
		}
	}

	private ProbeTarget target(AutomatedCheck check) {
		CheckSettings s = check.settings();
		String password = s.kind() == CheckKind.DATABASE ? keeping.password(check.id()).orElse(null) : null;
		return new ProbeTarget(s.kind(), s.target(), s.port(), s.expectStatus(), s.bodyContains(), s.slowMillis(),
				s.warnDays(), s.dbUser(), password, s.timeoutMillis());
	}

	/**
	 * Records a run and what it raises or ends. An incident the ticket module refuses to open (the item's customer
	 * unit disabled since) or to resolve rolls that attempt back; the run is then recorded again with the owner told
	 * instead.
	 */
	void record(long checkId, Instant at, Reading reading) {
		try {
			transactions.executeWithoutResult(status -> record(checkId, at, reading, true));
		}
		catch (RuntimeException refused) {
			log.warn("Automated check {} could not open an incident: {}", checkId, refused.toString());
			transactions.executeWithoutResult(status -> record(checkId, at, reading, false));
		}
	}

	private void record(long checkId, Instant at, Reading reading, boolean mayTouchTickets) {
		AutomatedCheck check = checks.findForUpdate(checkId).orElse(null);
		if (check == null) {
			return;
		}
		CheckOutcome before = check.lastOutcome();
		boolean told = check.alarmRaised() && check.openIncidentId() == null;
		AutomatedCheck.Turn turn = check.record(reading.outcome(), at);
		String action = null;
		Long incident = null;
		switch (turn) {
			case RAISE -> {
				var item = mayTouchTickets ? alarms.incidentItem(check) : java.util.Optional.<ConfigurationItemSummary>empty();
				if (item.isPresent()) {
					incident = alarms.openIncident(check, item.get(), reading);
					check.incidentOpened(incident);
					action = "OPENED";
					told = false;
				}
				else {
					alarms.tellFailure(check, reading);
					action = "TOLD";
					told = true;
				}
			}
			case RECOVER -> {
				incident = check.closeIncident();
				SystemResolution resolution = incident != null && mayTouchTickets
						? alarms.resolveIncident(check, reading, incident) : null;
				alarms.tellRecovery(check, reading, incident, resolution);
				action = resolution == SystemResolution.RESOLVED ? "RESOLVED" : "RECOVERED";
				told = false;
			}
			case NONE -> {
				if (reading.outcome() == CheckOutcome.WARNING && before != CheckOutcome.WARNING) {
					alarms.tellWarning(check, reading);
				}
			}
		}
		checks.saveRun(check, told);
		checks.insertResult(check, at, reading, action, incident);
	}

	private Instant databaseNow() {
		return jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
	}
}
