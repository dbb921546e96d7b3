package org.yunwei.sla.internal.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.sla.ClockEvent;
import org.yunwei.sla.ClockEvent.Type;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockState;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.Priority;
import org.yunwei.sla.SlaClocks;
import org.yunwei.sla.TimeBasis;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.web.RejectedRequest;

/**
 * The clocks against the real database, with the scheduler ticking in the background as in production: every
 * assertion on what was raised holds whichever tick raised it. Subjects are unique, as other tests share the
 * database.
 */
class ClockIntegrationTests extends IntegrationTestSupport {

	private static final List<Integer> ALL = List.of(50, 75, 90, 100);

	@Autowired
	SlaClocks clocks;

	@Autowired
	ClockTick tick;

	@Test
	void raisesEachThresholdOnceInOrderAndTheBreachOnce() {
		ClockSubject subject = subject();
		Instant start = now().minus(Duration.ofMinutes(195));
		clocks.start(subject, ClockKind.RESOLUTION, terms(Duration.ofHours(4)), start);

		awaitRaised(subject, List.of(50, 75));
		tick.tick();
		assertThat(raised(subject)).containsExactly(50, 75);
		assertThat(PublishedClockEvents.percentsOf(subject.id())).containsExactly(50, 75);
		assertThat(row(subject, "next_deadline")).isEqualTo(start.plus(Duration.ofMinutes(216)));

		// re-prioritised: with 150 minutes, 90 % and the breach have already passed
		clocks.retarget(subject, ClockKind.RESOLUTION, terms(Duration.ofMinutes(150)), now());
		awaitRaised(subject, ALL);
		tick.tick();
		assertThat(raised(subject)).containsExactly(50, 75, 90, 100);
		assertThat(PublishedClockEvents.percentsOf(subject.id())).containsExactly(50, 75, 90, 100);
		assertThat(clocks.state(subject, ClockKind.RESOLUTION).orElseThrow().breached()).isTrue();
	}

	@Test
	void catchesUpOnEverythingThatFellDueWhileTheApplicationWasStopped() {
		// a clock started ten hours ago whose row nobody ticked: its thresholds and breach all lie in the past
		ClockSubject subject = subject();
		clocks.start(subject, ClockKind.RESPONSE, terms(Duration.ofHours(1)), now().minus(Duration.ofHours(10)));
		assertThat(row(subject, "next_deadline")).isBefore(now());

		tick.tick();
		awaitRaised(subject, ALL);
		assertThat(raised(subject)).containsExactly(50, 75, 90, 100);
		assertThat(PublishedClockEvents.percentsOf(subject.id())).containsExactly(50, 75, 90, 100);
		assertThat(jdbc.sql("select next_deadline from sla_clock where subject_id = ?").param(subject.id())
			.query(java.sql.Timestamp.class).optional()).isEmpty();
	}

