package org.yunwei.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * A Yunwei process started from the benchmark's own class path ({@code java -cp … org.yunwei.YunweiApplication}),
 * its output copied to a log file and, for the lines {@link #echo} selects, to the benchmark's output. The test
 * classes are left out of its class path: Spring's component scan would otherwise find the tests' beans.
 */
final class ChildJvm implements AutoCloseable {

	private static final Duration STOP_WAIT = Duration.ofSeconds(60);

	private final String name;
	private final Process process;
	private final Path log;
	private final Thread pump;
	private volatile boolean outOfMemory;
	private volatile boolean closing;

	private ChildJvm(String name, Process process, Path log, Predicate<String> echo) {
		this.name = name;
		this.process = process;
		this.log = log;
		this.pump = Thread.ofPlatform().daemon().name(name + "-output").start(() -> copy(echo));
	}

	/**
	 * Starts {@code org.yunwei.YunweiApplication} with these JVM options and program arguments.
	 *
	 * @param echo which lines of its output to print besides writing them to the log
	 */
	static ChildJvm start(String name, List<String> jvmOptions, List<String> arguments, Path log,
			Predicate<String> echo) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(applicationClassPath());
		command.add("org.yunwei.YunweiApplication");
		command.addAll(arguments);
		try {
			Files.createDirectories(log.getParent());
			System.out.println("[" + name + "] starting: " + String.join(" ", jvmOptions) + " … "
					+ String.join(" ", arguments).replaceAll("(password=)\\S*", "$1***") + " (log: " + log + ")");
			// its working directory is the log's: whatever it keeps under ./data stays with the benchmark
			Process process = new ProcessBuilder(command).directory(log.getParent().toFile()).redirectErrorStream(true)
				.start();
			return new ChildJvm(name, process, log, echo);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start " + name, e);
		}
	}

	long pid() {
		return process.pid();
	}

	boolean alive() {
		return process.isAlive();
	}

	boolean sawOutOfMemory() {
		return outOfMemory;
	}

	Path log() {
		return log;
	}

	/** Waits for the process to end by itself and answers its exit code. */
	int waitFor(Duration atMost) throws InterruptedException {
		if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException(name + " did not finish within " + atMost + "; see " + log);
		}
		pump.join(5_000);
		return process.exitValue();
	}

	/** Polls {@code url} until it answers 200, failing early when the process ends. */
	void awaitHealthy(URI url, Duration atMost) throws InterruptedException {
		var http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + atMost.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " ended with " + process.exitValue() + " before it was "
						+ "healthy; see " + log);
			}
			try {
				var response = http.send(java.net.http.HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(name + " was not healthy within " + atMost + "; see " + log);
	}

	/** Kills the process outright (SIGKILL): no shutdown hook runs, an embedded postmaster is left behind. */
	void kill() throws InterruptedException {
		closing = true;
		process.destroyForcibly();
		process.waitFor();
		pump.join(5_000);
	}

	/** Asks the process to stop (SIGTERM: Spring closes the pool, the embedded PostgreSQL shuts down), then kills it. */
	@Override
	public void close() {
		if (!process.isAlive()) {
			return;
		}
		closing = true;
		process.destroy();
		try {
			if (!process.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
				System.out.println("[" + name + "] did not stop within " + STOP_WAIT + ": killing it");
				process.destroyForcibly().waitFor();
			}
			pump.join(5_000);
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void copy(Predicate<String> echo) {
		try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				var out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				out.println(line);
				out.flush();
				if (line.contains("OutOfMemoryError")) {
					outOfMemory = true;
				}
				if (echo.test(line)) {
					System.out.println("[" + name + "] " + line);
				}
			}
		}
		catch (IOException e) {
			if (!closing) {
				System.out.println("[" + name + "] output lost: " + e);
			}
		}
	}

	/**
	 * This JVM's class path without the test classes. Surefire runs tests from a jar whose manifest holds the real
	 * class path; it is expanded here.
	 */
	static String applicationClassPath() {
		List<String> entries = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			entries.addAll(expand(entry));
		}
		return entries.stream()
			.map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
			.filter(entry -> !Path.of(entry).normalize().endsWith(Path.of("target", "test-classes")))
			.filter(entry -> !entry.contains("surefire"))
			.distinct()
			.collect(Collectors.joining(java.io.File.pathSeparator));
	}

	private static List<String> expand(String entry) {
		if (!entry.endsWith(".jar") || !entry.contains("surefire")) {
			return List.of(entry);
		}
		try (JarFile jar = new JarFile(entry)) {
			String classPath = jar.getManifest() == null ? null
					: jar.getManifest().getMainAttributes().getValue("Class-Path");
			if (classPath == null) {
				return List.of(entry);
			}
			return Arrays.stream(classPath.trim().split("\\s+"))
				.map(URI::create)
				.map(uri -> uri.isAbsolute() ? Path.of(uri) : Path.of(entry).getParent().resolve(uri.getPath()))
				.map(path -> path.normalize().toString())
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
