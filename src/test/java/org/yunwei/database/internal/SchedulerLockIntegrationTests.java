package org.yunwei.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.yunwei.support.IntegrationTestSupport;

/**
 * Scheduled jobs lock in UTC whatever the session's zone, so that nodes in different zones agree on who holds a lock.
 */
class SchedulerLockIntegrationTests extends IntegrationTestSupport {

	@Test
	void locksAreTakenInUtcWallTime() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (jdbc.sql("select count(*) from shedlock").query(Long.class).single() == 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		double hoursOff = jdbc.sql("""
				select max(abs(extract(epoch from (locked_at - timezone('utc', now()))))) / 3600 from shedlock""")
			.query(Double.class)
			.single();
		// the jobs run every second or so; a lock taken hours "ago" would be a zone mix-up
		assertThat(hoursOff).isLessThan(1.0);
	}
}
