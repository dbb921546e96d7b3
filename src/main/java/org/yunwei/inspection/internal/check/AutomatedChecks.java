package org.yunwei.inspection.internal.check;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Writes and reads {@code inspection_check} and {@code inspection_check_result}. */
@Repository
public class AutomatedChecks {

	private static final String COLUMNS = """
			id, party_id, owner_id, provider_party_id, name, kind, target, port, expect_status, body_contains, slow_millis, warn_days,
			db_user, ci_id, ci_name, interval_seconds, timeout_millis, failures_to_alert, active, consecutive_failures,
			(open_incident_id is not null or failure_told) as alarm_raised, open_incident_id, last_outcome, last_run_at""";

	private static final RowMapper<AutomatedCheck> CHECK = (rs, n) -> {
		String last = rs.getString("last_outcome");
		Timestamp lastRun = rs.getTimestamp("last_run_at");
		return new AutomatedCheck(rs.getLong("id"), rs.getLong("party_id"), rs.getLong("owner_id"),
				rs.getObject("provider_party_id", Long.class),
				rs.getString("name"), settings(rs), rs.getBoolean("active"), rs.getInt("consecutive_failures"),
				rs.getBoolean("alarm_raised"), rs.getObject("open_incident_id", Long.class),
				last == null ? null : CheckOutcome.valueOf(last), lastRun == null ? null : lastRun.toInstant());
	};

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	AutomatedChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static CheckSettings settings(ResultSet rs) throws SQLException {
		return new CheckSettings(rs.getString("name"), CheckKind.valueOf(rs.getString("kind")), rs.getString("target"),
				rs.getObject("port", Integer.class), rs.getObject("expect_status", Integer.class),
				rs.getString("body_contains"), rs.getObject("slow_millis", Integer.class),
				rs.getObject("warn_days", Integer.class), rs.getString("db_user"), rs.getObject("ci_id", Long.class),
				rs.getString("ci_name"), rs.getInt("interval_seconds"), rs.getInt("timeout_millis"),
				rs.getInt("failures_to_alert"));
	}

	long insert(long partyId, long ownerId, Long providerPartyId, CheckSettings s) {
		return jdbc.sql("""
				insert into inspection_check (party_id, owner_id, provider_party_id, name, kind, target, port, expect_status, body_contains,
				  slow_millis, warn_days, db_user, ci_id, ci_name, interval_seconds, timeout_millis, failures_to_alert)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(partyId, ownerId, providerPartyId, s.name(), s.kind().name(), s.target(), s.port(), s.expectStatus(),
					s.bodyContains(), s.slowMillis(), s.warnDays(), s.dbUser(), s.ciId(), s.ciName(),
					s.intervalSeconds(), s.timeoutMillis(), s.failuresToAlert())
			.query(Long.class).single();
	}

	/** New settings; the next run is now, so that a corrected check shows its effect at once. */
	void update(long id, CheckSettings s) {
		jdbc.sql("""
				update inspection_check set name = ?, kind = ?, target = ?, port = ?, expect_status = ?, body_contains = ?,
				  slow_millis = ?, warn_days = ?, db_user = ?, ci_id = ?, ci_name = ?, interval_seconds = ?,
				  timeout_millis = ?, failures_to_alert = ?, next_run_at = now(), updated_at = now() where id = ?""")
			.params(s.name(), s.kind().name(), s.target(), s.port(), s.expectStatus(), s.bodyContains(),
					s.slowMillis(), s.warnDays(), s.dbUser(), s.ciId(), s.ciName(), s.intervalSeconds(),
					s.timeoutMillis(), s.failuresToAlert(), id)
			.update();
	}

	void updatePassword(long id, byte[] sealed) {
		jdbc.sql("update inspection_check set db_password_sealed = ? where id = ?").params(sealed, id).update();
	}

	Optional<byte[]> sealedPassword(long id) {
		return jdbc.sql("select db_password_sealed from inspection_check where id = ?").param(id)
			.query((rs, n) -> Optional.ofNullable(rs.getBytes(1))).single();
	}

	void updateActive(AutomatedCheck check) {
		jdbc.sql("update inspection_check set active = ?, next_run_at = now(), updated_at = now() where id = ?")
			.params(check.active(), check.id()).update();
	}

	Optional<AutomatedCheck> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from inspection_check where id = ?").param(id).query(CHECK).optional();
	}

	Optional<AutomatedCheck> findForUpdate(long id) {
		return jdbc.sql("select " + COLUMNS + " from inspection_check where id = ? for update").param(id).query(CHECK)
			.optional();
	}

	/**
	 * Claims the checks due at {@code now}, at most {@code limit}, moving each one's next run an interval on so that
	 * an overlapping run of another node (or a run that dies) does not take them again at once.
	 */
	List<AutomatedCheck> claimDue(Instant now, int limit) {
		List<Long> ids = jdbc.sql("""
				with due as (select id from inspection_check where active and next_run_at <= ?
				  order by next_run_at limit ? for update skip locked)
				update inspection_check c set next_run_at = cast(? as timestamptz) + make_interval(secs => c.interval_seconds)
				from due where c.id = due.id returning c.id""")
			.params(Timestamp.from(now), limit, Timestamp.from(now)).query(Long.class).list();
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from inspection_check where id = any(?) order by id")
			.param(new SqlArrayValue("bigint", ids.toArray())).query(CHECK).list();
	}

	/** Keeps the state a run left: the outcome, the failures in a row, the alarm. */
	void saveRun(AutomatedCheck check, boolean told) {
		jdbc.sql("""
				update inspection_check set last_outcome = ?, last_run_at = ?, consecutive_failures = ?,
				  open_incident_id = ?, failure_told = ? where id = ?""")
			.params(check.lastOutcome().name(), Timestamp.from(check.lastRunAt()), check.consecutiveFailures(),
					check.openIncidentId(), told, check.id())
			.update();
	}

	void insertResult(AutomatedCheck check, Instant at, Reading reading, String action, Long incidentId) {
		jdbc.sql("""
				insert into inspection_check_result (check_id, party_id, ran_at, outcome, millis, detail_key, detail_args,
				  days_left, action, incident_id) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
			.params(check.id(), check.partyId(), Timestamp.from(at), reading.outcome().name(), reading.millis(),
					reading.detailKey(), JSON.writeValueAsString(reading.detailArgs()), reading.daysLeft(), action,
					incidentId)
			.update();
	}

	/** Removes results older than {@code before}, in batches; how many. */
	int purge(Instant before, int batch) {
		return jdbc.sql("""
				delete from inspection_check_result where id in
				  (select id from inspection_check_result where ran_at < ? limit ?)""")
			.params(Timestamp.from(before), batch).update();
	}
}
