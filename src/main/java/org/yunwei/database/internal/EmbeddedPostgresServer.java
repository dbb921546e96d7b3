package org.yunwei.database.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by Yunwei itself, with its data in a directory that outlives the process.
 * <p>
 * Three things differ from zonky's test defaults, which trade durability for speed and suit a server that lives as
 * long as a test JVM:
 * <ul>
 * <li>fsync, synchronous commit and full-page writes are turned back on;</li>
 * <li>a postmaster left behind by a JVM that was killed is stopped before the new one starts (otherwise the start
 * fails with "Gave up waiting for server to start");</li>
 * <li>the server stops when {@link #close()} is called, not when the JVM begins to exit. zonky registers a JVM
 * shutdown hook that stops it, and the JVM runs its hooks all at once: on SIGTERM that hook stopped PostgreSQL (fast
 * shutdown, ending every session) while Spring's own hook was still stopping the web server, the scheduler and the
 * listeners, whose work then failed, and the event publication registry waited 10 s for a connection. zonky's hook
 * is kept from doing anything; the application closes the server once its connection pool has closed.</li>
 * </ul>
 * When the server's process dies while the application runs, {@link #restart()} starts it again on the same
 * directory and port (so that the connection pool's URL stays right), with the same stale-postmaster recovery as at
 * start: {@code EmbeddedDatabaseWatch} calls it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
	private static final Duration STALE_SHUTDOWN_WAIT = Duration.ofSeconds(60);

	private final Path dataDirectory;
	private volatile EmbeddedPostgres postgres;
	/** zonky's own "closed" flag: while set, its close(), and so its shutdown hook, does nothing. */
	private volatile AtomicBoolean zonkyClosed;
	private volatile long postmasterPid;
	private final AtomicBoolean closed = new AtomicBoolean();

	private EmbeddedPostgres postgresFor(Path dataDirectory, int port) throws IOException {
		var builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPGStartupWait(Duration.ofSeconds(120))
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("timezone", "UTC")
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("max_connections", "200")
			.setLocaleConfig("locale", "C")
			.setLocaleConfig("encoding", "UTF8");
		// the server's own log, beside its directory: what an operator reads to learn why it crashed
		var serverLog = ProcessBuilder.Redirect.appendTo(dataDirectory.resolveSibling("postgres.log").toFile());
		builder.setOutputRedirector(serverLog).setErrorRedirector(serverLog);
		if (port > 0) {
			builder.setPort(port);
		}
		return builder.start();
	}

	private EmbeddedPostgresServer(Path dataDirectory, int port) {
		this.dataDirectory = dataDirectory;
		try {
			Files.createDirectories(dataDirectory);
			startOn(port);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The embedded PostgreSQL in " + dataDirectory + " did not start", e);
		}
	}

	private void startOn(int port) throws IOException {
		stopStalePostmaster(dataDirectory);
		EmbeddedPostgres started = postgresFor(dataDirectory, port);
		AtomicBoolean flag = closedFlagOf(started);
		flag.set(true);
		this.postgres = started;
		this.zonkyClosed = flag;
		this.postmasterPid = postmasterOf(dataDirectory.resolve("postmaster.pid")).map(ProcessHandle::pid).orElse(-1L);
	}

	/**
	 * Whether the postmaster started last still runs. A process that has ended but was not reaped yet (a zombie, whose
	 * parent is init) counts as ended.
	 */
	public boolean isRunning() {
		long pid = postmasterPid;
		if (pid <= 0) {
			return false;
		}
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (Files.isReadable(stat)) {
			try {
				String line = Files.readString(stat);
				// "pid (comm) S ...": the state follows the command's closing parenthesis
				int end = line.lastIndexOf(')');
				return end > 0 && end + 2 < line.length() && line.charAt(end + 2) != 'Z' && line.charAt(end + 2) != 'X';
			}
			catch (IOException vanished) {
				return false;
			}
		}
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	/** The postmaster's process id, or -1 when it is not known. */
	public long postmasterPid() {
		return postmasterPid;
	}

	/**
	 * Starts the server again after its process died: the old postmaster's leftovers (its {@code postmaster.pid}, or
	 * the process itself should it still run) are cleared as at start, and PostgreSQL's crash recovery replays the
	 * WAL, so that every committed transaction is there. On the same port, so that the pool's URL stays right.
	 *
	 * @throws IOException when it does not start; the caller may try again
	 * @throws IllegalStateException when the server was closed meanwhile (the application is stopping)
	 */
	public synchronized void restart() throws IOException {
		if (closed.get()) {
			throw new IllegalStateException("The embedded PostgreSQL was closed; it is not started again");
		}
		int port = postgres.getPort();
		if (!isRunning()) {
			clearLeftoversOf(postmasterPid, port);
		}
		releaseLockOf(postgres);
		startOn(port);
	}

	/**
	 * The dead postmaster's lock files name its pid. Its parent is init, which may not have reaped it yet (or, in a
	 * container whose first process reaps nothing, ever): a zombie still answers kill(pid, 0), so PostgreSQL would
	 * take the files for a live server's ("lock file /tmp/.s.PGSQL.port.lock already exists") and refuse to start.
	 * They are removed here, only when they name the postmaster known to be dead.
	 */
	private void clearLeftoversOf(long deadPid, int port) throws IOException {
		for (Path lockFile : List.of(dataDirectory.resolve("postmaster.pid"),
				Path.of("/tmp", ".s.PGSQL." + port + ".lock"))) {
			if (Files.isRegularFile(lockFile)) {
				List<String> lines = Files.readAllLines(lockFile);
				if (!lines.isEmpty() && lines.getFirst().trim().equals(Long.toString(deadPid))) {
					log.info("Removing {} of the postmaster (pid {}) that ended", lockFile, deadPid);
					Files.deleteIfExists(lockFile);
				}
			}
		}
	}

	/**
	 * zonky locks its data directory for the life of an instance and releases the lock only in its close(), which would
	 * first run pg_ctl stop against the dead server (and log an error); a new instance on the directory then cannot
	 * lock it. The dead instance's lock is released here instead.
	 */
	private static void releaseLockOf(EmbeddedPostgres dead) {
		try {
			Field lock = EmbeddedPostgres.class.getDeclaredField("lock");
			lock.setAccessible(true);
			if (lock.get(dead) instanceof java.nio.channels.FileLock held && held.isValid()) {
				held.release();
			}
			Field stream = EmbeddedPostgres.class.getDeclaredField("lockStream");
			stream.setAccessible(true);
			if (stream.get(dead) instanceof java.io.Closeable open) {
				open.close();
			}
		}
		catch (ReflectiveOperationException | IOException | RuntimeException e) {
			log.warn("Could not release the lock of the embedded PostgreSQL that died; starting anew may fail", e);
		}
	}

	/**
	 * zonky offers no way to start without its shutdown hook, nor a handle on the hook to remove it; its close() returns
	 * at once while this flag is set. Should a zonky upgrade rename it, the server stops as zonky stops it, with a
	 * warning, and EmbeddedModeStopTests fails.
	 */
	private static AtomicBoolean closedFlagOf(EmbeddedPostgres postgres) {
		try {
			Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
			closed.setAccessible(true);
			return (AtomicBoolean) closed.get(postgres);
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			log.warn("zonky's EmbeddedPostgres has no 'closed' flag any more: its shutdown hook may stop PostgreSQL "
					+ "before the application has stopped", e);
			return new AtomicBoolean();
		}
	}

	/**
	 * Starts the server on the given data directory, creating the cluster on first use.
	 * @param port the port to listen on, or 0 for a free one
	 */
	public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
		return new EmbeddedPostgresServer(dataDirectory.toAbsolutePath(), port);
	}

	public String jdbcUrl(String database) {
		return postgres.getJdbcUrl("postgres", database);
	}

	public int port() {
		return postgres.getPort();
	}

	/**
	 * Stops the server (PostgreSQL's fast shutdown: open sessions are ended, committed work is on disk) and waits for
	 * it. Only the first call does anything.
	 */
	@Override
	public synchronized void close() throws IOException {
		if (closed.getAndSet(true)) {
			return;
		}
		if (!isRunning()) {
			// it died and was not started again (DOWN): pg_ctl stop would only fail
			releaseLockOf(postgres);
			log.info("Embedded PostgreSQL had already ended");
			return;
		}
		if (fastShutdown()) {
			releaseLockOf(postgres);
			log.info("Embedded PostgreSQL stopped");
			return;
		}
		zonkyClosed.set(false);
		postgres.close();
		log.info("Embedded PostgreSQL stopped");
	}

	/**
	 * Asks the postmaster for PostgreSQL's fast shutdown (SIGINT) and waits for it to end. zonky's own stop gives
	 * {@code pg_ctl} five seconds, which the shutdown checkpoint of a busy server on a loaded machine can outlast: the
	 * stop then failed with an error while PostgreSQL went on stopping by itself. Says whether it ended in time; if
	 * not, or if no signal could be sent, zonky's stop is the fallback.
	 */
	private boolean fastShutdown() {
		Optional<ProcessHandle> postmaster = ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive);
		if (postmaster.isEmpty()) {
			return false;
		}
		try {
			Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmasterPid)).redirectErrorStream(true)
				.start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				return false;
			}
			postmaster.get().onExit().get(STALE_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
			log.warn("The embedded PostgreSQL did not end by its fast shutdown within {}; stopping it with pg_ctl",
					STALE_SHUTDOWN_WAIT, e);
			return false;
		}
	}

	/**
	 * A JVM that died without running its shutdown hooks leaves its postmaster running on this directory. It has no
	 * clients any more, so a smart shutdown (SIGTERM) ends it cleanly; a crash-consistent kill is the fallback.
	 */
	static void stopStalePostmaster(Path dataDirectory) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> postmaster = postmasterOf(pidFile);
		if (postmaster.isEmpty()) {
			log.info("Removing stale {} of a postmaster that is no longer running", pidFile);
			Files.deleteIfExists(pidFile);
			return;
		}
		ProcessHandle process = postmaster.get();
		log.warn("A postmaster (pid {}) from an earlier run still serves {}; stopping it before starting anew",
				process.pid(), dataDirectory);
		process.destroy();
		try {
			process.onExit().get(STALE_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception notStoppedInTime) {
			log.warn("The stale postmaster did not stop within {}; killing it (recovery replays the WAL)",
					STALE_SHUTDOWN_WAIT);
			process.destroyForcibly();
			process.onExit().join();
		}
		Files.deleteIfExists(pidFile);
	}

	private static Optional<ProcessHandle> postmasterOf(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return Optional.empty();
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
		String dataDirectory = lines.size() > 1 ? lines.get(1).trim() : "";
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false)
					|| p.info().commandLine().map(c -> c.contains(dataDirectory)).orElse(false));
	}
}
