package org.yunwei.dataset;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.yunwei.dataset.internal.DatasetRun;
import org.yunwei.dataset.internal.GenerateOptions;

/**
 * {@code generate}: the application started without its web server and scheduled jobs, on its usual database
 * (Flyway first), to generate a dataset and exit. Every argument also reaches Spring, so {@code --yunwei.db.url=...}
 * and the other settings apply as for the application.
 * <pre>
 * java -jar target/yunwei.jar generate --tickets=1000000 [--seed=20261124] [--accounts-file=PATH]
 *     [--chunk-size=50000] [--stop-after-chunks=N] [--anchor=2026-11-24T00:00:00Z]
 * </pre>
 */
public final class GenerateCommand {

	/** The first argument that selects this command. */
	public static final String NAME = "generate";

	/** Exit codes: done (or already done), refused or failed, stopped early on request. */
	public static final int DONE = 0;
	public static final int FAILED = 1;
	public static final int STOPPED = 3;

	private GenerateCommand() {
	}

	/**
	 * Runs the command.
	 *
	 * @param application the application's main class
	 * @param args the arguments after {@code generate}
	 * @return the exit code
	 */
	public static int run(Class<?> application, String... args) {
		GenerateOptions options;
		try {
			options = GenerateOptions.parse(args);
		}
		catch (IllegalArgumentException e) {
			System.err.println("generate: " + e.getMessage());
			System.err.println(GenerateOptions.USAGE);
			return FAILED;
		}
		SpringApplication spring = new SpringApplication(application);
		spring.setWebApplicationType(WebApplicationType.NONE);
		spring.setDefaultProperties(Map.of("yunwei.scheduling.enabled", "false"));
		try (ConfigurableApplicationContext context = spring.run(args)) {
			return context.getBean(DatasetRun.class).generate(options) ? DONE : STOPPED;
		}
		catch (RuntimeException e) {
			System.err.println("generate failed: " + message(e));
			return FAILED;
		}
	}

	private static String message(Throwable e) {
		Throwable cause = e;
		StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
			text.append("\n  caused by: ").append(cause.getMessage());
		}
		return text.toString();
	}
}
