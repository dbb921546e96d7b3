package org.yunwei.sla.internal.agreement;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yunwei.sla.EscalationStep;
import org.yunwei.sla.Priority;
import org.yunwei.sla.ServiceLevelTarget;
import org.yunwei.sla.TimeBasis;

/**
 * The tables {@code service_level_agreement}, {@code sla_service}, {@code sla_target} and {@code sla_escalation}.
 * Durations are stored in seconds and shown in minutes.
 */
@Repository
class Agreements {

	private static final String SUMMARY = """
			select a.id, a.code, a.name, a.provider_party_id, a.customer_org_unit_id, a.is_default, a.calendar_id,
			       a.valid_from, a.valid_to, a.enabled,
			       (select count(*) from sla_service s where s.agreement_id = a.id) as service_count
			from service_level_agreement a""";

	private final JdbcClient jdbc;

	Agreements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The providers named by the agreements within a reading condition on the columns of {@code a}. */
	List<Long> providerIds(AgreementReaders.Condition condition) {
		return jdbc.sql("select distinct a.provider_party_id from service_level_agreement a where " + condition.sql())
			.params(condition.parameters())
			.query(Long.class)
			.list();
	}

	/** A page of agreements within a reading condition on the columns of {@code a}, by code. */
	List<AgreementSummary> list(AgreementFilter filter, AgreementReaders.Condition condition) {
		var sql = new StringBuilder(SUMMARY).append(" where ").append(condition.sql());
		var params = new ArrayList<>(condition.parameters());
		if (filter.providerPartyId() != null) {
			sql.append(" and a.provider_party_id = ?");
			params.add(filter.providerPartyId());
		}
		if (filter.customerOrgUnitId() != null) {
			sql.append(" and a.customer_org_unit_id = ?");
			params.add(filter.customerOrgUnitId());
		}
		if (filter.serviceId() != null) {
			sql.append(" and exists (select 1 from sla_service s where s.agreement_id = a.id and s.service_id = ?)");
			params.add(filter.serviceId());
		}
		if (filter.enabled() != null) {
			sql.append(" and a.enabled = ?");
			params.add(filter.enabled());
		}
		if (filter.after() != null) {
			sql.append(" and a.code > ?");
			params.add(filter.after());
		}
		sql.append(" order by a.code limit ?");
		params.add(filter.limit() + 1);
		return jdbc.sql(sql.toString()).params(params).query(this::summary).list();
	}

	Optional<AgreementView> find(long id) {
		return jdbc.sql(SUMMARY + " where a.id = ?").param(id).query(this::summary).optional().map(this::withDetails);
	}

	/** The version of the agreements in force, raised by every change to them (migration sla/V6). */
	long registerVersion() {
		return jdbc.sql("select version from sla_agreement_register").query(Long.class).single();
	}

	/**
	 * Every enabled agreement, valid or not on any particular day, with its services and its terms per priority: what
	 * {@link AgreementRegister} keeps. Two statements, whatever the number of agreements.
	 */
	List<RegisteredAgreement> enabled() {
		Map<Long, Map<Priority, ServiceLevelTarget>> targets = new HashMap<>();
		jdbc.sql("""
				select t.agreement_id, t.priority, t.response_seconds, t.response_basis, t.resolution_seconds,
				    t.resolution_basis, t.thresholds, e.percents, e.orders, e.kinds, e.targets
				from sla_target t join service_level_agreement a on a.id = t.agreement_id and a.enabled
				left join lateral (
				    select array_agg(threshold_percent order by threshold_percent, step_order) as percents,
				        array_agg(step_order order by threshold_percent, step_order) as orders,
				        array_agg(kind order by threshold_percent, step_order) as kinds,
				        array_agg(target order by threshold_percent, step_order) as targets
				    from sla_escalation where agreement_id = t.agreement_id and priority = t.priority) e on true""")
			.query((rs, n) -> {
				Priority priority = Priority.valueOf(rs.getString("priority"));
				return targets.computeIfAbsent(rs.getLong("agreement_id"), id -> new EnumMap<>(Priority.class))
					.put(priority, target(rs, priority, steps(rs)));
			})
			.list();
		return jdbc.sql("""
				select a.id, a.code, a.name, a.calendar_id, a.customer_org_unit_id, a.is_default, a.valid_from,
				       a.valid_to, a.enabled,
				       coalesce((select array_agg(s.service_id) from sla_service s where s.agreement_id = a.id),
				                '{}') as service_ids
				from service_level_agreement a where a.enabled""")
			.query((rs, n) -> new RegisteredAgreement(new AgreementCandidate(rs.getLong("id"), rs.getString("code"),
					rs.getObject("customer_org_unit_id", Long.class), rs.getBoolean("is_default"),
					Set.copyOf(longs(rs.getArray("service_ids"))), rs.getObject("valid_from", LocalDate.class),
					rs.getObject("valid_to", LocalDate.class), rs.getBoolean("enabled")), rs.getString("name"),
					rs.getObject("calendar_id", Long.class), targets.getOrDefault(rs.getLong("id"), Map.of())))
			.list();
	}

