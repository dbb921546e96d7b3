package org.yunwei.database.internal.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consistent logical backup through JDBC, taken while the application writes: every table is copied out
 * (PostgreSQL's binary {@code COPY}) within one {@code REPEATABLE READ READ ONLY} transaction, so that all of them show
 * the database as of one instant, the snapshot, and writers are never blocked. Attachments and the search indexes
 * live in the database (attachments as {@code bytea}, the search as its indexes), so this is everything Yunwei keeps.
 * See docs/decisions/0004-logical-backup-through-jdbc.md for why not pg_basebackup or pg_dump.
 * <p>
 * Not copied: the Flyway history tables (the restore rebuilds the schema from the scripts they list, which the
 * manifest records instead) and {@code shedlock} (locks of jobs running now, meaningless in another database).
 */
public final class DatabaseBackup {

	private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);
	private static final Set<String> NOT_COPIED = Set.of("shedlock");

	private final DataSource dataSource;

	public DatabaseBackup(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Writes a backup into {@code directory}, which must not exist or be empty.
	 * @return the manifest written last
	 * @throws BackupRefused when the directory holds anything
	 */
	public BackupManifest writeTo(Path directory) {
		requireEmpty(directory);
		try (Connection connection = dataSource.getConnection()) {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				BackupManifest manifest = copy(connection, directory);
				connection.commit();
				manifest.writeTo(directory);
				log.info("Backup of {} rows in {} tables written to {}", manifest.rows(), manifest.tables().size(),
						directory.toAbsolutePath());
				return manifest;
			}
			catch (SQLException | IOException | RuntimeException e) {
				connection.rollback();
				throw e;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("The backup failed: " + e.getMessage(), e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The backup could not be written to " + directory, e);
		}
	}

	static void requireEmpty(Path directory) {
		try {
			if (Files.exists(directory)) {
				if (!Files.isDirectory(directory)) {
					throw new BackupRefused(directory + " is a file, not a directory");
				}
				try (var entries = Files.list(directory)) {
					if (entries.findAny().isPresent()) {
						throw new BackupRefused(directory + " is not empty: give a new or empty directory");
					}
				}
			}
			Files.createDirectories(directory.resolve("tables"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create " + directory, e);
		}
	}

	private BackupManifest copy(Connection connection, Path directory) throws SQLException, IOException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set transaction isolation level repeatable read, read only");
		}
		// the snapshot is taken by the first query: the instant the backup stands for
		Instant takenAt = single(connection, "select now()", rs -> rs.getTimestamp(1).toInstant());
		String postgres = single(connection, "show server_version", rs -> rs.getString(1));
		List<BackupManifest.History> histories = histories(connection);
		List<BackupManifest.Table> tables = new ArrayList<>();
		var copy = connection.unwrap(PGConnection.class).getCopyAPI();
		for (String table : tables(connection)) {
			List<String> columns = columns(connection, table);
			String file = "tables/" + table + ".copy.gz";
			MessageDigest sha256 = sha256();
			long rows;
			try (OutputStream out = new GZIPOutputStream(new DigestOutputStream(
					new BufferedOutputStream(Files.newOutputStream(directory.resolve(file))), sha256), 1 << 16) {
				{
					def.setLevel(Deflater.BEST_SPEED);
				}
			}) {
				rows = copy.copyOut("copy " + quote(table) + " (" + String.join(", ", columns.stream()
					.map(DatabaseBackup::quote).toList()) + ") to stdout (format binary)", out);
			}
			tables.add(new BackupManifest.Table(table, columns, rows, file, HexFormat.of().formatHex(sha256.digest())));
		}
		return new BackupManifest(BackupManifest.FORMAT, takenAt, postgres, histories, tables, sequences(connection));
	}

	/** Tables holding rows (partitions included, their parents not), of the application's schema. */
	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (var statement = connection.prepareStatement("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind = 'r' and c.relpersistence <> 't'
				order by c.relname"""); ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				String name = rs.getString(1);
				if (!name.startsWith(BackupManifest.History.ROOT_TABLE) && !NOT_COPIED.contains(name)) {
					tables.add(name);
				}
			}
		}
		return tables;
	}

	/** The columns COPY reads and writes: all but generated ones, in the table's order. */
	static List<String> columns(Connection connection, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (var statement = connection.prepareStatement("""
				select a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid
				join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relname = ? and a.attnum > 0 and not a.attisdropped
				  and a.attgenerated = ''
				order by a.attnum""")) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					columns.add(rs.getString(1));
				}
			}
		}
		return columns;
	}

	static List<BackupManifest.History> histories(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (var statement = connection.prepareStatement("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind = 'r'
				  and (c.relname = 'flyway_schema_history' or c.relname like 'flyway\\_schema\\_history\\_%')"""); ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		List<HistoryAt> histories = new ArrayList<>();
		for (String name : names) {
			List<BackupManifest.Migration> applied = new ArrayList<>();
			java.sql.Timestamp first = null;
			try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
					"select version, script, checksum, installed_on from " + quote(name)
							+ " where success and version is not null and type <> 'BASELINE' order by installed_rank")) {
				while (rs.next()) {
					applied.add(new BackupManifest.Migration(rs.getString(1), rs.getString(2),
							(Integer) rs.getObject(3)));
					first = first == null ? rs.getTimestamp(4) : first;
				}
			}
			histories.add(new HistoryAt(new BackupManifest.History(name, applied), first));
		}
		// the order the application migrated them in, which a restore repeats
		histories.sort(java.util.Comparator.comparing(HistoryAt::first,
				java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
		return histories.stream().map(HistoryAt::history).toList();
	}

	private record HistoryAt(BackupManifest.History history, java.sql.Timestamp first) {
	}

	/**
	 * Sequences are not transactional: their values are read as they are now, after the rows, so they are never below
	 * a value the copied rows hold (a restore may skip a few values; it never repeats one).
	 */
	private static List<BackupManifest.Sequence> sequences(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (var statement = connection.prepareStatement("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind = 'S' order by c.relname"""); ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		List<BackupManifest.Sequence> sequences = new ArrayList<>();
		for (String name : names) {
			try (var statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select last_value, is_called from " + quote(name))) {
				rs.next();
				sequences.add(new BackupManifest.Sequence(name, rs.getLong(1), rs.getBoolean(2)));
			}
		}
		return sequences;
	}

	static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private interface Reader<T> {
		T read(ResultSet rs) throws SQLException;
	}

	private static <T> T single(Connection connection, String sql, Reader<T> reader) throws SQLException {
		try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return reader.read(rs);
		}
	}
}
