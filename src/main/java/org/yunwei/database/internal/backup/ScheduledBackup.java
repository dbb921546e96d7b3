package org.yunwei.database.internal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.audit.Outcome;

/**
 * The scheduled backup: at {@code yunwei.backup.schedule}, once per cluster (ShedLock), a backup into a new directory
 * {@code yunwei-backup-<UTC time>} under {@code yunwei.backup.directory}, written as {@code <name>.partial} and renamed
 * when complete, so that a directory with the plain name is always a whole backup. Then all but the newest
 * {@code keep} backups are deleted, and unfinished ones a crash left behind. Each run is logged and put on the audit
 * trail, a failure with its reason; a failed run deletes nothing.
 */
@Component
@EnableConfigurationProperties(BackupProperties.class)
public class ScheduledBackup {

	static final String PREFIX = "yunwei-backup-";
	static final String PARTIAL = ".partial";

	private static final Logger log = LoggerFactory.getLogger(ScheduledBackup.class);
	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final DataSource dataSource;
	private final BackupProperties properties;
	private final AuditTrail audit;
	private final Clock clock;

	@Autowired
	ScheduledBackup(DataSource dataSource, BackupProperties properties, AuditTrail audit) {
		this(dataSource, properties, audit, Clock.systemUTC());
	}

	ScheduledBackup(DataSource dataSource, BackupProperties properties, AuditTrail audit, Clock clock) {
		this.dataSource = dataSource;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Scheduled(cron = "${yunwei.backup.schedule:0 30 2 * * *}")
	@SchedulerLock(name = "database-backup", lockAtMostFor = "PT6H")
	void scheduled() {
		run();
	}

	/**
	 * Takes one backup now and applies the retention.
	 * @return the finished backup's directory, or {@code null} when it failed (logged and audited)
	 */
	public Path run() {
		Path root = Path.of(properties.directory()).toAbsolutePath().normalize();
		String name = PREFIX + NAME.format(clock.instant());
		Path partial = root.resolve(name + PARTIAL);
		Path finished = root.resolve(name);
		try {
			Files.createDirectories(root);
			BackupManifest manifest = new DatabaseBackup(dataSource).writeTo(partial);
			Files.move(partial, finished);
			List<Path> deleted = applyRetention(root);
			log.info("Scheduled backup {} written: {} rows in {} tables; {} older backups deleted (keeping {})",
					finished, manifest.rows(), manifest.tables().size(), deleted.size(), properties.keep());
			audit.recordAlone(AuditEntry.of("DATABASE_BACKUP", "database_backup", name)
				.actor("system")
				.after(Map.of("directory", finished.toString(), "rows", manifest.rows(), "tables",
						manifest.tables().size(), "deleted", deleted.stream().map(p -> p.getFileName().toString()).toList()))
				.detail(finished.toString()));
			return finished;
		}
		catch (RuntimeException | IOException e) {
			log.error("Scheduled backup {} failed; older backups are kept", name, e);
			DatabaseRestore.deleteTree(partial);
			audit.recordAlone(AuditEntry.of("DATABASE_BACKUP", "database_backup", name)
				.actor("system")
				.outcome(Outcome.FAILURE)
				.detail(String.valueOf(e.getMessage())));
			return null;
		}
	}

	/** Deletes every finished backup but the newest {@code keep}, and every unfinished one. */
	List<Path> applyRetention(Path root) throws IOException {
		List<Path> backups;
		try (Stream<Path> entries = Files.list(root)) {
			backups = entries.filter(Files::isDirectory)
				.filter(p -> p.getFileName().toString().startsWith(PREFIX))
				.sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
				.toList();
		}
		List<Path> finished = backups.stream().filter(p -> !p.getFileName().toString().endsWith(PARTIAL)).toList();
		List<Path> doomed = Stream.concat(finished.stream().skip(properties.keep()),
				backups.stream().filter(p -> p.getFileName().toString().endsWith(PARTIAL))).toList();
		for (Path backup : doomed) {
			try {
				DatabaseRestore.deleteTree(backup);
			}
			catch (UncheckedIOException e) {
				log.warn("Could not delete old backup {}", backup, e);
			}
		}
		return doomed;
	}
}
