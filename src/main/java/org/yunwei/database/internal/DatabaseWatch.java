package org.yunwei.database.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Notices an outage and, for the embedded server, ends it. A thread of its own looks, every quarter of the probe
 * interval, whether the embedded postmaster still runs, and asks the database once per interval (on a connection of
 * its own, outside the pool, with short timeouts) whether it answers.
 * <p>
 * When the embedded postmaster has died, it is started again at once ({@link EmbeddedPostgresServer#restart()}: the
 * same stale-postmaster recovery as at start, then PostgreSQL's crash recovery). Crashes that follow one another back
 * off: the n-th crash within {@code restartWindow} waits 2<sup>n-2</sup> s before its restart, and a start that
 * fails is tried again after a growing wait; after {@code maxRestarts} crashes within the window the database is
 * DOWN, and no more is tried (a restart loop would hide a disk that is full or a corrupted cluster). An external
 * database is only awaited: it is asked every interval until it answers.
 * <p>
 * Its lifecycle phase is the lowest of the application's, so that it stops last: it keeps healing the embedded server
 * while the web server drains its requests and the listeners finish, and has stopped before the context closes the
 * server (which it must not mistake for a crash).
 */
final class DatabaseWatch implements SmartLifecycle {

	static final int PHASE = Integer.MIN_VALUE + 1000;
	private static final int START_ATTEMPTS = 3;
	/** What the pool waits for a connection while the database is unavailable: work that asks fails soon. */
	private static final long OUTAGE_CONNECTION_TIMEOUT_MS = 1000;
	/** ... and while the application stops with the database unavailable: Hikari's least. */
	private static final long STOPPING_CONNECTION_TIMEOUT_MS = 250;

	private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);

	private final DatabaseAvailability availability;
	private final EmbeddedPostgresServer embedded;
	private final DatabasePool pool;
	private final DatabaseProperties.Recovery recovery;
	private final String url;
	private final Properties connection;
	private final Clock clock;
	private final Deque<Instant> crashes = new ArrayDeque<>();
	private final long connectionTimeout;

	private volatile CountDownLatch stop = new CountDownLatch(0);
	private volatile Thread thread;
	private Connection probe;

	DatabaseWatch(DatabaseAvailability availability, EmbeddedPostgresServer embedded, DatabasePool pool,
			DatabaseProperties.Recovery recovery, Clock clock) {
		this.availability = availability;
		this.embedded = embedded;
		this.pool = pool;
		this.recovery = recovery;
		this.clock = clock;
		this.url = pool.getJdbcUrl();
		this.connectionTimeout = pool.getConnectionTimeout();
		this.connection = new Properties();
		if (pool.getUsername() != null) {
			connection.setProperty("user", pool.getUsername());
		}
		if (pool.getPassword() != null) {
			connection.setProperty("password", pool.getPassword());
		}
		long seconds = Math.max(1, recovery.probeInterval().multipliedBy(2).toSeconds());
		connection.setProperty("connectTimeout", Long.toString(seconds));
		connection.setProperty("socketTimeout", Long.toString(seconds));
		connection.setProperty("loginTimeout", Long.toString(seconds));
		connection.setProperty("ApplicationName", "yunwei-watch");
	}

	@Override
	public synchronized void start() {
		if (thread != null) {
			return;
		}
		stop = new CountDownLatch(1);
		thread = Thread.ofPlatform().daemon().name("database-watch").start(this::watch);
	}

	@Override
	public void stop() {
		Thread running;
		synchronized (this) {
			running = thread;
			thread = null;
		}
		availability.stopping();
		stop.countDown();
		if (!availability.serving()) {
			// what still stops after this (the event publication registry, the pool) must not wait 10 s per
			// connection it asks for in vain
			pool.getHikariConfigMXBean().setConnectionTimeout(STOPPING_CONNECTION_TIMEOUT_MS);
		}
		if (running != null) {
			try {
				running.join(Duration.ofSeconds(30));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		closeProbe();
	}

	@Override
	public boolean isRunning() {
		return thread != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void watch() {
		Duration look = recovery.probeInterval().dividedBy(4);
		long ticks = 0;
		while (!stopped(ticks == 0 ? Duration.ZERO : look)) {
			try {
				if (embedded != null && availability.state() != DatabaseAvailability.State.DOWN
						&& !embedded.isRunning()) {
					heal();
				}
				else if (ticks % 4 == 0 || !availability.serving()) {
					check();
				}
			}
			catch (RuntimeException e) {
				log.warn("The database watch failed once; it goes on", e);
			}
			ticks++;
		}
	}

	/** Asks the database whether it answers, and says so to the availability. */
	private void check() {
		if (availability.state() == DatabaseAvailability.State.DOWN && embedded != null) {
			return;
		}
		if (answers()) {
			if (!availability.serving()) {
				// connections to the server that went away are dead: the pool replaces them rather than lending them
				pool.getHikariPoolMXBean().softEvictConnections();
				pool.getHikariConfigMXBean().setConnectionTimeout(connectionTimeout);
				availability.restored();
			}
		}
		else if (embedded != null && !embedded.isRunning()) {
			heal(); // it died just now: say so, and start it again
		}
		else {
			lost(embedded != null ? "the embedded PostgreSQL does not answer"
					: "the PostgreSQL at " + url + " does not answer");
		}
	}

	private boolean answers() {
		try {
			if (probe == null || probe.isClosed()) {
				probe = DriverManager.getConnection(url, connection);
			}
			if (probe.isValid((int) Math.max(1, recovery.probeInterval().toSeconds()))) {
				return true;
			}
		}
		catch (SQLException e) {
			log.debug("The database does not answer: {}", e.getMessage());
		}
		closeProbe();
		return false;
	}

	private void heal() {
		long pid = embedded.postmasterPid();
		String ended = "the embedded PostgreSQL (pid " + pid + ") ended";
		lost(ended);
		availability.diagnosed(ended);
		closeProbe();
		Instant now = clock.instant();
		crashes.addLast(now);
		while (!crashes.isEmpty() && crashes.peekFirst().isBefore(now.minus(recovery.restartWindow()))) {
			crashes.removeFirst();
		}
		if (crashes.size() > recovery.maxRestarts()) {
			availability.failed("the embedded PostgreSQL ended " + crashes.size() + " times within "
					+ recovery.restartWindow() + "; the last was pid " + pid);
			return;
		}
		Duration wait = crashes.size() < 2 ? Duration.ZERO : Duration.ofSeconds(1L << Math.min(5, crashes.size() - 2));
		for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
			if (stopped(wait)) {
				return;
			}
			log.warn("Restarting the embedded PostgreSQL (crash {} within {}, start attempt {})", crashes.size(),
					recovery.restartWindow(), attempt);
			try {
				embedded.restart();
				availability.restarted();
				log.warn("The embedded PostgreSQL runs again (pid {})", embedded.postmasterPid());
				check();
				return;
			}
			catch (IOException | RuntimeException e) {
				log.error("The embedded PostgreSQL did not start again (attempt {} of {})", attempt, START_ATTEMPTS, e);
				if (e instanceof IllegalStateException && stop.getCount() == 0) {
					return;
				}
			}
			wait = wait.isZero() ? Duration.ofSeconds(1) : wait.multipliedBy(2);
		}
		availability.failed("the embedded PostgreSQL did not start again after " + START_ATTEMPTS + " attempts");
	}

	/**
	 * Requests are refused by the filter meanwhile; what runs anyway (a scheduled tick, a listener) fails after a
	 * second instead of the pool's usual wait, and what was already waiting for a connection fails now.
	 */
	private void lost(String what) {
		boolean wasServing = availability.serving();
		pool.getHikariConfigMXBean().setConnectionTimeout(Math.min(connectionTimeout, OUTAGE_CONNECTION_TIMEOUT_MS));
		availability.lost(what);
		if (wasServing) {
			int cut = pool.cutWaitsShort();
			if (cut > 0) {
				log.warn("{} wait(s) for a pooled connection ended at once: the database is unavailable", cut);
			}
		}
	}

	/** Waits, and says whether the application is stopping meanwhile. */
	private boolean stopped(Duration wait) {
		try {
			return stop.await(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	private void closeProbe() {
		if (probe != null) {
			try {
				probe.close();
			}
			catch (SQLException ignored) {
				// it is gone anyway
			}
			probe = null;
		}
	}
}