	/** The escalation steps aggregated by {@link #enabled}, in order; none when the arrays are null. */
	private static List<EscalationStep> steps(ResultSet rs) throws SQLException {
		if (rs.getArray("percents") == null) {
			return List.of();
		}
		List<Integer> percents = ints(rs.getArray("percents"));
		List<Integer> orders = ints(rs.getArray("orders"));
		Object[] kinds = (Object[]) rs.getArray("kinds").getArray();
		Object[] targets = (Object[]) rs.getArray("targets").getArray();
		List<EscalationStep> steps = new ArrayList<>(percents.size());
		for (int i = 0; i < percents.size(); i++) {
			steps.add(new EscalationStep(percents.get(i), orders.get(i),
					EscalationStep.Kind.valueOf((String) kinds[i]), (String) targets[i]));
		}
		return steps;
	}

	Optional<ServiceLevelTarget> target(long agreementId, Priority priority) {
		List<EscalationStep> steps = escalations(agreementId, priority);
		return jdbc.sql("select * from sla_target where agreement_id = ? and priority = ?")
			.params(agreementId, priority.name())
			.query((rs, n) -> target(rs, priority, steps))
			.optional();
	}

	private static ServiceLevelTarget target(ResultSet rs, Priority priority, List<EscalationStep> steps)
			throws SQLException {
		return new ServiceLevelTarget(priority, Duration.ofSeconds(rs.getLong("response_seconds")),
				TimeBasis.valueOf(rs.getString("response_basis")), Duration.ofSeconds(rs.getLong("resolution_seconds")),
				TimeBasis.valueOf(rs.getString("resolution_basis")), ints(rs.getArray("thresholds")), steps);
	}

	private List<EscalationStep> escalations(long agreementId, Priority priority) {
		return jdbc.sql("""
				select threshold_percent, step_order, kind, target from sla_escalation
				where agreement_id = ? and priority = ? order by threshold_percent, step_order""")
			.params(agreementId, priority.name())
			.query((rs, n) -> new EscalationStep(rs.getInt("threshold_percent"), rs.getInt("step_order"),
					EscalationStep.Kind.valueOf(rs.getString("kind")), rs.getString("target")))
			.list();
	}

