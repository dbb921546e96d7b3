package org.yunwei.evaluation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.yunwei.evaluation.SatisfactionSummary;
import org.yunwei.identity.DataScope;

/**
 * What {@link org.yunwei.evaluation.CustomerSatisfaction} delegates to. Public only so that the module's API package
 * can reach it; no other module may (Modulith's verification refuses).
 */
@Service
public class SatisfactionOverview {

	private final JdbcClient jdbc;
	private final SatisfactionFigures figures;

	SatisfactionOverview(JdbcClient jdbc, SatisfactionFigures figures) {
		this.jdbc = jdbc;
		this.figures = figures;
	}

	/** Of the tickets, those rated and within the scope: one probe of the rating's primary key each. */
	public Set<Long> rated(Collection<Long> ticketIds, DataScope scope) {
		DataScope.Condition condition = scope.where("t.provider_party_id", "t.customer_org_unit_id");
		List<Object> params = new ArrayList<>();
		params.add(ticketIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
		params.addAll(condition.parameters());
		return Set.copyOf(jdbc.sql("select r.ticket_id from ticket_rating r join evaluation_ticket t"
				+ " on t.ticket_id = r.ticket_id where r.ticket_id = any(cast(? as bigint[])) and " + condition.sql())
			.params(params)
			.query(Long.class)
			.list());
	}

	/** The ratings given from {@code from} (included) to {@code to} (excluded) within the scope. */
	public SatisfactionSummary summary(DataScope scope, LocalDate from, LocalDate to) {
		SatisfactionFigures.Summary summary = figures.of(scope, from, to);
		return new SatisfactionSummary(summary.count(), summary.average(), summary.satisfiedShare());
	}
}
