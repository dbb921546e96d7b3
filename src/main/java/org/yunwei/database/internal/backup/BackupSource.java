package org.yunwei.database.internal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.yunwei.database.internal.EmbeddedPostgresServer;

/**
 * The database a {@code backup} command reads, as the application would find it: the external PostgreSQL when a URL
 * is given; otherwise the embedded server of the data directory, reached on the port its postmaster wrote into
 * {@code postmaster.pid} while Yunwei runs (an online backup, Yunwei keeps serving), or started for the backup and
 * stopped after it while Yunwei does not run.
 */
public final class BackupSource implements AutoCloseable {

	private final DataSource dataSource;
	private final EmbeddedPostgresServer startedHere;
	private final String description;

	private BackupSource(DataSource dataSource, EmbeddedPostgresServer startedHere, String description) {
		this.dataSource = dataSource;
		this.startedHere = startedHere;
		this.description = description;
	}

	public static BackupSource external(String url, String user, String password) {
		PGSimpleDataSource source = new PGSimpleDataSource();
		source.setUrl(url);
		if (user != null && !user.isBlank()) {
			source.setUser(user);
		}
		if (password != null && !password.isBlank()) {
			source.setPassword(password);
		}
		source.setApplicationName("yunwei-backup");
		return new BackupSource(source, null, "the external PostgreSQL " + url);
	}

	public static BackupSource embedded(Path dataDirectory) {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		if (!Files.isRegularFile(directory.resolve("PG_VERSION"))) {
			throw new BackupRefused(directory + " holds no embedded database: give the data directory with "
					+ "--yunwei.db.embedded.data-directory or YUNWEI_DATA_DIR");
		}
		Optional<Integer> port = runningPort(directory);
		if (port.isPresent()) {
			return new BackupSource(embeddedOn(port.get()), null,
					"the running embedded PostgreSQL of " + directory + " (port " + port.get() + ")");
		}
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, 0);
		return new BackupSource(embeddedOn(server.port()), server,
				"the embedded PostgreSQL of " + directory + ", started for the backup");
	}

	private static DataSource embeddedOn(int port) {
		PGSimpleDataSource source = new PGSimpleDataSource();
		source.setServerNames(new String[] { "localhost" });
		source.setPortNumbers(new int[] { port });
		source.setDatabaseName("postgres");
		source.setUser("postgres");
		source.setApplicationName("yunwei-backup");
		return source;
	}

	/** The port of a live postmaster serving the directory: the fourth line of its {@code postmaster.pid}. */
	static Optional<Integer> runningPort(Path directory) {
		Path pidFile = directory.resolve("postmaster.pid");
		try {
			if (!Files.isRegularFile(pidFile)) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(pidFile);
			if (lines.size() < 4) {
				return Optional.empty();
			}
			long pid = Long.parseLong(lines.get(0).trim());
			if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
				return Optional.of(Integer.parseInt(lines.get(3).trim()));
			}
			return Optional.empty();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	public DataSource dataSource() {
		return dataSource;
	}

	public String description() {
		return description;
	}

	@Override
	public void close() throws IOException {
		if (startedHere != null) {
			startedHere.close();
		}
	}
}
