package org.yunwei.database.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.support.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.database.DatabaseRecovered;

/**
 * Releases this node's scheduled-job locks that an outage left held. A job that was running when the database went
 * away took its ShedLock row, failed, and could not write the release either: the row then held the job off until
 * its {@code lockAtMostFor} ran out — ten minutes of no event redelivery, fifteen of no notifications, measured in
 * the reliability drill (a PostgreSQL kill during the redelivery's run left 16 publications waiting for ten minutes).
 * <p>
 * Released at the recovery: the locks of this node (ShedLock's holder name is the host name) taken before the
 * database answered again and still held. Every job that held one met the outage, as its own statements failed, so
 * none of them still runs; a job that started after the recovery took its lock later and keeps it. The times are
 * the database's own UTC wall times, as ShedLock writes them ({@code usingDbTime}); a database clock behind this
 * node's by more than the outage could at worst let one job start again while its first run ends, which every
 * scheduled job here tolerates (each is written to run on one node at a time, not to be run only once).
 */
@Component
class OutageLockRelease {

	private static final Logger log = LoggerFactory.getLogger(OutageLockRelease.class);

	private final JdbcClient jdbc;
	private final String holder;

	OutageLockRelease(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.holder = Utils.getHostname();
	}

	@EventListener
	void on(DatabaseRecovered recovered) {
		release(recovered, holder);
	}

	/** Releases the locks of the node named {@code holder} held since before the recovery; returns how many. */
	int release(DatabaseRecovered recovered, String holder) {
		try {
			int released = jdbc.sql("""
					update shedlock set lock_until = timezone('utc', now())
					where locked_by = ? and lock_until > timezone('utc', now()) and locked_at < ?""")
				.param(holder)
				.param(LocalDateTime.ofInstant(recovered.recoveredAt(), ZoneOffset.UTC))
				.update();
			if (released > 0) {
				log.warn("Released {} scheduled job lock(s) that the database outage left held", released);
			}
			return released;
		}
		catch (RuntimeException e) {
			// the locks then run out by themselves (lockAtMostFor): a later outage must not fail the recovery
			log.warn("Scheduled job locks left held by the outage could not be released: {}", e.getMessage());
			return 0;
		}
	}
}
