package org.yunwei.support;

import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * A scheduled job's cluster lock held by a test, as another node running the job would hold it: the test's own
 * context then skips its scheduled runs, so that they cannot act on what the test is setting up. The test calls the
 * job's unlocked method itself.
 */
public final class HeldClusterLock implements AutoCloseable {

	private final SimpleLock lock;

	private HeldClusterLock(SimpleLock lock) {
		this.lock = lock;
	}

	/** Waits up to 10 s for a scheduled run that holds the lock now to finish. */
	public static HeldClusterLock hold(LockProvider locks, String name) {
		LockConfiguration configuration = new LockConfiguration(Instant.now(), name, Duration.ofMinutes(5),
				Duration.ZERO);
		long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			var lock = locks.lock(configuration);
			if (lock.isPresent()) {
				return new HeldClusterLock(lock.get());
			}
			if (System.nanoTime() > giveUp) {
				throw new IllegalStateException("The scheduled job's lock " + name + " stayed taken for 10 s");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted waiting for the lock " + name, interrupted);
			}
		}
	}

	@Override
	public void close() {
		lock.unlock();
	}

}
