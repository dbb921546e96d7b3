package org.yunwei.database.internal.backup;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yunwei.database.internal.EmbeddedPostgresServer;

/**
 * Restores a backup of {@link DatabaseBackup} into a new embedded data directory:
 * <ol>
 * <li>the backup's files are checked against its manifest as they are read, and the directory must be empty or
 * absent (a restore never overwrites data);</li>
 * <li>a new cluster is created beside it ({@code <directory>.restoring}), and the schema is built by the same Flyway
 * scripts the backup's database had applied, each history table up to the version it recorded, in the order the
 * application applied them; a Yunwei whose scripts differ from the backup's is refused;</li>
 * <li>the rows are copied in within one transaction with triggers and foreign-key checks off (the rows were consistent
 * when copied out; the audit trail's append-only guard would refuse them otherwise), then the sequences are set;</li>
 * <li>the server stops and the new cluster is moved into place. A failure at any step leaves no directory behind.</li>
 * </ol>
 * Migrations newer than the backup run at the next start, as after any upgrade.
 */
public final class DatabaseRestore {

	private static final Logger log = LoggerFactory.getLogger(DatabaseRestore.class);
	/** Spring Modulith's event publication table is made by its own schema script, not by a migration. */
	private static final String EVENT_PUBLICATION_SCHEMA = "org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql";

	private final Path backup;

	public DatabaseRestore(Path backup) {
		this.backup = backup;
	}

	/** What a restore put in place. */
	public record Restored(Path dataDirectory, BackupManifest manifest) {
	}

