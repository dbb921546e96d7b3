package org.yunwei.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTests {

	@TempDir
	Path data;

	@Test
	void writesAreDurable() throws Exception {
		try (var server = EmbeddedPostgresServer.start(data, 0)) {
			assertThat(setting(server, "fsync")).isEqualTo("on");
			assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(server, "full_page_writes")).isEqualTo("on");
		}
	}

	@Test
	void keepsItsDataAcrossARestart() throws Exception {
		try (var server = EmbeddedPostgresServer.start(data, 0)) {
			execute(server, "create table note (text text)", "insert into note values ('保留')");
		}
		try (var server = EmbeddedPostgresServer.start(data, 0)) {
			assertThat(single(server, "select text from note")).isEqualTo("保留");
		}
	}

	@Test
	void startsAfterTheJvmThatRanItWasKilled() throws Exception {
		Process child = startChild("committed before kill -9");
		try {
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
			// the orphaned postmaster still runs and holds the directory
			assertThat(Files.exists(data.resolve("postmaster.pid"))).isTrue();

			try (var server = EmbeddedPostgresServer.start(data, 0)) {
				assertThat(single(server, "select note from survivor")).isEqualTo("committed before kill -9");
			}
		}
		finally {
			child.destroyForcibly();
		}
	}

	@Test
	void startsAgainOnTheSamePortAfterItsProcessWasKilled() throws Exception {
		try (var server = EmbeddedPostgresServer.start(data, 0)) {
			execute(server, "create table note (text text)", "insert into note values ('committed before the crash')");
			int port = server.port();
			long pid = server.postmasterPid();
			assertThat(server.isRunning()).isTrue();

			ProcessHandle.of(pid).orElseThrow().destroyForcibly();
			ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
			assertThat(server.isRunning()).isFalse();

			server.restart();
			assertThat(server.isRunning()).isTrue();
			assertThat(server.postmasterPid()).isNotEqualTo(pid);
			assertThat(server.port()).isEqualTo(port);
			assertThat(single(server, "select text from note")).isEqualTo("committed before the crash");
		}
		assertThat(data.resolve("postmaster.pid")).doesNotExist();
	}

	@Test
	void removesAPidFileWhosePostmasterIsGone() throws Exception {
		try (var server = EmbeddedPostgresServer.start(data, 0)) {
			execute(server, "create table t (x int)");
		}
		Files.writeString(data.resolve("postmaster.pid"), "999999\n" + data + "\n");
		try (var server = EmbeddedPostgresServer.start(data, 0)) {
			assertThat(single(server, "select count(*)::text from t")).isEqualTo("0");
		}
	}

	private Process startChild(String note) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				StaleServerChild.class.getName(), data.toString(), note));
		Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
		var output = new BufferedReader(new InputStreamReader(child.getInputStream()));
		String line;
		StringBuilder seen = new StringBuilder();
		while ((line = output.readLine()) != null) {
			seen.append(line).append('\n');
			if (line.equals("READY")) {
				return child;
			}
		}
		throw new AssertionError("The child JVM ended before its server was ready:\n" + seen);
	}

	private static String setting(EmbeddedPostgresServer server, String name) throws SQLException {
		return single(server, "show " + name);
	}

	private static String single(EmbeddedPostgresServer server, String sql) throws SQLException {
		try (var connection = DriverManager.getConnection(server.jdbcUrl("postgres"));
				var result = connection.createStatement().executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private static void execute(EmbeddedPostgresServer server, String... statements) throws SQLException {
		try (var connection = DriverManager.getConnection(server.jdbcUrl("postgres"));
				var statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}
}