	@Test
	void twoNodesTickingAtOnceRaiseEachEventOnce() throws Exception {
		List<ClockSubject> subjects = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			ClockSubject subject = subject();
			clocks.start(subject, ClockKind.RESOLUTION, terms(Duration.ofHours(1)), now().minus(Duration.ofHours(2)));
			subjects.add(subject);
		}
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> ticks = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				ticks.add(tick::tick);
			}
			for (Future<Integer> done : nodes.invokeAll(ticks)) {
				done.get();
			}
		}
		finally {
			nodes.shutdown();
		}
		for (ClockSubject subject : subjects) {
			awaitRaised(subject, ALL);
			assertThat(raised(subject)).containsExactly(50, 75, 90, 100);
			assertThat(PublishedClockEvents.percentsOf(subject.id())).containsExactly(50, 75, 90, 100);
		}
	}

	@Test
	void aPauseMovesTheDueTimeByThePausedBusinessTime() {
		ClockSubject subject = subject();
		ClockTerms eightBusinessHours = new ClockTerms(null, Priority.P3, null, TimeBasis.BUSINESS,
				Duration.ofHours(8), List.of(50, 75, 90));
		clocks.start(subject, ClockKind.RESOLUTION, eightBusinessHours, at("2026-03-02T09:00+08:00"));
		assertThat(clocks.pause(subject, ClockKind.RESOLUTION, at("2026-03-02T10:00+08:00"))).isTrue();
		assertThat(clocks.pause(subject, ClockKind.RESOLUTION, at("2026-03-02T10:30+08:00"))).isFalse();
		assertThat(clocks.resume(subject, ClockKind.RESOLUTION, at("2026-03-02T11:00+08:00"))).isTrue();
		assertThat(clocks.stop(subject, ClockKind.RESOLUTION, at("2026-03-02T15:00+08:00"))).isTrue();

		ClockState state = clocks.state(subject, ClockKind.RESOLUTION).orElseThrow();
		assertThat(state.dueAt()).isEqualTo(at("2026-03-03T11:00+08:00"));
		assertThat(state.status()).isEqualTo(ClockState.Status.STOPPED);
		// 09:00–10:00, 11:00–12:00 and 13:30–15:00 counted: 3.5 of 8 hours
		assertThat(state.remaining()).isEqualTo(Duration.ofMinutes(270));
		assertThat(clocks.timeline(subject, ClockKind.RESOLUTION)).extracting(ClockEvent::type)
			.startsWith(Type.STARTED, Type.PAUSED, Type.RESUMED);
	}

	@Test
	void refusesImpossibleTransitionsAndChangesNothing() {
		ClockSubject subject = subject();
		Instant start = now();
		clocks.start(subject, ClockKind.RESPONSE, terms(Duration.ofHours(4)), start);
		assertThatThrownBy(() -> clocks.start(subject, ClockKind.RESPONSE, terms(Duration.ofHours(4)), start))
			.isInstanceOf(RejectedRequest.class);
		assertThatThrownBy(() -> clocks.pause(subject, ClockKind.RESPONSE, start.minusSeconds(60)))
			.isInstanceOf(RejectedRequest.class);
		assertThatThrownBy(() -> clocks.pause(subject(), ClockKind.RESPONSE, start))
			.isInstanceOf(RejectedRequest.class);
		clocks.stop(subject, ClockKind.RESPONSE, start.plusSeconds(1));
		assertThatThrownBy(() -> clocks.resume(subject, ClockKind.RESPONSE, start.plusSeconds(2)))
			.isInstanceOf(RejectedRequest.class);
		assertThat(clocks.stop(subject, ClockKind.RESPONSE, start.plusSeconds(3))).isFalse();
		assertThat(clocks.timeline(subject, ClockKind.RESPONSE)).extracting(ClockEvent::type)
			.containsExactly(Type.STARTED, Type.STOPPED);
	}

	@Test
	void repairRebuildsTheRowFromTheHistory() {
		long calendarId = jdbc.sql("select id from business_calendar where code = '7X24'").query(Long.class).single();
		ClockSubject subject = subject();
		Instant start = now().plus(Duration.ofDays(1));
		clocks.start(subject, ClockKind.RESOLUTION, new ClockTerms(null, Priority.P1, calendarId,
				TimeBasis.CALENDAR, Duration.ofHours(4), List.of(50)), start);
		Instant due = row(subject, "due_at");
		Instant deadline = row(subject, "next_deadline");
		// as if the calendar had changed under the clock: the row no longer says what the history says
		jdbc.sql("update sla_clock set due_at = due_at + interval '3 days', next_deadline = null where subject_id = ?")
			.param(subject.id()).update();

		assertThat(clocks.repair(calendarId)).isEqualTo(1);
		assertThat(row(subject, "due_at")).isEqualTo(due).isEqualTo(start.plus(Duration.ofHours(4)));
		assertThat(row(subject, "next_deadline")).isEqualTo(deadline);
		assertThat(clocks.timeline(subject, ClockKind.RESOLUTION)).extracting(ClockEvent::type)
			.containsExactly(Type.STARTED, Type.REPAIRED);
		long version = version(subject);
		assertThat(clocks.repair(calendarId)).isEqualTo(1);
		assertThat(clocks.timeline(subject, ClockKind.RESOLUTION)).hasSize(2);
		// a row that already says what its history says is not written again
		assertThat(version(subject)).isEqualTo(version);

		// a column that moves no deadline is put right too, without a REPAIRED entry
		jdbc.sql("update sla_clock set fired_thresholds = '{50}' where subject_id = ?").param(subject.id()).update();
		assertThat(clocks.repair(calendarId)).isEqualTo(1);
		assertThat(jdbc.sql("select cardinality(fired_thresholds) from sla_clock where subject_id = ?")
			.param(subject.id()).query(Integer.class).single()).isZero();
		assertThat(clocks.timeline(subject, ClockKind.RESOLUTION)).hasSize(2);
	}

	private long version(ClockSubject subject) {
		return jdbc.sql("select version from sla_clock where subject_id = ?").param(subject.id()).query(Long.class)
			.single();
	}

	@Test
	void aClockStoppedAfterItsDueTimeBeforeTheTickSaysItWasBreached() {
		ClockSubject subject = subject();
		// a day ahead, so that the scheduler's tick (on the database's clock) cannot reach these deadlines first
		Instant start = now().plus(Duration.ofDays(1));
		clocks.start(subject, ClockKind.RESOLUTION, terms(Duration.ofHours(1)), start);

		clocks.stop(subject, ClockKind.RESOLUTION, start.plus(Duration.ofHours(2)));

		assertThat(clocks.timeline(subject, ClockKind.RESOLUTION)).extracting(ClockEvent::type)
			.containsExactly(Type.STARTED, Type.THRESHOLD_REACHED, Type.THRESHOLD_REACHED, Type.THRESHOLD_REACHED,
					Type.BREACHED, Type.STOPPED);
		assertThat(jdbc.sql("select breached from sla_clock where subject_id = ?").param(subject.id())
			.query(Boolean.class).single()).isTrue();
		poll(() -> PublishedClockEvents.percentsOf(subject.id()).size() >= 4);
		assertThat(PublishedClockEvents.percentsOf(subject.id())).containsExactly(50, 75, 90, 100);
	}

	@Test
	void repairingTheDefaultCalendarRebuildsClocksThatNameNoCalendar() {
		long defaultId = jdbc.sql("select id from business_calendar where is_default").query(Long.class).single();
		ClockSubject subject = subject();
		clocks.start(subject, ClockKind.RESPONSE, terms(Duration.ofHours(4)), now().plus(Duration.ofDays(1)));
		Instant due = row(subject, "due_at");
		jdbc.sql("update sla_clock set due_at = due_at + interval '3 days' where subject_id = ?").param(subject.id())
			.update();

		assertThat(clocks.repair(defaultId)).isPositive();

		assertThat(row(subject, "due_at")).isEqualTo(due);
	}

	@Test
	void theSchedulersQueueHoldsARunningClockAtItsNextDeadlineAndNothingElse() {
		ClockSubject subject = subject();
		Instant start = now().plus(Duration.ofDays(1));
		clocks.start(subject, ClockKind.RESPONSE, terms(Duration.ofHours(4)), start);
		assertThat(queued(subject)).containsExactly(row(subject, "next_deadline"));
		assertThat(queued(subject)).containsExactly(start.plus(Duration.ofHours(2)));

		clocks.pause(subject, ClockKind.RESPONSE, start.plus(Duration.ofMinutes(10)));
		assertThat(queued(subject)).isEmpty();
		clocks.resume(subject, ClockKind.RESPONSE, start.plus(Duration.ofMinutes(70)));
		assertThat(queued(subject)).containsExactly(start.plus(Duration.ofHours(3)));
		clocks.stop(subject, ClockKind.RESPONSE, start.plus(Duration.ofMinutes(80)));
		assertThat(queued(subject)).isEmpty();
		assertThat(jdbc.sql("select next_deadline is null from sla_clock where subject_id = ?").param(subject.id())
			.query(Boolean.class)
			.single()).isTrue();
	}

	private List<Instant> queued(ClockSubject subject) {
		return jdbc.sql("""
				select d.next_deadline from sla_clock_due d join sla_clock c on c.id = d.clock_id
				where c.subject_type = ? and c.subject_id = ?""")
			.params(subject.type(), subject.id())
			.query(java.sql.Timestamp.class)
			.list()
			.stream()
			.map(java.sql.Timestamp::toInstant)
			.toList();
	}

	@Test
	void assessorsReadTheTimelineInOrderAndOthersAreRefused() {
		ClockSubject subject = subject();
		clocks.start(subject, ClockKind.RESPONSE, terms(Duration.ofHours(1)), now().minus(Duration.ofHours(2)));
		awaitRaised(subject, ALL);
		clocks.stop(subject, ClockKind.RESPONSE, now());

		TestDirectory directory = new TestDirectory(jdbc);
		long management = jdbc.sql("""
				select o.id from org_unit o join party p on p.id = o.party_id where p.kind = 'MANAGEMENT'
				order by o.id limit 1""").query(Long.class).single();
		long supervision = directory.orgUnit(directory.party("SUPERVISION", "监理"), null, "监理部");
		String supervisor = tokenOf(directory.user(supervision, "SUPERVISOR"));
		String plain = tokenOf(directory.user(management));
		long customer = directory.orgUnit(directory.party("CUSTOMER", "委办局"), null, "信息中心");
		String customerReporter = tokenOf(directory.user(customer, directory.role("SLA_REPORT")));
		String path = "/api/v1/sla/clocks?subjectType=" + subject.type() + "&subjectId=" + subject.id();

		var response = api().get(path, supervisor);
		assertThat(response.status()).isEqualTo(200);
		var clock = response.json().get(0);
		assertThat(clock.get("state").get("status").asString()).isEqualTo("STOPPED");
		assertThat(clock.get("state").get("breached").asBoolean()).isTrue();
		List<String> types = new ArrayList<>();
		clock.get("events").forEach(event -> types.add(event.get("type").asString()));
		assertThat(types).containsExactly("STARTED", "THRESHOLD_REACHED", "THRESHOLD_REACHED", "THRESHOLD_REACHED",
				"BREACHED", "STOPPED");

		assertThat(api().get(path, plain).status()).isEqualTo(403);
		assertThat(api().get(path, customerReporter).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/sla/clocks?subjectId=1", supervisor).status()).isEqualTo(400);
		assertThat(api().post("/api/v1/sla/clocks/repair?calendarId=1", supervisor, null).status()).isEqualTo(403);
		String manager = tokenOf(directory.user(management, "SERVICE_MANAGER"));
		var repaired = api().post("/api/v1/sla/clocks/repair?calendarId=-1", manager, null);
		assertThat(repaired.status()).isEqualTo(200);
		assertThat(repaired.json().get("recomputed").asInt()).isZero();
		assertThat(api().post("/api/v1/sla/clocks/repair?calendarId=abc", manager, null).status()).isEqualTo(400);
		var paths = api().get("/v3/api-docs", null).json().get("paths");
		assertThat(paths.has("/api/v1/sla/clocks")).isTrue();
		assertThat(paths.has("/api/v1/sla/clocks/repair")).isTrue();
	}

	private String tokenOf(String username) {
		return org.yunwei.support.Accounts.tokenFor(api(), username, TestDirectory.PASSWORD, null);
	}

	private List<Integer> raised(ClockSubject subject) {
		return jdbc.sql("""
				select (e.details ->> 'percent')::integer from sla_clock_event e join sla_clock c on c.id = e.clock_id
				where c.subject_type = ? and c.subject_id = ? and e.type in ('THRESHOLD_REACHED', 'BREACHED')
				order by e.seq""")
			.params(subject.type(), subject.id())
			.query(Integer.class)
			.list();
	}

	private void awaitRaised(ClockSubject subject, List<Integer> expected) {
		poll(() -> raised(subject).size() >= expected.size() && PublishedClockEvents.percentsOf(subject.id())
			.size() >= expected.size());
		assertThat(raised(subject)).containsExactlyElementsOf(expected);
	}

	private static void poll(Supplier<Boolean> condition) {
		long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.get() && System.nanoTime() < until) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private Instant row(ClockSubject subject, String column) {
		java.sql.Timestamp value = jdbc.sql("select " + column + " from sla_clock where subject_type = ? and subject_id = ?")
			.params(subject.type(), subject.id())
			.query(java.sql.Timestamp.class)
			.single();
		return value == null ? null : value.toInstant();
	}

	private static ClockSubject subject() {
		return new ClockSubject("clock-test", TestDirectory.unique("T"));
	}

	private static ClockTerms terms(Duration target) {
		return new ClockTerms(42L, Priority.P2, null, TimeBasis.CALENDAR, target, List.of(50, 75, 90));
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	private static Instant at(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}
}