	long insert(AgreementTerms terms) {
		long id = jdbc.sql("""
				insert into service_level_agreement (code, name, provider_party_id, customer_org_unit_id, is_default,
				    calendar_id, valid_from, valid_to, enabled) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(terms.code(), terms.name(), terms.providerPartyId(), terms.customerOrgUnitId(), terms.isDefault(),
					terms.calendarId(), terms.validFrom(), terms.validTo(), terms.enabled())
			.query(Long.class)
			.single();
		writeParts(id, terms);
		return id;
	}

	/** Changes an agreement if it is still at the version read; false when someone changed it meanwhile. */
	boolean update(long id, int version, AgreementTerms terms) {
		int rows = jdbc.sql("""
				update service_level_agreement set code = ?, name = ?, provider_party_id = ?, customer_org_unit_id = ?,
				    is_default = ?, calendar_id = ?, valid_from = ?, valid_to = ?, enabled = ?, version = version + 1,
				    updated_at = now()
				where id = ? and version = ?""")
			.params(terms.code(), terms.name(), terms.providerPartyId(), terms.customerOrgUnitId(), terms.isDefault(),
					terms.calendarId(), terms.validFrom(), terms.validTo(), terms.enabled(), id, version)
			.update();
		if (rows == 0) {
			return false;
		}
		for (String table : List.of("sla_service", "sla_target", "sla_escalation")) {
			jdbc.sql("delete from " + table + " where agreement_id = ?").param(id).update();
		}
		writeParts(id, terms);
		return true;
	}

	void setEnabled(long id, boolean enabled) {
		jdbc.sql("""
				update service_level_agreement set enabled = ?, version = version + 1, updated_at = now()
				where id = ?""")
			.params(enabled, id)
			.update();
	}

	boolean codeTaken(String code, Long exceptId) {
		return jdbc.sql("select count(*) from service_level_agreement where lower(code) = lower(?) and id <> coalesce(?, -1)")
			.params(code, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	boolean defaultTaken(Long exceptId) {
		return jdbc.sql("select count(*) from service_level_agreement where is_default and id <> coalesce(?, -1)")
			.param(exceptId)
			.query(Long.class)
			.single() > 0;
	}

	private void writeParts(long id, AgreementTerms terms) {
		for (long serviceId : terms.serviceIds()) {
			jdbc.sql("insert into sla_service (agreement_id, service_id) values (?, ?)").params(id, serviceId).update();
		}
		for (ServiceLevelTarget t : terms.targets()) {
			jdbc.sql("""
					insert into sla_target (agreement_id, priority, response_seconds, response_basis,
					    resolution_seconds, resolution_basis, thresholds)
					values (?, ?, ?, ?, ?, ?, cast(? as integer[]))""")
				.params(id, t.priority().name(), t.response().toSeconds(), t.responseBasis().name(),
						t.resolution().toSeconds(), t.resolutionBasis().name(), arrayLiteral(t.warningThresholds()))
				.update();
			for (EscalationStep step : t.escalations()) {
				jdbc.sql("""
						insert into sla_escalation (agreement_id, priority, threshold_percent, step_order, kind, target)
						values (?, ?, ?, ?, ?, ?)""")
					.params(id, t.priority().name(), step.thresholdPercent(), step.order(), step.kind().name(),
							step.target())
					.update();
			}
		}
	}

	private AgreementSummary summary(ResultSet rs, int row) throws SQLException {
		return new AgreementSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getLong("provider_party_id"), rs.getObject("customer_org_unit_id", Long.class),
				rs.getBoolean("is_default"), rs.getObject("calendar_id", Long.class),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getBoolean("enabled"), rs.getInt("service_count"));
	}

	private AgreementView withDetails(AgreementSummary a) {
		int version = jdbc.sql("select version from service_level_agreement where id = ?").param(a.id())
			.query(Integer.class).single();
		List<Long> services = jdbc.sql("select service_id from sla_service where agreement_id = ? order by service_id")
			.param(a.id()).query(Long.class).list();
		List<TargetTerms> targets = jdbc.sql("select * from sla_target where agreement_id = ? order by priority")
			.param(a.id())
			.query((rs, n) -> new TargetTerms(rs.getString("priority"), rs.getLong("response_seconds") / 60,
					rs.getString("response_basis"), rs.getLong("resolution_seconds") / 60,
					rs.getString("resolution_basis"), ints(rs.getArray("thresholds"))))
			.list();
		List<EscalationTerms> escalations = jdbc.sql("""
				select priority, threshold_percent, step_order, kind, target from sla_escalation
				where agreement_id = ? order by priority, threshold_percent, step_order""")
			.param(a.id())
			.query((rs, n) -> new EscalationTerms(rs.getString("priority"), rs.getInt("threshold_percent"),
					rs.getInt("step_order"), rs.getString("kind"), rs.getString("target")))
			.list();
		return new AgreementView(a.id(), a.code(), a.name(), a.providerPartyId(), a.customerOrgUnitId(),
				a.defaultAgreement(), a.calendarId(), a.validFrom(), a.validTo(), a.enabled(), version, services,
				targets, escalations);
	}

	// arrays travel as one literal: JdbcClient would spread a Java array over several placeholders
	static String arrayLiteral(List<? extends Number> values) {
		return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	private static List<Integer> ints(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(v -> ((Number) v).intValue()).toList();
	}

	private static List<Long> longs(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(v -> ((Number) v).longValue()).toList();
	}
}
