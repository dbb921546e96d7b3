package org.yunwei.ticket.internal.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.support.ApiClient;
import org.yunwei.support.HeldClusterLock;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.ResolvedTickets;
import org.yunwei.ticket.internal.TicketFixtures;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.ticket.internal.work.AutoCloseJob;

import tools.jackson.databind.JsonNode;

/**
 * The auto-close job run with a given "now" on the default calendar. The test holds the job's cluster lock, so that
 * the scheduled run cannot close the tickets it backdates before it looks.
 */
class AutoCloseIntegrationTests extends IntegrationTestSupport {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	AutoCloseJob job;

	@Autowired
	LockProvider locks;

	@Autowired
	TicketSettings settings;

	ApiClient api;
	TicketFixtures world;
	ResolvedTickets testing;
	HeldClusterLock scheduledRun;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		world = new TicketFixtures(jdbc, api);
		testing = new ResolvedTickets(world);
		scheduledRun = HeldClusterLock.hold(locks, "ticket-auto-close");
	}

	@AfterEach
	void release() {
		if (scheduledRun != null) {
			scheduledRun.close();
		}
	}

	@Test
	void closesAResolvedTicketOnlyAfterThreeBusinessDaysAcrossAWeekend() {
		assertThat(settings.autoCloseBusinessDays()).isEqualTo(3);
		long friday = resolvedAt("周五解决", "2026-03-13T16:30");
		long monday = resolvedAt("周一解决", "2026-03-16T09:10");

		job.closeDue(at("2026-03-18T17:00"));
		assertThat(testing.status(friday)).isEqualTo("RESOLVED");

		job.closeDue(at("2026-03-19T00:05"));
		assertThat(testing.status(friday)).isEqualTo("CLOSED");
		assertThat(testing.status(monday)).isEqualTo("RESOLVED");
		JsonNode closed = api.get("/api/v1/tickets/" + friday, world.token(world.bureauUser)).json();
		assertThat(closed.get("ticket").get("closedAt").isNull()).isFalse();
		assertThat(closed.get("resolution").get("status").asString()).isEqualTo("STOPPED");
		JsonNode last = closed.get("timeline").get(closed.get("timeline").size() - 1);
		assertThat(last.get("kind").asString()).isEqualTo("STATUS_CHANGED");
		assertThat(last.get("authorName").asString()).isEqualTo(AutoCloseJob.REASON);
		assertThat(jdbc.sql("select actor from audit_record where action = 'TICKET_CLOSE' and object_id = ?")
			.param(String.valueOf(friday)).query(String.class).list()).containsExactly(AutoCloseJob.REASON);

		job.closeDue(at("2026-03-20T00:05"));
		assertThat(testing.status(monday)).isEqualTo("CLOSED");
	}

	@Test
	void leavesConfirmedReopenedAndRecentlyResolvedTicketsAlone() {
		long reopened = resolvedAt("重新打开", "2026-03-02T10:00");
		ResolvedTickets.expect(200, api.post("/api/v1/tickets/" + reopened + "/reopen",
				world.token(world.bureauUser), Map.of("comment", "问题依旧")));
		long confirmed = resolvedAt("已确认", "2026-03-02T10:00");
		ResolvedTickets.expect(200,
				api.post("/api/v1/tickets/" + confirmed + "/confirm", world.token(world.bureauUser), Map.of()));
		long recent = testing.resolved("刚解决");

		job.closeDue(at("2026-03-19T00:05"));
		assertThat(testing.status(reopened)).isEqualTo("IN_PROGRESS");
		assertThat(testing.status(confirmed)).isEqualTo("CLOSED");
		assertThat(testing.audits("TICKET_CLOSE", confirmed)).isZero();
		assertThat(testing.status(recent)).isEqualTo("RESOLVED");
	}

	/** A resolved ticket whose resolution is moved back to the given local time in Shanghai. */
	private long resolvedAt(String subject, String localDateTime) {
		long id = testing.resolved(subject);
		jdbc.sql("update ticket set resolved_at = ? where id = ?").params(Timestamp.from(at(localDateTime)), id)
			.update();
		return id;
	}

	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}
}
