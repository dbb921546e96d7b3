package org.yunwei.change.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.change.internal.ChangeRequest.AffectedItem;
import org.yunwei.change.internal.ChangeRequest.PlanStep;
import org.yunwei.web.RejectedRequest;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads {@code change_request} and numbers changes through {@code change_number_counter}. */
@Repository
class ChangeRecords {

	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<List<AffectedItem>> ITEMS = new TypeReference<>() {
	};
	private static final TypeReference<List<PlanStep>> STEPS = new TypeReference<>() {
	};
	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	static final String COLUMNS = """
			id, number, version, status, category, change_type, title, necessity, reason, cis, customer_unit_ids,
			impact, risk_level, risk_justification, steps, rollback_plan, planned_start, planned_end, actual_start,
			actual_end, outcome, outcome_note, review, reviewed_at, reviewer_id, provider_party_id, requester_id,
			approval_policy_id, approval_request_id, approval_granted, freeze_override, override_request_id,
			override_granted, submitted_hash, submitted_at, approved_at, decision_note,
			created_at, updated_at""";

	private final JdbcClient jdbc;

	ChangeRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next number of the day, e.g. {@code CHG-20261207-0001}, under the day's counter row lock. */
	String nextNumber(LocalDate day) {
		int last = jdbc.sql("""
				insert into change_number_counter (day, last) values (?, 1)
				on conflict (day) do update set last = change_number_counter.last + 1 returning last""")
			.param(day).query(Integer.class).single();
		return "CHG-" + DAY.format(day) + "-" + (last < 10000 ? "%04d".formatted(last) : String.valueOf(last));
	}

	long insert(ChangeRequest c) {
		return jdbc.sql("""
				insert into change_request (number, status, category, change_type, title, necessity, reason, ci_ids,
				  cis, customer_unit_ids, impact, computed_risk, risk_level, risk_justification, steps, rollback_plan,
				  planned_start, planned_end, provider_party_id, requester_id)
				values (?, ?, ?, ?, ?, ?, ?, cast(? as bigint[]), cast(? as jsonb), cast(? as bigint[]),
				  cast(? as jsonb), ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?) returning id""")
			.params(c.number(), c.status().name(), c.category().name(), c.type().name(), c.title(), c.necessity(),
					c.reason(), array(c.ciIds()), JSON.writeValueAsString(c.items()), array(c.customerUnitIds()),
					JSON.writeValueAsString(c.assessment()), c.assessment().computed().name(), c.riskLevel().name(),
					c.riskJustification(), JSON.writeValueAsString(c.steps()), c.rollbackPlan(),
					timestamp(c.plannedStart()), timestamp(c.plannedEnd()), c.providerPartyId(), c.requesterId())
			.query(Long.class).single();
	}

	/** Writes a loaded change back; 409 when someone else changed it meanwhile (its version moved on). */
	void update(ChangeRequest c) {
		List<Object> params = new ArrayList<>(Arrays.asList(c.status().name(), c.category().name(), c.type().name(),
				c.title(), c.necessity(), c.reason(), array(c.ciIds()), JSON.writeValueAsString(c.items()),
				array(c.customerUnitIds()), JSON.writeValueAsString(c.assessment()),
				c.assessment().computed().name(), c.riskLevel().name(), c.riskJustification(),
				JSON.writeValueAsString(c.steps()), c.rollbackPlan(), timestamp(c.plannedStart()),
				timestamp(c.plannedEnd()), timestamp(c.actualStart()), timestamp(c.actualEnd()),
				c.outcome() == null ? null : c.outcome().name(), c.outcomeNote(), c.review(),
				timestamp(c.reviewedAt()), c.reviewerId(), c.approvalPolicyId(), c.approvalRequestId(),
				c.approvalGranted(), c.freezeOverride(), c.overrideRequestId(), c.overrideGranted(),
				c.submittedHash(), timestamp(c.submittedAt()), timestamp(c.approvedAt()), c.decisionNote(), c.id(),
				c.version()));
		int updated = jdbc.sql("""
				update change_request set status = ?, category = ?, change_type = ?, title = ?, necessity = ?,
				  reason = ?, ci_ids = cast(? as bigint[]), cis = cast(? as jsonb),
				  customer_unit_ids = cast(? as bigint[]), impact = cast(? as jsonb), computed_risk = ?,
				  risk_level = ?, risk_justification = ?, steps = cast(? as jsonb), rollback_plan = ?,
				  planned_start = ?, planned_end = ?, actual_start = ?, actual_end = ?, outcome = ?,
				  outcome_note = ?, review = ?, reviewed_at = ?, reviewer_id = ?, approval_policy_id = ?,
				  approval_request_id = ?, approval_granted = ?, freeze_override = ?, override_request_id = ?,
				  override_granted = ?, submitted_hash = ?, submitted_at = ?, approved_at = ?, decision_note = ?,
				  version = version + 1, updated_at = now()
				where id = ? and version = ?""")
			.params(params).update();
		if (updated != 1) {
			throw RejectedRequest.conflict("change-changed-meanwhile", "change.changed-meanwhile");
		}
	}

