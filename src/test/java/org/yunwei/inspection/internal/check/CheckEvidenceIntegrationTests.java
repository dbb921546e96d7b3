package org.yunwei.inspection.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.inspection.internal.InspectionWorld;
import org.yunwei.support.HeldClusterLock;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

import net.javacrumbs.shedlock.core.LockProvider;

/**
 * The automated checks' evidence counts the period's runs from the hourly counts ({@code inspection_check_hour})
 * that the runs' own statements keep: the figures equal a direct count of the runs, in a zone of whole hours and in
 * one of half hours (whose first and last partial hours come from the runs), after runs are added and after old
 * ones are purged.
 */
class CheckEvidenceIntegrationTests extends IntegrationTestSupport {

	@Autowired
	CheckEvidence evidence;

	@Autowired
	AutomatedChecks checks;

	@Autowired
	LockProvider locks;

	InspectionWorld world;
	HeldClusterLock checking;

	@BeforeEach
	void world() {
		world = new InspectionWorld(jdbc, api());
		// no scheduled run of the check below may add runs while the figures are compared
		checking = HeldClusterLock.hold(locks, "inspection-checks");
	}

	@AfterEach
	void release() {
		checking.close();
	}

	@Test
	void theFiguresOfAPeriodAreThoseOfTheRunsThemselvesInAnyZone() {
		var created = api().post("/api/v1/checks", world.token(world.lead), Map.of("name",
				TestDirectory.unique("证据巡检"), "kind", "TCP", "target", "127.0.0.1", "port", 9, "timeoutMillis", 1000,
				"intervalSeconds", 60));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long check = created.json().get("id").asLong();
		// three days of runs every 7 minutes (so that they fall on every minute of the hour), some failing, warning,
		// opening, telling, recovering and resolving, in a past year nobody else's runs touch
		Instant first = Instant.parse("2019-03-09T00:00:00Z");
		SplittableRandom random = new SplittableRandom(19);
		String[] outcomes = { "UP", "UP", "UP", "WARNING", "DOWN" };
		String[] actions = { null, null, null, null, "OPENED", "TOLD", "RECOVERED", "RESOLVED" };
		for (Instant at = first; at.isBefore(first.plusSeconds(3 * 86_400)); at = at.plusSeconds(7 * 60)) {
			jdbc.sql("""
					insert into inspection_check_result (check_id, party_id, ran_at, outcome, millis, detail_key, action)
					values (?, ?, ?, ?, 1, 'check.detail.timeout', ?)""")
				.params(check, world.providerParty, Timestamp.from(at), outcomes[random.nextInt(outcomes.length)],
						actions[random.nextInt(actions.length)])
				.update();
		}
		LocalDate day = LocalDate.parse("2019-03-10");
		for (String zone : new String[] { "Asia/Shanghai", "Asia/Kolkata", "UTC" }) {
			assertThat(figures(day, zone)).as(zone).isEqualTo(direct(day, zone)).containsEntry("evidence.check.targets", 1L);
			assertThat(figures(day, zone).get("evidence.check.runs")).as(zone).isBetween(200L, 212L);
		}

		// the purge of old runs takes their counts away, whole hours and parts of hours alike
		checks.purge(Instant.parse("2019-03-10T07:45:00Z"), 50);
		checks.purge(Instant.parse("2019-03-10T07:45:00Z"), 5000);
		for (String zone : new String[] { "Asia/Shanghai", "Asia/Kolkata" }) {
			assertThat(figures(day, zone)).as(zone).isEqualTo(direct(day, zone));
		}
		assertThat(jdbc.sql("select count(*) from inspection_check_hour where party_id = ? and hour < ?")
			.params(world.providerParty, Timestamp.from(Instant.parse("2019-03-10T07:00:00Z"))).query(Long.class)
			.single()).isZero();
		assertThat(figures(LocalDate.parse("2019-03-09"), "UTC").get("evidence.check.runs")).isZero();
	}

	/** The figures the source gives for one day of the provider's runs (the same label under two items: one value). */
	private Map<String, Long> figures(LocalDate day, String zone) {
		Map<String, Long> figures = new LinkedHashMap<>();
		for (Evidence one : evidence.evidence(new EvidenceRequest(day, day, ZoneId.of(zone), world.providerParty,
				Instant.now()))) {
			// the figures of runs; the checks kept and the manual inspections are not the runs' to count
			one.figures().stream().filter(f -> !f.label().equals("evidence.check.manual-done")
					&& !f.label().equals("evidence.check.automated-percent") && !f.label().equals("evidence.check.active"))
				.forEach(f -> figures.put(f.label(), f.value()));
		}
		return figures;
	}

	/** The same figures counted from the runs of the day, one by one. */
	private Map<String, Long> direct(LocalDate day, String zone) {
		ZoneId id = ZoneId.of(zone);
		return jdbc.sql("""
				select count(*), count(distinct r.check_id), count(*) filter (where action = 'OPENED'),
				  count(*) filter (where outcome = 'DOWN'), count(*) filter (where outcome = 'WARNING'),
				  count(*) filter (where action in ('RECOVERED', 'RESOLVED')), count(*) filter (where action = 'RESOLVED')
				from inspection_check_result r where party_id = ? and ran_at >= ? and ran_at < ?""")
			.params(world.providerParty, Timestamp.from(day.atStartOfDay(id).toInstant()),
					Timestamp.from(day.plusDays(1).atStartOfDay(id).toInstant()))
			.query((rs, n) -> {
				Map<String, Long> figures = new LinkedHashMap<>();
				figures.put("evidence.check.runs", rs.getLong(1));
				figures.put("evidence.check.targets", rs.getLong(2));
				figures.put("evidence.check.incidents", rs.getLong(3));
				figures.put("evidence.check.failures", rs.getLong(4));
				figures.put("evidence.check.warnings", rs.getLong(5));
				figures.put("evidence.check.recovered", rs.getLong(6));
				figures.put("evidence.check.resolved", rs.getLong(7));
				return figures;
			})
			.single();
	}
}
