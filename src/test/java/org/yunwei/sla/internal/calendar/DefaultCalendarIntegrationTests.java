package org.yunwei.sla.internal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.sla.Calendars;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockSubject;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.Priority;
import org.yunwei.sla.SlaClocks;
import org.yunwei.sla.TimeBasis;
import org.yunwei.support.Accounts;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;
import org.yunwei.support.WebSession;

/**
 * Making another calendar the default one. Other tests share the database and count on CN-DEFAULT being the
 * default, so every test puts it back and waits until the clocks that follow the default have been recomputed.
 */
class DefaultCalendarIntegrationTests extends IntegrationTestSupport {

	/** Friday 20 November 2026, 17:00 in Shanghai. */
	private static final Instant FRIDAY_FIVE_PM = OffsetDateTime.parse("2026-11-20T17:00:00+08:00").toInstant();
	/** Two business hours from then on CN-DEFAULT: half an hour on Friday, then Monday 09:00–10:30. */
	private static final Instant DUE_ON_WORKDAYS = OffsetDateTime.parse("2026-11-23T10:30:00+08:00").toInstant();
	/** The same on the 7×24 calendar: every hour counts. */
	private static final Instant DUE_AROUND_THE_CLOCK = FRIDAY_FIVE_PM.plus(Duration.ofHours(2));

	@Autowired
	Calendars calendars;

	@Autowired
	SlaClocks clocks;

	TestDirectory directory;
	String manager;
	long standard;
	long twentyFourSeven;

	@BeforeEach
	void serviceManager() {
		directory = new TestDirectory(jdbc);
		manager = token(directory.user(unit("MANAGEMENT"), "SERVICE_MANAGER"));
		standard = idOf("CN-DEFAULT");
		twentyFourSeven = idOf("7X24");
		assertThat(calendars.defaultCalendarId()).isEqualTo(standard);
	}

	@AfterEach
	void standardIsTheDefaultAgain() {
		if (calendars.defaultCalendarId() != standard) {
			long repairsBefore = repairs(standard);
			assertThat(api().post("/api/v1/calendars/" + standard + "/default", manager, Map.of()).status())
				.isEqualTo(200);
			awaitRepairs(standard, repairsBefore + 1);
		}
	}

	@Test
	void aSevenByTwentyFourCalendarBecomesTheOnlyDefaultAndTheChangeIsAudited() {
		long audited = audited(twentyFourSeven);
		long repairsBefore = repairs(twentyFourSeven);
		var made = api().post("/api/v1/calendars/" + twentyFourSeven + "/default", manager, Map.of());

		assertThat(made.status()).isEqualTo(200);
		assertThat(made.json().get("isDefault").asBoolean()).isTrue();
		assertThat(made.json().get("code").asString()).isEqualTo("7X24");
		assertThat(calendars.defaultCalendarId()).isEqualTo(twentyFourSeven);
		assertThat(jdbc.sql("select count(*) from business_calendar where is_default").query(Long.class).single())
			.isEqualTo(1);
		var list = api().get("/api/v1/calendars", manager).json();
		assertThat(list.get(0).get("code").asString()).isEqualTo("7X24");
		assertThat(list.valueStream().filter(c -> c.get("isDefault").asBoolean()).count()).isEqualTo(1);
		assertThat(audited(twentyFourSeven)).isEqualTo(audited + 1);
		assertThat(jdbc.sql("""
				select before_value ->> 'defaultCalendar' || '>' || (after_value ->> 'defaultCalendar') from audit_record
				where action = 'CALENDAR_DEFAULT' and object_id = ? order by id desc limit 1""")
			.param(String.valueOf(twentyFourSeven))
			.query(String.class)
			.single()).isEqualTo("CN-DEFAULT>7X24");

		// again: nothing to change, nothing recorded
		assertThat(api().post("/api/v1/calendars/" + twentyFourSeven + "/default", manager, Map.of()).status())
			.isEqualTo(200);
		assertThat(audited(twentyFourSeven)).isEqualTo(audited + 1);
		awaitRepairs(twentyFourSeven, repairsBefore + 1);
	}

	@Test
	void clocksThatNameNoCalendarAreRecomputedOnTheNewDefault() {
		ClockSubject unnamed = new ClockSubject("default-test", TestDirectory.unique("U"));
		ClockSubject named = new ClockSubject("default-test", TestDirectory.unique("N"));
		clocks.start(unnamed, ClockKind.RESOLUTION, terms(null), FRIDAY_FIVE_PM);
		clocks.start(named, ClockKind.RESOLUTION, terms(standard), FRIDAY_FIVE_PM);
		assertThat(dueAt(unnamed)).isEqualTo(DUE_ON_WORKDAYS);

		long repairsBefore = repairs(twentyFourSeven);
		assertThat(api().post("/api/v1/calendars/" + twentyFourSeven + "/default", manager, Map.of()).status())
			.isEqualTo(200);
		awaitRepairs(twentyFourSeven, repairsBefore + 1);

		assertThat(dueAt(unnamed)).isEqualTo(DUE_AROUND_THE_CLOCK);
		assertThat(clocks.timeline(unnamed, ClockKind.RESOLUTION).stream().map(e -> e.type().name()))
			.contains("REPAIRED");
		assertThat(clocks.state(unnamed, ClockKind.RESOLUTION).orElseThrow().dueAt()).isEqualTo(DUE_AROUND_THE_CLOCK);
		// a clock that names its calendar keeps counting on it
		assertThat(dueAt(named)).isEqualTo(DUE_ON_WORKDAYS);
		// the repair is recorded in the name of whoever changed the default
		assertThat(jdbc.sql("""
				select actor from audit_record where action = 'SLA_CLOCK_REPAIR' and object_id = ?
				order by id desc limit 1""")
			.param("calendar:" + twentyFourSeven)
			.query(String.class)
			.single()).isNotEqualTo("anonymous");

		standardIsTheDefaultAgain();
		assertThat(dueAt(unnamed)).isEqualTo(DUE_ON_WORKDAYS);
	}

