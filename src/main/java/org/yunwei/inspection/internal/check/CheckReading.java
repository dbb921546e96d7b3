package org.yunwei.inspection.internal.check;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actor;
import org.yunwei.inspection.internal.InspectionAccess;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetCursor;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

import tools.jackson.core.type.TypeReference;

/**
 * Reading automated checks in the reader's scope: the list (searched by name or target, filtered by the last
 * outcome, sorted by name or failing first, read by keyset), one check, and its results newest first.
 */
@Service
@Transactional(readOnly = true)
public class CheckReading {

	private static final TypeReference<List<Object>> ARGS = new TypeReference<>() {
	};

	/** One check in the list. */
	public record AutomatedCheckLine(long id, String name, CheckKind kind, String target, Integer port,
			boolean active, CheckOutcome lastOutcome, Instant lastRunAt, int consecutiveFailures, Long openIncidentId,
			String ciName) {
	}

	/** One check with its settings (never its password: {@code hasPassword} says whether one is kept). */
	public record AutomatedCheckView(long id, String name, CheckKind kind, String target, Integer port,
			Integer expectStatus, String bodyContains, Integer slowMillis, Integer warnDays, String dbUser,
			boolean hasPassword, Long ciId, String ciName, int intervalSeconds, int timeoutMillis, int failuresToAlert,
			boolean active, CheckOutcome lastOutcome, Instant lastRunAt, int consecutiveFailures,
			Long openIncidentId, long runsDay, long upDay, Long averageMillisDay) {

		/** The share of the last day's runs that were not failures, in percent; {@code null} without runs. */
		public Integer availabilityDay() {
			return runsDay == 0 ? null : (int) Math.floor(upDay * 100.0 / runsDay);
		}
	}

	/** One run: what it found, in the reader's words, and what it raised or ended. */
	public record CheckRunLine(long id, Instant ranAt, CheckOutcome outcome, int millis, String detail,
			Integer daysLeft, String action, Long incidentId) {
	}

	private final JdbcClient jdbc;
	private final InspectionAccess access;
	private final MessageSource messages;

	CheckReading(JdbcClient jdbc, InspectionAccess access, MessageSource messages) {
		this.jdbc = jdbc;
		this.access = access;
		this.messages = messages;
	}

