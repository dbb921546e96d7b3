package org.yunwei.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The reliability suite (issue 22, point 5; bench/README.md, figures in docs/reliability.md):
 * <ol>
 * <li>embedded PostgreSQL, writers creating tickets without pause: the JVM SIGKILLed three times and started again,
 * an online backup taken by the {@code backup} command meanwhile, the embedded PostgreSQL SIGKILLed three times (Yunwei
 * must start it again by itself), then the checks (nothing acknowledged lost, nothing duplicated, nothing written
 * that nobody was told about, numbers without gaps, SLA events once, audit chain intact) and the restore drill;</li>
 * <li>an external PostgreSQL stopped for 30 s under load: answers must be 503 within a second, and writes acknowledged
 * again within seconds of its return.</li>
 * </ol>
 * Properties: {@code bench.reliability.scenarios} ({@code embedded,external}), {@code bench.reliability.writers} (8), {@code bench.reliability.writes-between} (writes acknowledged
 * between two faults, 300), {@code bench.reliability.outage} (PT30S), {@code bench.reliability.dir} (a fresh
 * directory under target/reliability).
 */
@Tag("benchmark")
class ReliabilityBenchmark {

	private static final int WRITERS = Integer.getInteger("bench.reliability.writers", 8);
	private static final int BETWEEN = Integer.getInteger("bench.reliability.writes-between", 300);
	/** {@code embedded}, {@code external} or both (comma-separated): which parts run. */
	private static final String SCENARIOS = System.getProperty("bench.reliability.scenarios", "embedded,external");
	private static final Duration OUTAGE = Duration.parse(System.getProperty("bench.reliability.outage", "PT30S"));

	@Test
	void faultsUnderLoad() throws Exception {
		Path work = Path.of(System.getProperty("bench.reliability.dir",
				"target/reliability/run-" + System.currentTimeMillis())).toAbsolutePath();
		Files.createDirectories(work);
		System.out.println("Reliability drill in " + work + ": " + WRITERS + " writers, " + BETWEEN
				+ " writes between faults, outage " + OUTAGE);
		CrashDrill.Report report = new CrashDrill.Report();
		CrashDrill.Verdict embeddedVerdict = null;
		CrashDrill.RestoreDrill restore = null;
		if (SCENARIOS.contains("embedded")) {
			try (CrashDrill drill = CrashDrill.embedded(work.resolve("embedded"), report)) {
				drill.start();
				drill.startWriters(WRITERS);
				long loadStarted = System.nanoTime();
				drill.awaitAcknowledged(BETWEEN, Duration.ofMinutes(5));
				report.put("creations per second before faults",
						BETWEEN / ((System.nanoTime() - loadStarted) / 1e9));
				for (int kill = 1; kill <= 3; kill++) {
					report.put("JVM SIGKILL " + kill + ": seconds to serving again", drill.killJvm());
					drill.awaitAcknowledged(BETWEEN, Duration.ofMinutes(5));
				}
				CrashDrill.TakenBackup backup = drill.backupNow();
				report.put("online backup: seconds (command, while writing)", backup.seconds());
				drill.awaitAcknowledged(BETWEEN, Duration.ofMinutes(5));
				for (int kill = 1; kill <= 3; kill++) {
					double back = drill.killPostgres();
					report.put("PostgreSQL SIGKILL " + kill + ": seconds to serving again", back);
					if (Double.isNaN(back)) {
						report.put("PostgreSQL SIGKILL " + kill + ": healed by itself", false);
						report.put("PostgreSQL SIGKILL " + kill + ": JVM restart instead, seconds", drill.killJvm());
					}
					drill.awaitAcknowledged(BETWEEN, Duration.ofMinutes(5));
				}
				drill.stopWriters();
				embeddedVerdict = drill.verify();
				report(report, "embedded", embeddedVerdict);
				restore = drill.restore(backup);
				report.put("restore drill: rows in backup", restore.backupRows());
				report.put("restore drill: restore seconds (incl. verifying start)", restore.restoreSeconds());
				report.put("restore drill: acknowledged before backup", restore.acknowledgedBefore());
				report.put("restore drill: tickets restored", restore.restoredTickets());
				report.put("restore drill: acknowledged before backup, missing", restore.missingFromRestore());
				report.put("restore drill: restored, never acknowledged nor in flight", restore.unannouncedInRestore());
				report.put("restore drill: restore exit code (0: audit chain intact)", restore.restoreExit());
			}
		}

		CrashDrill.Verdict externalVerdict = null;
		if (SCENARIOS.contains("external")) {
			try (CrashDrill drill = CrashDrill.external(work.resolve("external"), report)) {
				drill.start();
				drill.startWriters(WRITERS);
				drill.awaitAcknowledged(BETWEEN, Duration.ofMinutes(5));
				CrashDrill.Outage outage = drill.databaseDown(OUTAGE);
				report.put("database down " + OUTAGE.toSeconds() + " s: probes", outage.probes());
				report.put("database down: answered 503", outage.answered503());
				report.put("database down: 503 with Retry-After", outage.withRetryAfter());
				report.put("database down: other answers", outage.other());
				report.put("database down: slowest answer, seconds", outage.slowestSeconds());
				report.put("database back: seconds to a write acknowledged", outage.backWithinSeconds());
				drill.awaitAcknowledged(BETWEEN, Duration.ofMinutes(5));
				drill.stopWriters();
				externalVerdict = drill.verify();
				report(report, "external", externalVerdict);
			}
		}
		report.print();
		if (embeddedVerdict != null) {
			assertThat(embeddedVerdict.holds()).as(embeddedVerdict.toString()).isTrue();
			assertThat(restore.holds()).as(restore.toString()).isTrue();
		}
		if (externalVerdict != null) {
			assertThat(externalVerdict.holds()).as(externalVerdict.toString()).isTrue();
		}
	}

	static void report(CrashDrill.Report report, String mode, CrashDrill.Verdict verdict) {
		report.put(mode + ": writes acknowledged", verdict.acknowledged());
		report.put(mode + ": writes without answer (in flight at a fault)", verdict.uncertain());
		report.put(mode + ": writes refused (4xx/503)", verdict.refused());
		report.put(mode + ": acknowledged writes lost", verdict.lost());
		report.put(mode + ": tickets duplicated", verdict.duplicated());
		report.put(mode + ": tickets stored, never acknowledged nor in flight", verdict.unannounced());
		report.put(mode + ": ticket number gaps", verdict.numberGaps());
		report.put(mode + ": tickets without both SLA clocks", verdict.ticketsWithoutTheirClocks());
		report.put(mode + ": SLA events recorded twice", verdict.duplicatedSlaEvents());
		report.put(mode + ": SLA breaches fired (response due in " + CrashDrill.RESPONSE_SECONDS + " s)",
				verdict.breachesFired());
		report.put(mode + ": SLA breaches due but not fired", verdict.breachesNotFired());
		report.put(mode + ": event publications still pending", verdict.pendingPublications());
		report.put(mode + ": audit chain intact", verdict.auditChainIntact());
		report.put(mode + ": audit records verified", verdict.auditRecordsChecked());
	}
}
