package org.yunwei.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yunwei.YunweiApplication;

/**
 * Yunwei as an operator stops it: the application with its embedded PostgreSQL in a JVM of its own, sent SIGTERM
 * while a scheduled tick and a listener are at work and another call waits in the listeners' queue. The database
 * must stop last: the tick and the running listener finish their work against it, Spring Modulith's registry lists
 * what is left, the pool closes, and only then does PostgreSQL stop, with no error or warning logged (a registry that
 * found the database gone waited 10 s for a connection and logged its failure). The queued call is not lost: its
 * publication is still incomplete and is delivered at the next start on the same data directory.
 */
class EmbeddedModeStopTests {

	@TempDir
	Path data;

	private Process application;

	@AfterEach
	void killLeftovers() {
		if (application != null) {
			application.destroyForcibly();
		}
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void stopsTheDatabaseLastAndLeavesUnfinishedPublicationsForTheNextStart() throws Exception {
		List<String> firstRun = new ArrayList<>();
		BufferedReader output = start(true);
		readUntil(output, "PROBE READY", firstRun);
		application.toHandle().destroy(); // SIGTERM, leaving its output open to read
		readToEnd(output, firstRun);
		application.waitFor();
		// the application's output, to read when an assertion fails
		Files.write(Path.of("target/embedded-mode-stop-first-run.log"), firstRun);

		assertThat(firstRun).noneMatch(line -> line.contains(" ERROR "));
		assertThat(firstRun.subList(indexOf(firstRun, "PROBE READY"), firstRun.size()))
			.noneMatch(line -> line.contains(" WARN "));
		int ticked = indexOf(firstRun, "TICK DONE");
		int delivered = indexOf(firstRun, "DELIVERED first");
		int listenersStopped = indexOf(firstRun, "Listener threads stopped");
		int unfinishedListed = indexOf(firstRun, "Shutting down with the following publications left unfinished");
		int poolClosed = indexOf(firstRun, "yunwei - Shutdown completed");
		int databaseStopped = indexOf(firstRun, "Embedded PostgreSQL stopped");
		assertThat(ticked).isLessThan(listenersStopped);
		assertThat(delivered).isLessThan(listenersStopped);
		assertThat(listenersStopped).isLessThan(unfinishedListed);
		assertThat(unfinishedListed).isLessThan(poolClosed);
		assertThat(poolClosed).isLessThan(databaseStopped);
		// the queued call was left for the next start rather than holding the stop up
		assertThat(firstRun).noneMatch(line -> line.contains("DELIVERED second"));
		// stopped cleanly: no postmaster left behind on the directory
		assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();

		List<String> secondRun = new ArrayList<>();
		output = start(false);
		// delivered as the application starts, perhaps before it is ready: a stop while it starts is not this test's
		readUntil(output, "DELIVERED second", secondRun);
		if (secondRun.stream().noneMatch(line -> line.equals("PROBE READY"))) {
			readUntil(output, "PROBE READY", secondRun);
		}
		application.toHandle().destroy();
		readToEnd(output, secondRun);
		application.waitFor();
		Files.write(Path.of("target/embedded-mode-stop-second-run.log"), secondRun);

		assertThat(secondRun).noneMatch(line -> line.contains(" ERROR ") || line.contains("still serves"));
		assertThat(secondRun).noneMatch(line -> line.contains("DELIVERED first"));
		assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();
	}

	private BufferedReader start(boolean publish) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), YunweiApplication.class.getName(), "--server.port=0",
				"--yunwei.db.url=", "--yunwei.db.embedded.data-directory=" + data.resolve("postgres"),
				"--yunwei.admin.password=Stp!Adm1n-pw", "--spring.jmx.enabled=false",
				"--yunwei.events.listener-concurrency=1", "--yunwei.test.stop-probe.enabled=true",
				"--yunwei.test.stop-probe.publish=" + publish, "--logging.level.com.zaxxer.hikari=INFO",
				"--logging.level.org.springframework.modulith.events=INFO");
		application = new ProcessBuilder(command).redirectErrorStream(true).start();
		return new BufferedReader(new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8));
	}

	private static void readUntil(BufferedReader output, String expected, List<String> lines) throws IOException {
		String line;
		while ((line = output.readLine()) != null) {
			lines.add(line);
			if (line.equals(expected)) {
				return;
			}
		}
		throw new AssertionError("The application ended before it said " + expected + ":\n" + String.join("\n", lines));
	}

	private static void readToEnd(BufferedReader output, List<String> lines) throws IOException {
		String line;
		while ((line = output.readLine()) != null) {
			lines.add(line);
		}
	}

	private static int indexOf(List<String> lines, String part) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(part)) {
				return i;
			}
		}
		throw new AssertionError("Nothing said \"" + part + "\":\n" + String.join("\n", lines));
	}
}
