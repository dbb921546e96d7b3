package org.yunwei.sla.internal.evidence;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.Evidence.EvidenceLink;
import org.yunwei.compliance.Evidence.Figure;
import org.yunwei.compliance.Evidence.Note;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;

/**
 * The service level agreements as evidence: the agreements in force in a period with their response targets
 * (7.2.2a 事件响应服务表) and their escalation chains (7.2.2c 事件升级机制, beside the escalations the service desk
 * records). An agreement is in force in the period when it is enabled and its validity overlaps the period's days.
 * Agreements are few (dozens), so these counts read them whole.
 */
@Component
class AgreementEvidence implements EvidenceSource {

	private static final int LATEST = 3;
	private static final String IN_FORCE = "a.enabled and a.valid_from <= ? and (a.valid_to is null or a.valid_to >= ?)";

	private final JdbcClient jdbc;

	AgreementEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> items() {
		return Set.of("7.2.2a", "7.2.2c");
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		long[] counts = jdbc.sql("""
				select count(*) as agreements,
				  coalesce(sum((select count(*) from sla_target t where t.agreement_id = a.id)), 0) as targets,
				  coalesce(sum((select count(*) from sla_escalation e where e.agreement_id = a.id
				    and e.kind = 'FUNCTIONAL')), 0) as functional,
				  coalesce(sum((select count(*) from sla_escalation e where e.agreement_id = a.id
				    and e.kind = 'HIERARCHICAL')), 0) as hierarchical,
				  count(*) filter (where not exists (select 1 from sla_escalation e where e.agreement_id = a.id))
				    as without_escalation
				from service_level_agreement a where """ + " " + IN_FORCE + " and "
				+ request.providerCondition("a.provider_party_id"))
			.params(params(request))
			.query((rs, n) -> new long[] { rs.getLong("agreements"), rs.getLong("targets"), rs.getLong("functional"),
					rs.getLong("hierarchical"), rs.getLong("without_escalation") })
			.single();
		List<Object> latestParams = params(request);
		latestParams.add(LATEST);
		List<Evidence.EvidenceRecord> latest = jdbc.sql("select a.id, a.code, a.name, a.updated_at from "
				+ "service_level_agreement a where " + IN_FORCE + " and " + request.providerCondition("a.provider_party_id")
				+ " order by a.updated_at desc, a.id desc limit ?")
			.params(latestParams)
			.query((rs, n) -> new Evidence.EvidenceRecord(rs.getString("code") + " " + rs.getString("name"),
					rs.getTimestamp("updated_at").toInstant(), "/sla/agreements/" + rs.getLong("id")))
			.list();
		EvidenceLink agreements = new EvidenceLink("evidence.link.agreements", "/sla/agreements");

		Evidence targets = Evidence.evidenced("7.2.2a", List.of(
				new Figure("evidence.agreement.in-force", counts[0], "/sla/agreements"),
				new Figure("evidence.agreement.targets", counts[1], null)))
			.withRecords(latest)
			.withLinks(List.of(agreements, new EvidenceLink("evidence.link.attainment",
					"/sla/attainment?from=" + request.from() + "&to=" + request.to())));
		if (counts[0] == 0) {
			targets = targets.withGaps(List.of(Note.of("evidence.gap.no-agreement")));
		}

		Evidence chains = Evidence.evidenced("7.2.2c", List.of(
				new Figure("evidence.escalation.functional-steps", counts[2], null),
				new Figure("evidence.escalation.hierarchical-steps", counts[3], null)))
			.withLinks(List.of(agreements));
		if (counts[4] > 0) {
			chains = chains.withGaps(List.of(Note.of("evidence.gap.agreement-without-escalation", counts[4])));
		}
		return List.of(targets, chains);
	}

	/** The period's last day and first day (an agreement starting by its end and ending after its start), then the provider. */
	private static List<Object> params(EvidenceRequest request) {
		List<Object> params = new ArrayList<>();
		params.add(Date.valueOf(request.to()));
		params.add(Date.valueOf(request.from()));
		params.addAll(request.parameters());
		return params;
	}
}