	/** Keeps the services a change's items are or reach, read by conflict detection (not part of its content). */
	void setServices(long id, List<Long> serviceIds) {
		jdbc.sql("update change_request set service_ids = cast(? as bigint[]) where id = ?")
			.params(array(serviceIds), id).update();
	}

	Optional<ChangeRequest> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from change_request where id = ?").param(id)
			.query((rs, n) -> read(rs)).optional();
	}

	/** The change, its row locked until the transaction ends (decisions arriving as events). */
	Optional<ChangeRequest> findForUpdate(long id) {
		return jdbc.sql("select " + COLUMNS + " from change_request where id = ? for update").param(id)
			.query((rs, n) -> read(rs)).optional();
	}

	/** How many changes on any of these items failed (rolled back or remedied) since the instant. */
	int failedOn(List<Long> ciIds, Instant since, Long excludeId) {
		if (ciIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				select count(*) from change_request where ci_ids && cast(? as bigint[])
				  and outcome in ('ROLLED_BACK', 'REMEDIED') and actual_end >= ? and id <> ?""")
			.params(array(ciIds), Timestamp.from(since), excludeId == null ? -1L : excludeId)
			.query(Integer.class).single();
	}

	/**
	 * Which approval policy the installation gave changes of this category and risk, if any: the live rule of the
	 * level itself, else the category's rule for any level.
	 */
	Optional<Long> policyFor(ChangeCategory category, RiskLevel risk) {
		return jdbc.sql("""
				select policy_id from change_approval_rule
				where retired_at is null and category = ? and risk_level in (?, 'ANY')
				order by risk_level = 'ANY' limit 1""")
			.params(category.name(), risk.name()).query(Long.class).optional();
	}

	/** The policy of the override approval an emergency change planned into a freeze window needs, if set. */
	Optional<Long> overridePolicy() {
		return jdbc.sql("""
				select policy_id from change_approval_rule
				where retired_at is null and category = 'FREEZE_OVERRIDE' and risk_level = 'ANY'""")
			.query(Long.class).optional();
	}

	static ChangeRequest read(ResultSet rs) throws SQLException {
		ChangeRequest.Builder b = new ChangeRequest.Builder();
		b.id = rs.getLong("id");
		b.number = rs.getString("number");
		b.version = rs.getInt("version");
		b.status = ChangeStatus.valueOf(rs.getString("status"));
		b.category = ChangeCategory.valueOf(rs.getString("category"));
		b.type = ChangeType.valueOf(rs.getString("change_type"));
		b.title = rs.getString("title");
		b.necessity = rs.getString("necessity");
		b.reason = rs.getString("reason");
		b.items = JSON.readValue(rs.getString("cis"), ITEMS);
		b.customerUnitIds = longs(rs.getArray("customer_unit_ids"));
		b.assessment = JSON.readValue(rs.getString("impact"), RiskAssessment.class);
		b.riskLevel = RiskLevel.valueOf(rs.getString("risk_level"));
		b.riskJustification = rs.getString("risk_justification");
		b.steps = JSON.readValue(rs.getString("steps"), STEPS);
		b.rollbackPlan = rs.getString("rollback_plan");
		b.plannedStart = instant(rs, "planned_start");
		b.plannedEnd = instant(rs, "planned_end");
		b.actualStart = instant(rs, "actual_start");
		b.actualEnd = instant(rs, "actual_end");
		String outcome = rs.getString("outcome");
		b.outcome = outcome == null ? null : ChangeOutcome.valueOf(outcome);
		b.outcomeNote = rs.getString("outcome_note");
		b.review = rs.getString("review");
		b.reviewedAt = instant(rs, "reviewed_at");
		b.reviewerId = rs.getObject("reviewer_id", Long.class);
		b.providerPartyId = rs.getObject("provider_party_id", Long.class);
		b.requesterId = rs.getLong("requester_id");
		b.approvalPolicyId = rs.getObject("approval_policy_id", Long.class);
		b.approvalRequestId = rs.getObject("approval_request_id", Long.class);
		b.approvalGranted = rs.getBoolean("approval_granted");
		b.freezeOverride = rs.getBoolean("freeze_override");
		b.overrideRequestId = rs.getObject("override_request_id", Long.class);
		b.overrideGranted = rs.getBoolean("override_granted");
		b.submittedHash = rs.getString("submitted_hash");
		b.submittedAt = instant(rs, "submitted_at");
		b.approvedAt = instant(rs, "approved_at");
		b.decisionNote = rs.getString("decision_note");
		b.createdAt = instant(rs, "created_at");
		b.updatedAt = instant(rs, "updated_at");
		return b.build();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static List<Long> longs(java.sql.Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Long[]) array.getArray()).toList();
	}

	/** Ids as one array literal: JdbcClient would spread a Java array over several placeholders. */
	static String array(List<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	private static Timestamp timestamp(Instant value) {
		return value == null ? null : Timestamp.from(value);
	}
}
