package org.yunwei.inspection.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceState;
import org.yunwei.inspection.internal.InspectionWorld;
import org.yunwei.support.ApiClient.Response;
import org.yunwei.support.HeldClusterLock;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDatabase;
import org.yunwei.support.TestDirectory;

import net.javacrumbs.shedlock.core.LockProvider;

/**
 * Automated checks against real servers the test starts on loopback (HTTP, a silent port, HTTPS with a self-signed
 * certificate, a closed port) and against the test's own PostgreSQL; the rule of failures in a row opening one
 * incident and a recovery ending the alarm; bad input refused naming the fields; scope; the evidence of 10.1.2a,
 * 10.2.2c and 10.3.2b. The test holds the checks' cluster lock, as another node would, so that scheduled runs
 * cannot interleave with the runs it makes itself.
 */
class CheckIntegrationTests extends IntegrationTestSupport {

	@Autowired
	CheckRunner runner;

	@Autowired
	CheckEvidence evidence;

	@Autowired
	LockProvider locks;

	InspectionWorld world;
	HeldClusterLock checking;
	LoopbackTargets targets;

	@BeforeEach
	void world() {
		world = new InspectionWorld(jdbc, api());
		checking = HeldClusterLock.hold(locks, "inspection-checks");
		targets = new LoopbackTargets();
	}

	@AfterEach
	void release() throws Exception {
		checking.close();
		targets.close();
	}

