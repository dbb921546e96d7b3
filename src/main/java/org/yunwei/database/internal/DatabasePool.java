package org.yunwei.database.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

/**
 * The connection pool, which an outage can hurry. Two things Hikari does not do by itself:
 * <ul>
 * <li>A borrower waits as long as the connection timeout says <em>now</em> ({@link #setConnectionTimeout}, which
 * {@link DatabaseWatch} lowers during an outage). Hikari's own pool reads the timeout once, when it is built, so
 * that lowering it through its configuration bean changed nothing.</li>
 * <li>{@link #cutWaitsShort()} ends the waits already under way: a request that began waiting for a connection just
 * before the database went away would otherwise wait out the whole timeout (10 s by default) before its 503.</li>
 * </ul>
 */
final class DatabasePool extends HikariDataSource {

	private final Set<Borrower> waiting = ConcurrentHashMap.newKeySet();

	DatabasePool(HikariConfig config) {
		super(config);
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (isClosed() || !(getHikariPoolMXBean() instanceof HikariPool pool)) {
			return super.getConnection();
		}
		Borrower borrower = new Borrower(Thread.currentThread());
		waiting.add(borrower);
		try {
			return pool.getConnection(getConnectionTimeout());
		}
		catch (SQLException e) {
			if (borrower.wasCutShort()) {
				throw new SQLTransientConnectionException(
						getPoolName() + " - the database became unavailable while this waited for a connection",
						"08006", e);
			}
			throw e;
		}
		finally {
			waiting.remove(borrower);
			borrower.done();
		}
	}

	/** Ends every wait for a connection under way with a {@link SQLTransientConnectionException}; how many. */
	int cutWaitsShort() {
		int cut = 0;
		for (Borrower borrower : waiting) {
			if (borrower.cutShort()) {
				cut++;
			}
		}
		return cut;
	}

	/**
	 * A thread waiting for a connection. Hikari ends a wait when its thread is interrupted; the interruption is
	 * ours, so it is taken back once the wait is over, whichever way it ended, and nothing after sees it.
	 */
	private static final class Borrower {

		private final Thread thread;
		private boolean done;
		private boolean cutShort;

		Borrower(Thread thread) {
			this.thread = thread;
		}

		synchronized boolean cutShort() {
			if (done) {
				return false;
			}
			cutShort = true;
			thread.interrupt();
			return true;
		}

		synchronized boolean wasCutShort() {
			return cutShort;
		}

		/** Called by the waiting thread itself. */
		synchronized void done() {
			done = true;
			if (cutShort) {
				Thread.interrupted();
			}
		}
	}
}
