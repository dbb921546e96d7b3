package org.yunwei.database.internal;

import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * Run in a JVM of its own by {@link EmbeddedPostgresServerTests}: starts the embedded server, commits a row, says
 * READY and waits to be killed.
 */
public final class StaleServerChild {

	public static void main(String[] args) throws Exception {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
		try (var connection = DriverManager.getConnection(server.jdbcUrl("postgres"));
				var statement = connection.createStatement()) {
			statement.execute("create table if not exists survivor (note text)");
			statement.execute("insert into survivor values ('" + args[1] + "')");
		}
		System.out.println("READY");
		System.out.flush();
		Thread.sleep(600_000);
	}
}
