package org.yunwei.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of the reliability suite ({@link ReliabilityBenchmark}) for every build: Yunwei in a child JVM on
 * the embedded PostgreSQL, four clients creating tickets, the JVM SIGKILLed once and started again on the same data;
 * afterwards nothing acknowledged is lost, nothing duplicated, nothing stored that nobody was told about, numbers have
 * no gap, every ticket has its SLA clocks with each event once, the publications a kill interrupted are delivered and
 * the audit chain verifies.
 */
class CrashDrillTests {

	@TempDir
	Path work;

	@Test
	void nothingAcknowledgedIsLostWhenTheJvmIsKilled() throws Exception {
		CrashDrill.Report report = new CrashDrill.Report();
		try (CrashDrill drill = CrashDrill.embedded(work, report)) {
			drill.start();
			drill.startWriters(4);
			drill.awaitAcknowledged(20, Duration.ofMinutes(2));
			report.put("JVM SIGKILL: seconds to serving again", drill.killJvm());
			drill.awaitAcknowledged(20, Duration.ofMinutes(2));
			drill.stopWriters();
			CrashDrill.Verdict verdict = drill.verify();
			ReliabilityBenchmark.report(report, "embedded", verdict);
			assertThat(verdict.acknowledged()).isGreaterThanOrEqualTo(40);
			assertThat(verdict.holds()).as(verdict.toString()).isTrue();
		}
	}
}