	@Test
	void refusesADisabledCalendarAnUnknownOneAndPeopleWhoMayNotChangeCalendars() {
		long disabled = api().post("/api/v1/calendars", manager, Map.of("code", TestDirectory.unique("OFF"), "name",
				"停用日历", "zone", "Asia/Shanghai", "workingHours", Map.of("MONDAY", List.of("09:00-17:00")),
				"enabled", false)).json().get("id").asLong();
		var refused = api().post("/api/v1/calendars/" + disabled + "/default", manager, Map.of());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).contains("application/problem+json");
		assertThat(refused.json().get("errors").get("enabled").asString()).contains("已停用");

		assertThat(api().post("/api/v1/calendars/999999999/default", manager, Map.of()).status()).isEqualTo(404);

		String plain = token(directory.user(unit("MANAGEMENT")));
		assertThat(api().post("/api/v1/calendars/" + twentyFourSeven + "/default", plain, Map.of()).status())
			.isEqualTo(403);
		String supervisor = token(directory.user(unit("SUPERVISION"), directory.role("CALENDAR_MANAGE")));
		assertThat(api().post("/api/v1/calendars/" + twentyFourSeven + "/default", supervisor, Map.of()).status())
			.isEqualTo(403);

		assertThat(calendars.defaultCalendarId()).isEqualTo(standard);
	}

	@Test
	void theCalendarPageOffersTheButtonWhereItApplies() {
		WebSession session = new WebSession(port);
		assertThat(session.signIn(directory.user(unit("MANAGEMENT"), "SERVICE_MANAGER"), TestDirectory.PASSWORD, null)
			.status()).isEqualTo(302);
		assertThat(session.get("/sla/calendars/" + standard).body()).doesNotContain("id=\"make-default\"");
		assertThat(session.get("/sla/calendars/" + twentyFourSeven).body()).contains("id=\"make-default\"")
			.contains("设为默认日历");

		long repairsBefore = repairs(twentyFourSeven);
		var answer = session.post("/sla/calendars/" + twentyFourSeven + "/default", Map.of());
		assertThat(answer.status()).isEqualTo(302);
		var page = session.follow(answer);
		assertThat(page.body()).contains("id=\"notice\"").contains("已设为默认工作日历")
			.doesNotContain("id=\"make-default\"");
		assertThat(calendars.defaultCalendarId()).isEqualTo(twentyFourSeven);
		awaitRepairs(twentyFourSeven, repairsBefore + 1);

		WebSession reader = new WebSession(port);
		reader.signIn(directory.user(unit("CUSTOMER")), TestDirectory.PASSWORD, null);
		assertThat(reader.get("/sla/calendars/" + standard).body()).doesNotContain("id=\"make-default\"");
		assertThat(reader.post("/sla/calendars/" + standard + "/default", Map.of()).status()).isEqualTo(403);
	}

	private ClockTerms terms(Long calendarId) {
		return new ClockTerms(null, Priority.P2, calendarId, TimeBasis.BUSINESS, Duration.ofHours(2), List.of(50));
	}

	private Instant dueAt(ClockSubject subject) {
		return jdbc.sql("select due_at from sla_clock where subject_type = ? and subject_id = ?")
			.params(subject.type(), subject.id())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private long audited(long calendarId) {
		return jdbc.sql("select count(*) from audit_record where action = 'CALENDAR_DEFAULT' and object_id = ?")
			.param(String.valueOf(calendarId))
			.query(Long.class)
			.single();
	}

	private long repairs(long calendarId) {
		return jdbc.sql("select count(*) from audit_record where action = 'SLA_CLOCK_REPAIR' and object_id = ?")
			.param("calendar:" + calendarId)
			.query(Long.class)
			.single();
	}

	/** The background repair records itself when it is done. */
	private void awaitRepairs(long calendarId, long count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (repairs(calendarId) < count && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		assertThat(repairs(calendarId)).as("repairs of calendar %s", calendarId).isGreaterThanOrEqualTo(count);
	}

	private long unit(String partyKind) {
		return directory.orgUnit(directory.party(partyKind, "单位"), null, "部门");
	}

	private String token(String username) {
		return Accounts.tokenFor(api(), username, TestDirectory.PASSWORD, null);
	}

	private long idOf(String code) {
		return jdbc.sql("select id from business_calendar where code = ?").param(code).query(Long.class).single();
	}
}
