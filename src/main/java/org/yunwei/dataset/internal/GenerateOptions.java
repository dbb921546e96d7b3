package org.yunwei.dataset.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The command's own arguments; any other argument ({@code --yunwei.db.url=...}) is Spring's and ignored here.
 *
 * @param tickets how many tickets
 * @param seed the seed of every random choice
 * @param accountsFile where to write the accounts file, {@code null} for nowhere
 * @param chunkSize tickets per chunk (one transaction and progress row each)
 * @param stopAfterChunks stop after writing this many chunks (0: never); to try resuming
 * @param anchor the instant the dataset ends at on its first run, {@code null} for now: the same seed and anchor give
 *        the same data in any database
 */
public record GenerateOptions(int tickets, long seed, Path accountsFile, int chunkSize, int stopAfterChunks,
		Instant anchor) {

	public static final long DEFAULT_SEED = 20261124L;
	public static final int DEFAULT_CHUNK_SIZE = 50_000;

	public static final String USAGE = """
			usage: generate --tickets=N [--seed=20261124] [--accounts-file=PATH] [--chunk-size=50000] \
			[--stop-after-chunks=N] [--anchor=2026-11-24T00:00:00Z] [--yunwei.db.url=... and other settings]""";

	public static GenerateOptions parse(String... args) {
		Integer tickets = null;
		long seed = DEFAULT_SEED;
		Path accounts = null;
		int chunkSize = DEFAULT_CHUNK_SIZE;
		int stopAfter = 0;
		Instant anchor = null;
		for (String arg : args) {
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
			switch (name) {
				case "--tickets" -> tickets = number(name, value, 0, 100_000_000);
				case "--seed" -> seed = Long.parseLong(required(name, value));
				case "--accounts-file" -> accounts = Path.of(required(name, value));
				case "--chunk-size" -> chunkSize = number(name, value, 1, 1_000_000);
				case "--stop-after-chunks" -> stopAfter = number(name, value, 0, Integer.MAX_VALUE);
				case "--anchor" -> anchor = instant(required(name, value));
				default -> {
					if (!arg.startsWith("--")) {
						throw new IllegalArgumentException("unexpected argument " + arg);
					}
				}
			}
		}
		if (tickets == null) {
			throw new IllegalArgumentException("--tickets is required");
		}
		return new GenerateOptions(tickets, seed, accounts, chunkSize, stopAfter, anchor);
	}

	private static Instant instant(String value) {
		try {
			return Instant.parse(value).truncatedTo(ChronoUnit.SECONDS);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("--anchor must be an instant such as 2026-11-24T00:00:00Z, not " + value);
		}
	}

	private static int number(String name, String value, int min, int max) {
		try {
			int number = Integer.parseInt(required(name, value).replace("_", ""));
			if (number < min || number > max) {
				throw new IllegalArgumentException(name + " must be from " + min + " to " + max);
			}
			return number;
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " must be a whole number, not " + value);
		}
	}

	private static String required(String name, String value) {
		if (value.isBlank()) {
			throw new IllegalArgumentException(name + " needs a value: " + name + "=...");
		}
		return value;
	}
}
