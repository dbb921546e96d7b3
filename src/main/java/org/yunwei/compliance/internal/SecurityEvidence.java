package org.yunwei.compliance.internal;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunwei.compliance.Evidence;
import org.yunwei.compliance.Evidence.EvidenceLink;
import org.yunwei.compliance.Evidence.Figure;
import org.yunwei.compliance.Evidence.Note;
import org.yunwei.compliance.EvidenceRequest;
import org.yunwei.compliance.EvidenceSource;
import org.yunwei.identity.Staffing;

/**
 * The security mechanisms the platform itself brings (7.7.2a 安全管理机制, partial): the hash-chained audit trail of
 * every write, sign-in to 等保 level 3 with lock-out and password rules, the second factor, the three administrators
 * (三员分立). What the item also asks for, the provider's own security management rules and their records, is no
 * module's yet. Read through {@code identity}'s and {@code audit}'s public API, as they sit below this module.
 */
@Component
class SecurityEvidence implements EvidenceSource {

	private final Staffing staffing;

	SecurityEvidence(Staffing staffing) {
		this.staffing = staffing;
	}

	@Override
	public Set<String> items() {
		return Set.of("7.7.2a");
	}

	@Override
	public List<Evidence> evidence(EvidenceRequest request) {
		Staffing.Figures figures = staffing.ofProviders(request.providerPartyId());
		Evidence security = Evidence.partial("7.7.2a",
				List.of(Note.of("evidence.security.audit-chain"), Note.of("evidence.security.sign-in"),
						Note.of("evidence.security.second-factor"), Note.of("evidence.security.separation")),
				List.of(Note.of("evidence.security.missing")))
			.withFigures(List.of(new Figure("evidence.staffing.people", figures.people(), null),
					new Figure("evidence.security.second-factor-people", figures.secondFactor(), null)))
			.withLinks(List.of(new EvidenceLink("evidence.link.audit", "/audit")));
		if (figures.secondFactor() < figures.people()) {
			security = security.withGaps(List.of(Note.of("evidence.gap.without-second-factor",
					figures.people() - figures.secondFactor())));
		}
		return List.of(security);
	}
}
