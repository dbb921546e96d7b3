package org.yunwei.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;
import org.yunwei.audit.AuditChain;
import org.yunwei.audit.ChainVerification;
import org.yunwei.database.internal.backup.BackupManifest;
import org.yunwei.database.internal.backup.BackupRefused;
import org.yunwei.database.internal.backup.BackupSource;
import org.yunwei.database.internal.backup.DatabaseBackup;
import org.yunwei.database.internal.backup.DatabaseRestore;

/**
 * {@code backup --to DIR} and {@code restore --from DIR}: the database's backup and restore from the command line,
 * with the application's database settings ({@code YUNWEI_DB_URL}, {@code YUNWEI_DATA_DIR}, or the same
 * {@code --yunwei.db...} options as the application).
 * <pre>
 * java -jar yunwei.jar backup --to /srv/backups/2026-12-06          # while Yunwei runs, or while it does not
 * java -jar yunwei.jar restore --from /srv/backups/2026-12-06       # into an empty data directory, Yunwei stopped
 * </pre>
 * {@code backup} starts no application: it reads the settings and copies the database (the running embedded server
 * when Yunwei runs, otherwise one it starts for the time of the backup). {@code restore} writes a new embedded data
 * directory, then starts the application on it without its web server and scheduled jobs (Flyway brings the schema up
 * to this version) and verifies the audit chain before it exits. See docs/reliability.md.
 */
public final class BackupCommand {

	public static final String BACKUP = "backup";
	public static final String RESTORE = "restore";

	/** Exit codes: done, refused or failed, restored but the audit chain does not verify. */
	public static final int DONE = 0;
	public static final int FAILED = 1;
	public static final int CHAIN_BROKEN = 4;

	private BackupCommand() {
	}

	public static boolean handles(String command) {
		return BACKUP.equals(command) || RESTORE.equals(command);
	}

	/**
	 * Runs {@code backup} or {@code restore}.
	 * @param application the application's main class, started after a restore to verify it
	 * @param args the command's name followed by its arguments
	 * @return the exit code
	 */
	public static int run(Class<?> application, String... args) {
		String command = args[0];
		String[] options = Arrays.copyOfRange(args, 1, args.length);
		StandardEnvironment environment = environment(options);
		String directoryOption = BACKUP.equals(command) ? "to" : "from";
		String directory = environment.getProperty(directoryOption);
		if (!StringUtils.hasText(directory)) {
			System.err.println(command + ": --" + directoryOption + "=DIR is required");
			System.err.println("usage: java -jar yunwei.jar backup --to=DIR | restore --from=DIR "
					+ "[--yunwei.db.embedded.data-directory=DIR] [--yunwei.db.url=URL ...]");
			return FAILED;
		}
		try {
			return BACKUP.equals(command) ? backup(environment, Path.of(directory))
					: restore(application, environment, options, Path.of(directory));
		}
		catch (BackupRefused e) {
			System.err.println(command + " refused: " + e.getMessage());
			return FAILED;
		}
		catch (RuntimeException e) {
			System.err.println(command + " failed: " + message(e));
			return FAILED;
		}
	}

	private static int backup(StandardEnvironment environment, Path to) {
		String url = environment.getProperty("yunwei.db.url");
		try (BackupSource source = StringUtils.hasText(url)
				? BackupSource.external(url, environment.getProperty("yunwei.db.user"),
						environment.getProperty("yunwei.db.password"))
				: BackupSource.embedded(dataDirectory(environment))) {
			System.out.println("Backing up " + source.description() + " to " + to.toAbsolutePath());
			BackupManifest manifest = new DatabaseBackup(source.dataSource()).writeTo(to);
			System.out.printf("Backup done: %d rows in %d tables, as of %s%n", manifest.rows(),
					manifest.tables().size(), manifest.takenAt());
			return DONE;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static int restore(Class<?> application, StandardEnvironment environment, String[] options, Path from) {
		if (StringUtils.hasText(environment.getProperty("yunwei.db.url"))) {
			throw new BackupRefused("restore writes an embedded data directory; for an external PostgreSQL "
					+ "(YUNWEI_DB_URL) restore its own dump with pg_restore, see docs/reliability.md");
		}
		Path data = dataDirectory(environment);
		System.out.println("Restoring " + from.toAbsolutePath() + " into " + data);
		DatabaseRestore.Restored restored = new DatabaseRestore(from).into(data);
		System.out.printf("Restored %d rows in %d tables, as of %s. Starting Yunwei on it to verify...%n",
				restored.manifest().rows(), restored.manifest().tables().size(), restored.manifest().takenAt());
		SpringApplication spring = new SpringApplication(application);
		spring.setWebApplicationType(WebApplicationType.NONE);
		spring.setDefaultProperties(Map.of("yunwei.scheduling.enabled", "false"));
		try (ConfigurableApplicationContext context = spring.run(withoutDirectory(normalised(options)))) {
			ChainVerification chain = context.getBean(AuditChain.class).verify();
			if (!chain.intact()) {
				System.err.printf("The audit chain of the restored database is broken at record %d (%s)%n",
						chain.firstBrokenSeq(), chain.reason());
				return CHAIN_BROKEN;
			}
			System.out.printf("Audit chain intact (%d records, %s). Yunwei can start on %s.%n", chain.checked(),
					chain.algorithm(), data);
			return DONE;
		}
	}

	/** The embedded data directory as the application resolves it (application.yml, environment, options). */
	private static Path dataDirectory(StandardEnvironment environment) {
		return Path.of(environment.getProperty("yunwei.db.embedded.data-directory", "./data/postgres"))
			.toAbsolutePath()
			.normalize();
	}

	private static String[] withoutDirectory(String[] options) {
		return Arrays.stream(options)
			.filter(o -> !o.startsWith("--from") && !o.startsWith("--to"))
			.toArray(String[]::new);
	}

	/** The options first, then the environment, then application.yml: the application's own order. */
	static StandardEnvironment environment(String[] options) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(normalised(options)));
		try {
			new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
				.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return environment;
	}

	/** {@code --to DIR} as well as {@code --to=DIR}. */
	private static String[] normalised(String[] options) {
		List<String> result = new ArrayList<>();
		for (int i = 0; i < options.length; i++) {
			String option = options[i];
			if ((option.equals("--to") || option.equals("--from")) && i + 1 < options.length) {
				result.add(option + "=" + options[++i]);
			}
			else {
				result.add(option);
			}
		}
		return result.toArray(String[]::new);
	}

	private static String message(Throwable e) {
		StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
			text.append("\n  caused by: ").append(cause.getMessage());
		}
		return text.toString();
	}
}
