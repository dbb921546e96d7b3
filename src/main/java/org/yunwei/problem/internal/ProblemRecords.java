package org.yunwei.problem.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.sla.Priority;

/** The table {@code problem}: the only class that writes it. */
@Repository
public class ProblemRecords {

	static final String COLUMNS = "id, number, party_id, org_unit_id, customer_org_unit_id, status, source, subject, "
			+ "description, impact, priority, service_id, configuration_item_ids, root_cause, emergency_plan, "
			+ "emergency_plan_at, solution, solution_owner_id, solution_due, implementation_plan, "
			+ "implementation_owner_id, implementation_start, implementation_end, known_error, workaround, "
			+ "known_error_at, resolution, cancel_reason, article_id, agreement_id, resolution_due_at, recorded_by, "
			+ "created_at, updated_at, resolved_at, closed_at";

	private final JdbcClient jdbc;

	ProblemRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Problem p) {
		ProblemCollection c = p.collection();
		return jdbc.sql("""
				insert into problem (number, party_id, org_unit_id, customer_org_unit_id, status, source, subject,
				    description, impact, priority, service_id, configuration_item_ids, recorded_by, created_at,
				    updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as bigint[]), ?, ?, ?) returning id""")
			.params(p.number(), p.partyId(), p.orgUnitId(), p.customerOrgUnitId(), p.status().name(),
					c.source().name(), c.subject(), c.description(), c.impact(), c.priority().name(), c.serviceId(),
					bigintArray(c.configurationItemIds()), p.recordedBy(), Timestamp.from(p.createdAt()),
					Timestamp.from(p.createdAt()))
			.query(Long.class).single();
	}

	void update(Problem p) {
		ProblemPlan s = p.solution();
		ProblemPlan i = p.implementation();
		jdbc.sql("""
				update problem set status = ?, root_cause = ?, emergency_plan = ?, emergency_plan_at = ?,
				    solution = ?, solution_owner_id = ?, solution_due = ?, implementation_plan = ?,
				    implementation_owner_id = ?, implementation_start = ?, implementation_end = ?, known_error = ?,
				    workaround = ?, known_error_at = ?, resolution = ?, cancel_reason = ?, article_id = ?,
				    agreement_id = ?, resolution_due_at = ?, resolved_at = ?, closed_at = ?, updated_at = now()
				where id = ?""")
			.params(p.status().name(), p.rootCause(), p.emergencyPlan(), time(p.emergencyPlanAt()),
					s == null ? null : s.text(), s == null ? null : s.ownerId(), s == null ? null : date(s.end()),
					i == null ? null : i.text(), i == null ? null : i.ownerId(), i == null ? null : date(i.start()),
					i == null ? null : date(i.end()), p.knownError(), p.workaround(), time(p.knownErrorAt()),
					p.resolution(), p.cancelReason(), p.articleId(), p.agreementId(), time(p.resolutionDueAt()),
					time(p.resolvedAt()), time(p.closedAt()), p.id())
			.update();
	}

	Optional<Problem> findForUpdate(long id) {
		return jdbc.sql("select " + COLUMNS + " from problem where id = ? for update").param(id)
			.query((rs, n) -> problem(rs)).optional();
	}

	public Optional<Problem> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from problem where id = ?").param(id)
			.query((rs, n) -> problem(rs)).optional();
	}

	/** The problems linked to a ticket, within a SQL scope condition on {@code p}; newest first, at most 20. */
	List<Problem> ofIncident(long ticketId, String scopeSql, List<Object> scopeParams) {
		List<Object> params = new ArrayList<>();
		params.add(ticketId);
		params.addAll(scopeParams);
		return jdbc.sql("select " + COLUMNS.replaceAll("(^|, )", "$1p.")
				+ " from problem p join problem_incident i on i.problem_id = p.id where i.ticket_id = ? and "
				+ scopeSql + " order by p.created_at desc, p.id desc limit 20")
			.params(params).query((rs, n) -> problem(rs)).list();
	}

	static Problem problem(ResultSet rs) throws SQLException {
		ProblemCollection collection = new ProblemCollection(ProblemSource.valueOf(rs.getString("source")),
				rs.getString("subject"), rs.getString("description"), rs.getString("impact"),
				Priority.valueOf(rs.getString("priority")), rs.getObject("service_id", Long.class),
				longs(rs.getArray("configuration_item_ids")));
		Problem p = new Problem(rs.getLong("id"), rs.getString("number"), rs.getLong("party_id"),
				rs.getLong("org_unit_id"), rs.getObject("customer_org_unit_id", Long.class),
				ProblemStatus.valueOf(rs.getString("status")), collection, rs.getLong("recorded_by"),
				instant(rs, "created_at"));
		p.rootCause = rs.getString("root_cause");
		p.emergencyPlan = rs.getString("emergency_plan");
		p.emergencyPlanAt = instant(rs, "emergency_plan_at");
		if (rs.getString("solution") != null) {
			p.solution = new ProblemPlan(rs.getString("solution"), rs.getLong("solution_owner_id"), null,
					localDate(rs, "solution_due"));
		}
		if (rs.getString("implementation_plan") != null) {
			p.implementation = new ProblemPlan(rs.getString("implementation_plan"),
					rs.getLong("implementation_owner_id"), localDate(rs, "implementation_start"),
					localDate(rs, "implementation_end"));
		}
		p.knownError = rs.getBoolean("known_error");
		p.workaround = rs.getString("workaround");
		p.knownErrorAt = instant(rs, "known_error_at");
		p.resolution = rs.getString("resolution");
		p.cancelReason = rs.getString("cancel_reason");
		p.articleId = rs.getObject("article_id", Long.class);
		p.agreementId = rs.getObject("agreement_id", Long.class);
		p.resolutionDueAt = instant(rs, "resolution_due_at");
		p.resolvedAt = instant(rs, "resolved_at");
		p.closedAt = instant(rs, "closed_at");
		return p;
	}

	static String bigintArray(List<Long> values) {
		return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	static List<Long> longs(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
		Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	private static Timestamp time(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}
}
