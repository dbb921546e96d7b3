package org.yunwei.sla.internal.agreement;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.dataset.Dataset;
import org.yunwei.dataset.DatasetContext;
import org.yunwei.dataset.DatasetPlan;
import org.yunwei.dataset.DatasetService;
import org.yunwei.sla.Calendars;

/**
 * The generated city's service level agreements: one per provider (codes {@code GEN-SLA-…}) for all its services
 * and every customer, on the default calendar CN-DEFAULT, with P1–P4 targets (P1 in calendar time, the others in
 * business time), the default warning thresholds 50/75/90 % and, for P1 and P2, the group lead told at the breach.
 * The tickets' clocks are written by the ticket contributor through {@link org.yunwei.sla.SlaClockImport}.
 * <p>
 * Reads {@link DatasetContext#SERVICES}; publishes {@code sla.agreements} (provider party id to agreement id).
 */
@Component
class SlaDataset implements Dataset {

	/** Priority, response seconds and basis, resolution seconds and basis. */
	private static final Object[][] TARGETS = {
			{ "P1", 15 * 60, "CALENDAR", 4 * 3600, "CALENDAR" },
			{ "P2", 30 * 60, "BUSINESS", 8 * 3600, "BUSINESS" },
			{ "P3", 2 * 3600, "BUSINESS", 24 * 3600, "BUSINESS" },
			{ "P4", 4 * 3600, "BUSINESS", 40 * 3600, "BUSINESS" } };

	private final JdbcClient jdbc;
	private final Calendars calendars;

	SlaDataset(JdbcClient jdbc, Calendars calendars) {
		this.jdbc = jdbc;
		this.calendars = calendars;
	}

	@Override
	public String name() {
		return "sla";
	}

	@Override
	public Set<String> after() {
		return Set.of("catalog");
	}

	@Override
	public long generate(DatasetPlan plan, int chunk, DatasetContext context) {
		List<DatasetService> services = context.get(DatasetContext.SERVICES);
		Map<Long, List<Long>> byProvider = new LinkedHashMap<>();
		services.forEach(s -> byProvider.computeIfAbsent(s.providerPartyId(), p -> new ArrayList<>()).add(s.id()));
		List<Long> providers = context.get("identity.providerParties");
		long calendar = calendars.defaultCalendarId();
		LocalDate validFrom = LocalDate.ofInstant(plan.anchor(), ZoneOffset.UTC).minusYears(3).withDayOfYear(1);
		long rows = 0;
		for (int p = 0; p < providers.size(); p++) {
			long provider = providers.get(p);
			long agreement = jdbc.sql("""
					insert into service_level_agreement (code, name, provider_party_id, calendar_id, valid_from,
					    created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?) returning id""")
				.params("GEN-SLA-P%02d".formatted(p + 1), "运维服务级别协议（服务商 %02d）".formatted(p + 1), provider,
						calendar, validFrom, created(plan), created(plan))
				.query(Long.class)
				.single();
			rows++;
			for (long service : byProvider.getOrDefault(provider, List.of())) {
				jdbc.sql("insert into sla_service (agreement_id, service_id) values (?, ?)").params(agreement, service)
					.update();
				rows++;
			}
			for (Object[] t : TARGETS) {
				jdbc.sql("""
						insert into sla_target (agreement_id, priority, response_seconds, response_basis,
						    resolution_seconds, resolution_basis, thresholds)
						values (?, ?, ?, ?, ?, ?, '{50,75,90}')""")
					.params(agreement, t[0], t[1], t[2], t[3], t[4])
					.update();
				rows++;
				if (t[0].equals("P1") || t[0].equals("P2")) {
					jdbc.sql("""
							insert into sla_escalation (agreement_id, priority, threshold_percent, step_order, kind,
							    target) values (?, ?, 100, 1, 'HIERARCHICAL', 'GROUP_LEAD')""")
						.params(agreement, t[0])
						.update();
					rows++;
				}
			}
		}
		return rows;
	}

	private static java.sql.Timestamp created(DatasetPlan plan) {
		return java.sql.Timestamp.from(plan.anchor().minus(java.time.Duration.ofDays(800)));
	}

	@Override
	public void describe(DatasetPlan plan, DatasetContext context) {
		Map<Long, Long> agreements = new LinkedHashMap<>();
		jdbc.sql("select provider_party_id, id from service_level_agreement where code like 'GEN-SLA-%' order by code")
			.query((rs, n) -> agreements.put(rs.getLong(1), rs.getLong(2)))
			.list();
		context.put("sla.agreements", agreements);
		context.count("agreements", agreements.size());
	}
}