	private long create(Map<String, Object> body) {
		Response created = api().post("/api/v1/checks", world.token(world.lead), body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private Map<String, Object> check(String kind, String target, Object... more) {
		Map<String, Object> body = new HashMap<>(Map.of("name", TestDirectory.unique("自动巡检"), "kind", kind,
				"target", target, "timeoutMillis", 1000, "intervalSeconds", 60));
		for (int i = 0; i < more.length; i += 2) {
			body.put((String) more[i], more[i + 1]);
		}
		return body;
	}

	private Response run(long id) {
		Response ran = api().post("/api/v1/checks/" + id + "/run", world.token(world.lead), null);
		assertThat(ran.status()).as(ran.toString()).isEqualTo(200);
		return ran;
	}

	private Instant databaseNow() {
		return jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
	}

	@Test
	void probesRealServersOnLoopbackAndSaysWhatItFound() throws Exception {
		int http = targets.http();
		var up = run(create(check("HTTP", "http://127.0.0.1:" + http + "/health", "expectStatus", 200,
				"bodyContains", "status: ok"))).json();
		assertThat(up.get("outcome").asString()).isEqualTo("UP");
		assertThat(up.get("detail").asString()).isEqualTo("HTTP 状态 200");

		var missing = run(create(check("HTTP", "http://127.0.0.1:" + http + "/health", "bodyContains", "degraded")))
			.json();
		assertThat(missing.get("outcome").asString()).isEqualTo("DOWN");
		assertThat(missing.get("detail").asString()).contains("degraded");

		// a port that accepts and never answers: the timeout ends the probe, not the target
		int silent = targets.silent();
		var hung = run(create(check("HTTP", "http://127.0.0.1:" + silent + "/", "timeoutMillis", 300))).json();
		assertThat(hung.get("outcome").asString()).isEqualTo("DOWN");
		assertThat(hung.get("detail").asString()).isEqualTo("300 毫秒内无应答");

		assertThat(run(create(check("TCP", "127.0.0.1", "port", silent))).json().get("outcome").asString())
			.isEqualTo("UP");
		var closed = run(create(check("TCP", "127.0.0.1", "port", LoopbackTargets.closedPort()))).json();
		assertThat(closed.get("outcome").asString()).isEqualTo("DOWN");
		assertThat(closed.get("detail").asString()).startsWith("无法连接");

		// the early warning: a self-signed certificate with 10 days left, warned at 30
		var soon = run(create(check("TLS", "127.0.0.1", "port", targets.https(10), "warnDays", 30))).json();
		assertThat(soon.get("outcome").asString()).isEqualTo("WARNING");
		assertThat(soon.get("daysLeft").asInt()).isEqualTo(10);
		assertThat(soon.get("detail").asString()).startsWith("证书只剩 10 天到期");
		var later = run(create(check("TLS", "127.0.0.1", "port", targets.https(100), "warnDays", 30))).json();
		assertThat(later.get("outcome").asString()).isEqualTo("UP");
		assertThat(later.get("daysLeft").asInt()).isEqualTo(100);

		// loopback answers ICMP or the echo port; either way the reading says which
		var ping = run(create(check("PING", "127.0.0.1", "port", http))).json();
		assertThat(ping.get("outcome").asString()).isEqualTo("UP");
		assertThat(ping.get("detail").asString()).containsAnyOf("ICMP 或 TCP echo", "TCP 端口 " + http);
	}

	@Test
	void failuresInARowOpenOneIncidentAndARecoveryEndsTheAlarm() throws Exception {
		int http = targets.http();
		targets.healthStatus.set(503);
		long id = create(check("HTTP", "http://127.0.0.1:" + http + "/health", "failuresToAlert", 2, "ciId",
				world.server));
		for (int i = 0; i < 3; i++) {
			jdbc.sql("update inspection_check set next_run_at = now() - interval '1 second' where id = ?").param(id)
				.update();
			assertThat(runner.runDue(databaseNow())).isPositive();
		}
		List<Map<String, Object>> runs = results(id);
		assertThat(runs).extracting(r -> r.get("outcome")).containsExactly("DOWN", "DOWN", "DOWN");
		assertThat(runs).extracting(r -> r.get("action")).containsExactly("", "OPENED", "");
		long incident = jdbc.sql("select open_incident_id from inspection_check where id = ?").param(id)
			.query(Long.class).single();
		var ticket = jdbc.sql("select type, channel, customer_org_unit_id, description from ticket where id = ?")
			.param(incident).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getLong(3),
					rs.getString(4))).single();
		assertThat(ticket.subList(0, 3)).containsExactly("INCIDENT", "MONITORING", world.bureau);
		assertThat((String) ticket.get(3)).contains("HTTP 状态 503", "/inspections/checks/" + id);

		targets.healthStatus.set(200);
		jdbc.sql("update inspection_check set next_run_at = now() - interval '1 second' where id = ?").param(id)
			.update();
		runner.runDue(databaseNow());
		assertThat(results(id)).extracting(r -> r.get("action")).containsExactly("", "OPENED", "", "RESOLVED");
		assertThat(jdbc.sql("select open_incident_id is null and consecutive_failures = 0 from inspection_check "
				+ "where id = ?").param(id).query(Boolean.class).single()).isTrue();
		// nobody had started on the incident: the recovery resolved it, in the system's name, audited
		assertThat(jdbc.sql("select status || ' ' || resolution_code from ticket where id = ?").param(incident)
			.query(String.class).single()).isEqualTo("RESOLVED SOLVED");
		assertThat(jdbc.sql("""
				select count(*) from ticket_entry where ticket_id = ? and kind = 'STATUS_CHANGED'
				  and author_name = '运维平台自动巡检' and body like ?""")
			.params(incident, "%已恢复：HTTP 状态 200%/inspections/checks/" + id).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from audit_record where object_type = 'ticket' and object_id = ?
				  and action = 'TICKET_RESOLVE' and actor = '运维平台自动巡检'""").param(String.valueOf(incident))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select body from notification where user_id = ? and topic = 'inspection.check'")
			.param(world.userId(world.lead)).query(String.class).single()).contains("已自动解决");
		assertThat(jdbc.sql("select count(*) from notification where user_id = ? and topic = 'inspection.check'")
			.param(world.userId(world.lead)).query(Long.class).single()).isEqualTo(1);
		// only one incident for the whole failure
		assertThat(jdbc.sql("select count(*) from inspection_check_result where check_id = ? and incident_id is not null "
				+ "and action = 'OPENED'").param(id).query(Long.class).single()).isEqualTo(1);

		// the page of results, newest first, and the evidence of the automation
		var page = api().get("/api/v1/checks/" + id + "/results?limit=2", world.token(world.agent));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("items")).hasSize(2);
		assertThat(page.json().get("items").get(0).get("action").asString()).isEqualTo("RESOLVED");
		var next = api().get("/api/v1/checks/" + id + "/results?limit=2&cursor=" + page.json().get("next").asString(),
				world.token(world.agent));
		assertThat(next.json().get("items")).hasSize(2);
		assertThat(next.json().get("items").get(1).get("action").isNull()).isTrue();

		ZoneId zone = ZoneId.of("Asia/Shanghai");
		LocalDate today = LocalDate.now(zone);
		List<Evidence> found = evidence.evidence(new EvidenceRequest(today.minusDays(1), today.plusDays(1), zone,
				world.providerParty, Instant.now()));
		assertThat(found).extracting(Evidence::itemId).containsExactlyInAnyOrder("10.1.2a", "10.2.2c", "10.3.2b");
		assertThat(found).allSatisfy(e -> {
			assertThat(e.state()).isEqualTo(EvidenceState.EVIDENCED);
			assertThat(e.figures()).anySatisfy(f -> {
				assertThat(f.label()).isEqualTo("evidence.check.incidents");
				assertThat(f.value()).isGreaterThanOrEqualTo(1);
			});
		});
		assertThat(found).filteredOn(e -> e.itemId().equals("10.3.2b")).singleElement()
			.satisfies(e -> assertThat(e.gaps()).extracting(Evidence.Note::key)
				.contains("evidence.check.gap.incident-share"));
	}

	@Test
	void aRecoveryLeavesTheIncidentAnAgentWorksToTheAgentWithANote() throws Exception {
		int http = targets.http();
		targets.healthStatus.set(500);
		long id = create(check("HTTP", "http://127.0.0.1:" + http + "/health", "ciId", world.server));
		runDue(id);
		long incident = jdbc.sql("select open_incident_id from inspection_check where id = ?").param(id)
			.query(Long.class).single();
		var started = api().post("/api/v1/tickets/" + incident + "/start", world.token(world.agent), null);
		assertThat(started.status()).as(started.toString()).isEqualTo(200);

		targets.healthStatus.set(200);
		runDue(id);
		assertThat(results(id)).extracting(r -> r.get("action")).containsExactly("OPENED", "RECOVERED");
		assertThat(jdbc.sql("select status from ticket where id = ?").param(incident).query(String.class).single())
			.isEqualTo("IN_PROGRESS");
		assertThat(jdbc.sql("""
				select count(*) from ticket_entry where ticket_id = ? and kind = 'NOTE' and not public
				  and author_name = '运维平台自动巡检' and body like '%已恢复：HTTP 状态 200%'""").param(incident)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from notification where user_id = ? and topic = 'ticket.monitoring-recovered'")
			.param(world.userId(world.agent)).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select body from notification where user_id = ? and topic = 'inspection.check'")
			.param(world.userId(world.lead)).query(String.class).single()).contains("正在处理中");

		// failing again later opens a new incident: the one being worked belongs to the earlier failure
		targets.healthStatus.set(500);
		runDue(id);
		assertThat(jdbc.sql("select open_incident_id from inspection_check where id = ?").param(id)
			.query(Long.class).single()).isNotEqualTo(incident);
	}

	private void runDue(long id) {
		jdbc.sql("update inspection_check set next_run_at = now() - interval '1 second' where id = ?").param(id)
			.update();
		assertThat(runner.runDue(databaseNow())).isPositive();
	}

	@Test
	void answersTheResultsOverTimeInBucketsWithTheAvailabilityOfTheSpan() throws Exception {
		long id = create(check("TCP", "127.0.0.1", "port", LoopbackTargets.closedPort()));
		result(id, "2026-11-01T00:05:00Z", "UP", 10);
		result(id, "2026-11-01T00:07:00Z", "UP", 20);
		result(id, "2026-11-01T00:15:00Z", "DOWN", 1000);
		result(id, "2026-11-01T10:00:00Z", "WARNING", 30);
		result(id, "2026-11-02T00:00:00Z", "UP", 5); // the end is excluded
		String reader = world.token(world.agent);

		var day = api().get("/api/v1/checks/" + id + "/series?from=2026-11-01T08:00:00%2B08:00&to=2026-11-02T00:00:00Z",
				reader);
		assertThat(day.status()).as(day.toString()).isEqualTo(200);
		var json = day.json();
		assertThat(json.get("bucketSeconds").asLong()).isEqualTo(600);
		assertThat(json.get("runs").asLong()).isEqualTo(4);
		assertThat(json.get("up").asLong()).isEqualTo(2);
		assertThat(json.get("warning").asLong()).isEqualTo(1);
		assertThat(json.get("down").asLong()).isEqualTo(1);
		assertThat(json.get("availabilityPercent").asDouble()).isEqualTo(75.0);
		assertThat(json.get("averageMillis").asLong()).isEqualTo(265);
		var buckets = json.get("buckets");
		assertThat(buckets).hasSize(144);
		assertThat(buckets.get(0).get("start").asString()).isEqualTo("2026-11-01T00:00:00Z");
		assertThat(buckets.get(0).get("runs").asLong()).isEqualTo(2);
		assertThat(buckets.get(0).get("averageMillis").asLong()).isEqualTo(15);
		assertThat(buckets.get(0).get("availabilityPercent").asDouble()).isEqualTo(100.0);
		assertThat(buckets.get(1).get("down").asLong()).isEqualTo(1);
		assertThat(buckets.get(1).get("availabilityPercent").asDouble()).isEqualTo(0.0);
		assertThat(buckets.get(2).get("runs").asLong()).isZero();
		assertThat(buckets.get(2).get("availabilityPercent").isNull()).isTrue();
		assertThat(buckets.get(60).get("warning").asLong()).isEqualTo(1);

		// 90 days in 12-hour buckets, not a point per run
		var quarter = api().get("/api/v1/checks/" + id + "/series?from=2026-08-04T00:00:00Z&to=2026-11-02T00:00:00Z",
				reader).json();
		assertThat(quarter.get("bucketSeconds").asLong()).isEqualTo(43_200);
		assertThat(quarter.get("buckets")).hasSize(180);
		assertThat(quarter.get("runs").asLong()).isEqualTo(4);
		assertThat(quarter.get("buckets").get(178).get("runs").asLong()).isEqualTo(4);
		assertThat(api().get("/api/v1/checks/" + id + "/series?period=week", reader).json().get("bucketSeconds")
			.asLong()).isEqualTo(3600);
		assertThat(CheckSeries.availability(1000, 1)).isEqualTo(99.9);

		var reversed = api().get("/api/v1/checks/" + id + "/series?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z",
				reader);
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.body()).contains("\"from\"");
		var tooLong = api().get("/api/v1/checks/" + id + "/series?from=2026-01-01T00:00:00Z&to=2026-11-01T00:00:00Z",
				reader);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("\"from\"");
		var badPeriod = api().get("/api/v1/checks/" + id + "/series?period=YEAR&to=tomorrow", reader);
		assertThat(badPeriod.status()).isEqualTo(400);
		assertThat(badPeriod.body()).contains("\"period\"", "\"to\"");
		assertThat(api().get("/api/v1/checks/" + id + "/series?period=DAY", world.token(world.otherLead)).status())
			.isEqualTo(404);
	}

	private void result(long checkId, String at, String outcome, int millis) {
		jdbc.sql("""
				insert into inspection_check_result (check_id, party_id, ran_at, outcome, millis, detail_key)
				select id, party_id, ?, ?, ?, 'check.detail.timeout' from inspection_check where id = ?""")
			.params(Timestamp.from(Instant.parse(at)), outcome, millis, checkId).update();
	}

	private List<Map<String, Object>> results(long id) {
		return jdbc.sql("select outcome, coalesce(action, '') from inspection_check_result where check_id = ? order by id")
			.param(id).query((rs, n) -> Map.<String, Object>of("outcome", rs.getString(1), "action", rs.getString(2)))
			.list();
	}

	@Test
	void checksTheDatabaseWithAPasswordSealedAtRest() {
		String role = "yw_check_" + Long.toHexString(System.nanoTime());
		String password = "Pw-" + Long.toHexString(System.nanoTime());
		jdbc.sql("create role " + role + " login password '" + password + "'").update();
		String server = TestDatabase.url();
		String url = server.contains("?") ? server.substring(0, server.indexOf('?')) : server;
		long id = create(check("DATABASE", url, "dbUser", role, "dbPassword", password, "timeoutMillis", 3000));
		var ran = run(id).json();
		assertThat(ran.get("outcome").asString()).as(ran.toString()).isEqualTo("UP");
		assertThat(ran.get("detail").asString()).isEqualTo("数据库连接成功，select 1 返回 1");

		byte[] sealed = jdbc.sql("select db_password_sealed from inspection_check where id = ?").param(id)
			.query(byte[].class).single();
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(password);
		var view = api().get("/api/v1/checks/" + id, world.token(world.lead));
		assertThat(view.body()).doesNotContain(password);
		assertThat(view.json().get("hasPassword").asBoolean()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_record where object_id = ? and cast(after_value as text) like ?")
			.params(String.valueOf(id), "%" + password + "%").query(Long.class).single()).isZero();

		// a changed check keeps the password when none is given; a database that is not there fails
		String missing = url.substring(0, url.lastIndexOf('/') + 1) + "no_such_database_" + System.nanoTime();
		var changed = api().put("/api/v1/checks/" + id, world.token(world.lead),
				check("DATABASE", missing, "dbUser", role, "timeoutMillis", 3000));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("hasPassword").asBoolean()).isTrue();
		var failed = run(id).json();
		assertThat(failed.get("outcome").asString()).isEqualTo("DOWN");
		assertThat(failed.get("detail").asString()).startsWith("数据库连接失败");
	}

	@Test
	void refusesBadChecksNamingTheFieldsAndKeepsThemToTheirParty() throws Exception {
		long before = jdbc.sql("select count(*) from inspection_check").query(Long.class).single();
		var refused = api().post("/api/v1/checks", world.token(world.lead), Map.of("kind", "SMTP", "target", ""));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("\"name\"", "\"kind\"", "\"target\"");
		var noPort = api().post("/api/v1/checks", world.token(world.lead), check("TCP", "127.0.0.1",
				"intervalSeconds", 5));
		assertThat(noPort.status()).isEqualTo(400);
		assertThat(noPort.body()).contains("\"port\"", "\"intervalSeconds\"");
		var url = api().post("/api/v1/checks", world.token(world.lead), check("HTTP", "ftp://example"));
		assertThat(url.status()).isEqualTo(400);
		assertThat(url.body()).contains("\"target\"");
		var inline = api().post("/api/v1/checks", world.token(world.lead),
				check("DATABASE", "jdbc:postgresql://127.0.0.1/x?password=secret", "dbUser", "u"));
		assertThat(inline.status()).isEqualTo(400);
		assertThat(inline.body()).contains("\"target\"");
		var notPostgres = api().post("/api/v1/checks", world.token(world.lead),
				check("DATABASE", "jdbc:mysql://127.0.0.1/x", "dbUser", "u"));
		assertThat(notPostgres.status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from inspection_check").query(Long.class).single()).isEqualTo(before);

		assertThat(api().post("/api/v1/checks", world.token(world.agent), check("TCP", "127.0.0.1", "port", 80))
			.status()).isEqualTo(403);
		long id = create(check("TCP", "127.0.0.1", "port", LoopbackTargets.closedPort()));
		assertThat(api().get("/api/v1/checks/" + id, world.token(world.otherLead)).status()).isEqualTo(404);
		assertThat(api().post("/api/v1/checks/" + id + "/run", world.token(world.otherLead), null).status())
			.isEqualTo(404);
		assertThat(api().get("/api/v1/checks/" + id, world.token(world.supervisor)).status()).isEqualTo(200);
		assertThat(api().get("/api/v1/checks?q=" + java.net.URLEncoder.encode("自动巡检", StandardCharsets.UTF_8),
				world.token(world.otherLead)).json().get("items").findValuesAsString("id"))
			.doesNotContain(String.valueOf(id));

		assertThat(api().post("/api/v1/checks/" + id + "/pause", world.token(world.lead), null).status())
			.isEqualTo(200);
		assertThat(api().post("/api/v1/checks/" + id + "/pause", world.token(world.lead), null).status())
			.isEqualTo(409);
		assertThat(jdbc.sql("select count(*) from audit_record where object_id = ? and action like 'INSPECTION_CHECK_%'")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
	}
}
