package org.yunwei.database.internal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json}, written last into a backup directory: a directory without it is an unfinished backup.
 * It records what a restore needs besides the rows: the migrations each Flyway history table had applied (the schema
 * is rebuilt from the same scripts), the columns of every table in the order of its file, and every sequence's value.
 *
 * @param format the layout of the directory, {@value #FORMAT}
 * @param takenAt when the backup's snapshot was taken
 * @param postgres the server's version ({@code server_version})
 * @param histories the Flyway history tables in the order they were created
 * @param tables the tables whose rows the backup holds
 * @param sequences the sequences' values as seen at the end of the backup
 */
public record BackupManifest(int format, Instant takenAt, String postgres, List<History> histories,
		List<Table> tables, List<Sequence> sequences) {

	public static final int FORMAT = 1;
	public static final String FILE = "manifest.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * One Flyway history table: Spring Modulith keeps one per module ({@code flyway_schema_history_ticket} for
	 * {@code db/migration/ticket}) and the plain one for {@code db/migration/__root}.
	 */
	public record History(String table, List<Migration> applied) {

		static final String ROOT_TABLE = "flyway_schema_history";

		/** The folder under {@code db/migration} whose scripts this table records. */
		public String folder() {
			return table.equals(ROOT_TABLE) ? "__root" : table.substring(ROOT_TABLE.length() + 1);
		}

		/** The latest version applied, the target of a restore's migration. */
		public String latestVersion() {
			return applied.isEmpty() ? null : applied.getLast().version();
		}
	}

	public record Migration(String version, String script, Integer checksum) {
	}

	/**
	 * @param file the table's rows, PostgreSQL's binary COPY format, gzip-compressed, relative to the directory
	 * @param sha256 of {@code file} as written, checked before a restore starts
	 */
	public record Table(String name, List<String> columns, long rows, String file, String sha256) {
	}

	public record Sequence(String name, long lastValue, boolean called) {
	}

	public long rows() {
		return tables.stream().mapToLong(Table::rows).sum();
	}

	void writeTo(Path directory) {
		Path temporary = directory.resolve(FILE + ".tmp");
		try {
			Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
			Files.move(temporary, directory.resolve(FILE), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Reads the manifest of a backup directory.
	 * @throws BackupRefused when the directory holds no finished backup of a format this version reads
	 */
	public static BackupManifest readFrom(Path directory) {
		Path file = directory.resolve(FILE);
		if (!Files.isRegularFile(file)) {
			throw new BackupRefused(directory + " holds no finished backup (no " + FILE + ")");
		}
		BackupManifest manifest;
		try {
			manifest = JSON.readValue(Files.readString(file), BackupManifest.class);
		}
		catch (IOException | RuntimeException e) {
			throw new BackupRefused(file + " cannot be read: " + e.getMessage());
		}
		if (manifest.format() != FORMAT) {
			throw new BackupRefused(directory + " is a backup of format " + manifest.format()
					+ "; this version of Yunwei reads format " + FORMAT);
		}
		return manifest;
	}
}
