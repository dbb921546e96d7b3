package org.yunwei.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL of this test JVM: one embedded server started on first use, or, when {@code YUNWEI_TEST_DB_URL}
 * names an external server, a fresh database created on it for this run and dropped at the end.
 */
public final class TestDatabase {

	private static String url;

	private TestDatabase() {
	}

	public static synchronized String url() {
		if (url == null) {
			String external = System.getenv("YUNWEI_TEST_DB_URL");
			url = external == null || external.isBlank() ? startEmbedded() : createOn(external);
		}
		return url;
	}

	private static String startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ignored) {
					// the JVM is ending anyway
				}
			}));
			return postgres.getJdbcUrl("postgres", "postgres");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String createOn(String serverUrl) {
		String name = "yunwei_test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
		try (var connection = DriverManager.getConnection(serverUrl); var statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot create a test database on " + serverUrl, e);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try (var connection = DriverManager.getConnection(serverUrl); var statement = connection.createStatement()) {
				statement.execute("drop database if exists " + name + " with (force)");
			}
			catch (SQLException ignored) {
				// left behind for inspection; the name says which run made it
			}
		}));
		return replaceDatabase(serverUrl, name);
	}

	/**
	 * A further, empty database on this JVM's server, for a test that must not share the suite's database (the data
	 * generator fills one); dropped when the JVM ends.
	 *
	 * @return its JDBC URL
	 */
	public static String createDatabase(String prefix) {
		String name = prefix + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
		String server = url();
		try (var connection = DriverManager.getConnection(server); var statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot create database " + name, e);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				drop(server, name);
			}
			catch (SQLException ignored) {
				// the server may be stopping already
			}
		}));
		return replaceDatabase(server, name);
	}

	/**
	 * Drops a database of {@link #createDatabase} once its test is done. The JVM's end drops it too, but not
	 * reliably on an external server: CI runs left theirs behind on the machine's PostgreSQL.
	 */
	public static void dropDatabase(String databaseUrl) {
		int slash = databaseUrl.indexOf('/', "jdbc:postgresql://".length());
		int query = databaseUrl.indexOf('?', slash);
		String name = databaseUrl.substring(slash + 1, query < 0 ? databaseUrl.length() : query);
		try {
			drop(url(), name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot drop database " + name, e);
		}
	}

	private static void drop(String server, String name) throws SQLException {
		try (var connection = DriverManager.getConnection(server); var statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
	}

	/** Swaps the database name in {@code jdbc:postgresql://host:port/db?params}. */
	static String replaceDatabase(String serverUrl, String database) {
		int slash = serverUrl.indexOf('/', "jdbc:postgresql://".length());
		int query = serverUrl.indexOf('?', slash);
		return serverUrl.substring(0, slash + 1) + database + (query < 0 ? "" : serverUrl.substring(query));
	}
}
