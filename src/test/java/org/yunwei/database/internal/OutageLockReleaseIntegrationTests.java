package org.yunwei.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import net.javacrumbs.shedlock.support.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.yunwei.database.DatabaseRecovered;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * A job that was running when the database went away keeps its lock (its release failed with the database): the
 * recovery releases this node's locks taken before it, and leaves another node's and those taken since.
 */
class OutageLockReleaseIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private ApplicationEventPublisher events;

	private final String job = TestDirectory.unique("job");
	private final String node = TestDirectory.unique("node");

	@AfterEach
	void removeTheLocks() {
		jdbc.sql("delete from shedlock where name like ?").param(job + "%").update();
	}

	@Test
	void theRecoveryReleasesTheNodesLocksThatTheOutageLeftHeld() {
		lock("-stuck", node, "- interval '40 seconds'", "+ interval '10 minutes'");
		lock("-other-node", node + "-b", "- interval '40 seconds'", "+ interval '10 minutes'");
		lock("-taken-since", node, "+ interval '5 seconds'", "+ interval '10 minutes'");
		lock("-already-free", node, "- interval '40 seconds'", "- interval '1 second'");

		int released = new OutageLockRelease(jdbc).release(recoveredNow(), node);

		assertThat(released).isEqualTo(1);
		assertThat(held("-stuck")).isFalse();
		assertThat(held("-other-node")).isTrue();
		assertThat(held("-taken-since")).isTrue();
		assertThat(held("-already-free")).isFalse();
	}

	@Test
	void theRecoveryEventReleasesTheLocksOfThisNodeByItsHostName() {
		lock("-stuck-here", Utils.getHostname(), "- interval '40 seconds'", "+ interval '10 minutes'");

		events.publishEvent(recoveredNow());

		assertThat(held("-stuck-here")).isFalse();
	}

	private DatabaseRecovered recoveredNow() {
		Instant now = jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
		return new DatabaseRecovered(UUID.randomUUID(), now.minusSeconds(30), now, true, 1, "killed");
	}

	private void lock(String suffix, String holder, String lockedAt, String until) {
		jdbc.sql("insert into shedlock (name, lock_until, locked_at, locked_by) values (?, timezone('utc', now()) "
				+ until + ", timezone('utc', now()) " + lockedAt + ", ?)")
			.params(job + suffix, holder).update();
	}

	private boolean held(String suffix) {
		return jdbc.sql("select lock_until > timezone('utc', now()) from shedlock where name = ?")
			.param(job + suffix).query(Boolean.class).single();
	}
}
