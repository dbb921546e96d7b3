package org.yunwei.personnel.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.Evidence.EvidenceLink;
import org.yunwei.compliance.Evidence.Figure;
import org.yunwei.compliance.Evidence.Note;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Staffing;
import org.yunwei.sla.AppliedAgreement;
import org.yunwei.sla.Priority;
import org.yunwei.sla.ServiceLevels;

/**
 * The organisation of the O&M service as evidence: 4.3.2a (运维人员组织架构图) by the chart drawn from the directory,
 * evidenced when the providers asked about have units and people to draw (partial otherwise); 4.3.2b (运维服务流程图)
 * by the flow drawn from the ticket lifecycle and the default agreement's escalation chains, evidenced when a default
 * agreement with at least one escalation step exists (partial otherwise, as the flow then lacks its escalation path).
 * The figures are of the moment asked, as the directory and the agreements keep no history.
 */
@Component
class StructureEvidence implements EvidenceSource {

	static final String CHART = "4.3.2a";
	static final String FLOW = "4.3.2b";

	private final Organisations organisations;
	private final Staffing staffing;
	private final ServiceLevels serviceLevels;
	private final ServiceFlow flow;

	StructureEvidence(Organisations organisations, Staffing staffing, ServiceLevels serviceLevels, ServiceFlow flow) {
		this.organisations = organisations;
		this.staffing = staffing;
		this.serviceLevels = serviceLevels;
		this.flow = flow;
	}

	@Override
	public Set<String> items() {
		return Set.of(CHART, FLOW);
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		return List.of(chart(request), flow());
	}

	private Evidence chart(EvidenceRequest request) {
		List<OrganisationUnit> units = organisations.ofPartyKind(PartyKind.PROVIDER)
			.stream()
			.filter(u -> u.enabled() && (request.allProviders() || u.partyId() == request.providerPartyId()))
			.toList();
		Staffing.Figures figures = staffing.ofProviders(request.providerPartyId());
		long providers = units.stream().map(OrganisationUnit::partyId).distinct().count();
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.personnel.link.chart", "/staff/chart"));
		if (units.isEmpty() || figures.people() == 0) {
			return Evidence.partial(CHART, List.of(), List.of(Note.of("evidence.personnel.missing.chart")))
				.withLinks(links);
		}
		return Evidence.evidenced(CHART, List.of(
				new Figure("evidence.personnel.chart.providers", providers, "/staff/chart"),
				new Figure("evidence.personnel.chart.units", units.size(), "/staff/chart"),
				new Figure("evidence.personnel.chart.people", figures.people(), "/staff/chart")))
			.withLinks(links);
	}

	private Evidence flow() {
		List<EvidenceLink> links = List.of(new EvidenceLink("evidence.personnel.link.flow", "/staff/flow"));
		Optional<AppliedAgreement> fallback = flow.defaultAgreement(Priority.P1);
		if (fallback.isEmpty()) {
			return Evidence.partial(FLOW, List.of(), List.of(Note.of("evidence.personnel.missing.flow-agreement")))
				.withLinks(links);
		}
		long chains = 0;
		long steps = 0;
		for (Priority priority : Priority.values()) {
			int count = serviceLevels.target(fallback.get().agreementId(), priority)
				.map(t -> t.escalations().size())
				.orElse(0);
			chains += count > 0 ? 1 : 0;
			steps += count;
		}
		if (steps == 0) {
			return Evidence.partial(FLOW, List.of(), List.of(Note.of("evidence.personnel.missing.flow-steps")))
				.withLinks(links);
		}
		return Evidence.evidenced(FLOW, List.of(new Figure("evidence.personnel.flow.chains", chains, "/staff/flow"),
				new Figure("evidence.personnel.flow.steps", steps, "/staff/flow")))
			.withLinks(links);
	}
}