	/**
	 * Restores into {@code dataDirectory}.
	 * @throws BackupRefused when the directory is not empty or the backup cannot be restored by this Yunwei
	 */
	public Restored into(Path dataDirectory) {
		BackupManifest manifest = BackupManifest.readFrom(backup);
		Path target = dataDirectory.toAbsolutePath().normalize();
		requireEmptyOrAbsent(target);
		Path building = target.resolveSibling(target.getFileName() + ".restoring");
		deleteTree(building);
		boolean done = false;
		try {
			try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(building, 0)) {
				load(server.jdbcUrl("postgres"), manifest);
			}
			deleteTree(target);
			Files.createDirectories(target.getParent());
			Files.move(building, target);
			done = true;
			log.info("Restored {} rows of the backup taken at {} into {}", manifest.rows(), manifest.takenAt(), target);
			return new Restored(target, manifest);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The restore into " + target + " failed", e);
		}
		finally {
			if (!done) {
				deleteTree(building);
			}
		}
	}

	/**
	 * Builds the schema and loads the rows into the empty database at {@code jdbcUrl} (a superuser's connection: the
	 * load turns triggers off).
	 */
	void load(String jdbcUrl, BackupManifest manifest) {
		migrate(jdbcUrl, manifest);
		try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
			createEventPublications(connection, manifest);
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("set local session_replication_role = replica");
			}
			for (BackupManifest.Table table : manifest.tables()) {
				requireColumns(connection, table);
			}
			if (!manifest.tables().isEmpty()) {
				try (Statement statement = connection.createStatement()) {
					// rows the migrations seeded (roles, permissions) come back from the backup as they were then
					statement.execute("truncate " + String.join(", ",
							manifest.tables().stream().map(t -> DatabaseBackup.quote(t.name())).toList()));
				}
			}
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			for (BackupManifest.Table table : manifest.tables()) {
				MessageDigest sha256 = DatabaseBackup.sha256();
				long rows;
				try (InputStream in = new GZIPInputStream(new DigestInputStream(
						new BufferedInputStream(Files.newInputStream(backup.resolve(table.file()))), sha256), 1 << 16)) {
					rows = copy.copyIn("copy " + DatabaseBackup.quote(table.name()) + " (" + String.join(", ",
							table.columns().stream().map(DatabaseBackup::quote).toList()) + ") from stdin (format binary)",
							in);
				}
				if (!HexFormat.of().formatHex(sha256.digest()).equals(table.sha256()) || rows != table.rows()) {
					throw new BackupRefused(backup.resolve(table.file()) + " is damaged: it does not match the "
							+ "manifest (" + rows + " rows read, " + table.rows() + " written)");
				}
			}
			for (BackupManifest.Sequence sequence : manifest.sequences()) {
				try (var statement = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
					statement.setString(1, DatabaseBackup.quote(sequence.name()));
					statement.setLong(2, sequence.lastValue());
					statement.setBoolean(3, sequence.called());
					statement.execute();
				}
			}
			connection.commit();
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("analyze");
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("The restore failed: " + e.getMessage(), e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The backup in " + backup + " cannot be read", e);
		}
	}

	private static void migrate(String jdbcUrl, BackupManifest manifest) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
			for (BackupManifest.History history : manifest.histories()) {
				if (history.latestVersion() == null) {
					continue;
				}
				try {
					Flyway.configure(DatabaseRestore.class.getClassLoader())
						.dataSource(jdbcUrl, null, null)
						.locations("classpath:db/migration/" + history.folder())
						.table(history.table())
						.baselineVersion("0")
						.baselineOnMigrate(true)
						.target(history.latestVersion())
						.load()
						.migrate();
				}
				catch (FlywayException e) {
					throw new BackupRefused("This Yunwei cannot rebuild the schema of the backup (" + history.table()
							+ " up to version " + history.latestVersion() + "): " + e.getMessage()
							+ ". Restore with the version of Yunwei that made the backup, or a later one.");
				}
				List<BackupManifest.Migration> applied = DatabaseBackup.histories(connection).stream()
					.filter(h -> h.table().equals(history.table()))
					.findFirst()
					.map(BackupManifest.History::applied)
					.orElse(List.of());
				if (!applied.equals(history.applied())) {
					throw new BackupRefused("The migrations of " + history.folder() + " in this Yunwei differ from "
							+ "those of the backup (backup: " + describe(history.applied()) + "; this Yunwei: "
							+ describe(applied) + "). Restore with the version of Yunwei that made the backup.");
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("The restore failed: " + e.getMessage(), e);
		}
	}

	private static String describe(List<BackupManifest.Migration> migrations) {
		return migrations.stream().map(m -> m.script() + " (" + m.checksum() + ")").toList().toString();
	}

	private static void createEventPublications(Connection connection, BackupManifest manifest)
			throws SQLException, IOException {
		boolean backedUp = manifest.tables().stream().anyMatch(t -> t.name().equals("event_publication"));
		if (!backedUp || !DatabaseBackup.columns(connection, "event_publication").isEmpty()) {
			return;
		}
		try (InputStream script = DatabaseRestore.class.getClassLoader().getResourceAsStream(EVENT_PUBLICATION_SCHEMA);
				Statement statement = connection.createStatement()) {
			if (script == null) {
				throw new BackupRefused("Spring Modulith's " + EVENT_PUBLICATION_SCHEMA + " is missing");
			}
			statement.execute(new String(script.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	private static void requireColumns(Connection connection, BackupManifest.Table table) throws SQLException {
		List<String> columns = DatabaseBackup.columns(connection, table.name());
		if (columns.isEmpty()) {
			throw new BackupRefused("The backup holds table " + table.name() + ", which the migrations of this "
					+ "Yunwei do not create. Restore with the version of Yunwei that made the backup.");
		}
		if (!new HashSet<>(columns).equals(new HashSet<>(table.columns()))) {
			throw new BackupRefused("Table " + table.name() + " has columns " + columns + " here but "
					+ table.columns() + " in the backup. Restore with the version of Yunwei that made the backup.");
		}
	}

	private static void requireEmptyOrAbsent(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		if (!Files.isDirectory(directory)) {
			throw new BackupRefused(directory + " is a file; restore into a new or empty directory");
		}
		try (Stream<Path> entries = Files.list(directory)) {
			if (entries.findAny().isPresent()) {
				throw new BackupRefused("The data directory " + directory + " is not empty. A restore never "
						+ "overwrites a database: move it aside (or give another directory with "
						+ "--yunwei.db.embedded.data-directory) and run the restore again.");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static void deleteTree(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot delete " + directory, e);
		}
	}

}