	public KeysetPage<AutomatedCheckLine> list(String query, String outcome, String sort, String cursor,
			Integer limit) {
		Actor reader = access.requireReader();
		FieldErrors errors = new FieldErrors();
		int size = KeysetPage.limit(limit, errors, "check.limit");
		CheckOutcome wanted = outcome == null || outcome.isBlank() ? null
				: errors.constant(CheckOutcome.class, outcome, "outcome");
		boolean failingFirst = "failing".equals(sort);
		if (sort != null && !sort.isBlank() && !failingFirst && !"name".equals(sort)) {
			errors.add("sort", "check.sort-unknown");
		}
		String[] after = cursor == null || cursor.isBlank() ? null
				: KeysetCursor.decode(cursor, 3).orElseGet(() -> {
					errors.add("cursor", "check.cursor-invalid");
					return null;
				});
		errors.throwIfAny();
		StringBuilder sql = new StringBuilder("""
				select id, name, kind, target, port, active, last_outcome, last_run_at, consecutive_failures,
				  open_incident_id, ci_name from inspection_check where true""");
		List<Object> params = new ArrayList<>();
		Long party = access.readableParty(reader);
		if (party != null) {
			sql.append(" and party_id = ?");
			params.add(party);
		}
		String q = FieldErrors.clean(query);
		if (q != null) {
			sql.append(" and (name ilike ? or target ilike ?)");
			String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(like);
			params.add(like);
		}
		if (wanted != null) {
			sql.append(" and last_outcome = ?");
			params.add(wanted.name());
		}
		if (after != null) {
			try {
				if (failingFirst) {
					sql.append(" and (-consecutive_failures, name, id) > (?, ?, ?)");
					params.add(-Integer.parseInt(after[0]));
				}
				else {
					sql.append(" and (name, id) > (?, ?)");
				}
				params.add(after[2]);
				params.add(Long.parseLong(after[1]));
			}
			catch (NumberFormatException e) {
				throw RejectedRequest.invalidField("cursor", "check.cursor-invalid");
			}
		}
		sql.append(failingFirst ? " order by consecutive_failures desc, name, id" : " order by name, id");
		sql.append(" limit ?");
		params.add(size + 1);
		List<AutomatedCheckLine> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			String last = rs.getString("last_outcome");
			Timestamp ran = rs.getTimestamp("last_run_at");
			return new AutomatedCheckLine(rs.getLong("id"), rs.getString("name"), CheckKind.valueOf(rs.getString("kind")),
					rs.getString("target"), rs.getObject("port", Integer.class), rs.getBoolean("active"),
					last == null ? null : CheckOutcome.valueOf(last), ran == null ? null : ran.toInstant(),
					rs.getInt("consecutive_failures"), rs.getObject("open_incident_id", Long.class),
					rs.getString("ci_name"));
		}).list();
		return KeysetPage.of(rows, size,
				line -> KeysetCursor.encode(line.consecutiveFailures(), line.id(), line.name()));
	}

	public AutomatedCheckView view(long id) {
		Actor reader = access.requireReader();
		return jdbc.sql("""
				select c.*, c.db_password_sealed is not null as has_password,
				  (select count(*) from inspection_check_result r where r.check_id = c.id
				     and r.ran_at > now() - interval '1 day') as runs_day,
				  (select count(*) from inspection_check_result r where r.check_id = c.id
				     and r.ran_at > now() - interval '1 day' and r.outcome <> 'DOWN') as up_day,
				  (select round(avg(millis)) from inspection_check_result r where r.check_id = c.id
				     and r.ran_at > now() - interval '1 day') as average_day
				from inspection_check c where c.id = ?""")
			.param(id)
			.query((rs, n) -> {
				if (!access.reads(reader, rs.getLong("party_id"))) {
					return null;
				}
				CheckSettings s = AutomatedChecks.settings(rs);
				String last = rs.getString("last_outcome");
				Timestamp ran = rs.getTimestamp("last_run_at");
				java.math.BigDecimal average = rs.getBigDecimal("average_day");
				return new AutomatedCheckView(id, s.name(), s.kind(), s.target(), s.port(), s.expectStatus(),
						s.bodyContains(), s.slowMillis(), s.warnDays(), s.dbUser(), rs.getBoolean("has_password"),
						s.ciId(), s.ciName(), s.intervalSeconds(), s.timeoutMillis(), s.failuresToAlert(),
						rs.getBoolean("active"), last == null ? null : CheckOutcome.valueOf(last),
						ran == null ? null : ran.toInstant(), rs.getInt("consecutive_failures"),
						rs.getObject("open_incident_id", Long.class), rs.getLong("runs_day"), rs.getLong("up_day"),
						average == null ? null : average.longValue());
			})
			.optional()
			.orElseThrow(() -> RejectedRequest.notFound("inspection-check"));
	}

	public KeysetPage<CheckRunLine> results(long id, String outcome, String cursor, Integer limit) {
		view(id);
		FieldErrors errors = new FieldErrors();
		int size = KeysetPage.limit(limit, errors, "check.limit");
		CheckOutcome wanted = outcome == null || outcome.isBlank() ? null
				: errors.constant(CheckOutcome.class, outcome, "outcome");
		Long afterId = null;
		if (cursor != null && !cursor.isBlank()) {
			afterId = KeysetCursor.decodeId(cursor).orElse(null);
			if (afterId == null) {
				errors.add("cursor", "check.cursor-invalid");
			}
		}
		errors.throwIfAny();
		StringBuilder sql = new StringBuilder("""
				select id, ran_at, outcome, millis, detail_key, detail_args, days_left, action, incident_id
				from inspection_check_result where check_id = ?""");
		List<Object> params = new ArrayList<>(List.of(id));
		if (wanted != null) {
			sql.append(" and outcome = ?");
			params.add(wanted.name());
		}
		if (afterId != null) {
			// ids rise with the time of the run, so the id alone continues the newest-first order
			sql.append(" and id < ?");
			params.add(afterId);
		}
		sql.append(" order by id desc limit ?");
		params.add(size + 1);
		Locale locale = LocaleContextHolder.getLocale();
		List<CheckRunLine> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			List<Object> args = AutomatedChecks.JSON.readValue(rs.getString("detail_args"), ARGS);
			String detail = messages.getMessage(rs.getString("detail_key"), args.toArray(), rs.getString("detail_key"),
					locale);
			return new CheckRunLine(rs.getLong("id"), rs.getTimestamp("ran_at").toInstant(),
					CheckOutcome.valueOf(rs.getString("outcome")), rs.getInt("millis"), detail,
					rs.getObject("days_left", Integer.class), rs.getString("action"),
					rs.getObject("incident_id", Long.class));
		}).list();
		return KeysetPage.of(rows, size, line -> KeysetCursor.encode(line.id()));
	}
}
