package org.yunwei.sla.internal.agreement;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** One agreement with its services, targets and escalation steps. {@code calendarId} null: the default calendar. */
@Schema(name = "Sla")
record AgreementView(long id, String code, String name, long providerPartyId, Long customerOrgUnitId,
		boolean defaultAgreement, Long calendarId, LocalDate validFrom, LocalDate validTo, boolean enabled, int version,
		List<Long> serviceIds, List<TargetTerms> targets, List<EscalationTerms> escalations) {

	/** The same agreement showing only these of its services. */
	AgreementView withServices(List<Long> shown) {
		return new AgreementView(id, code, name, providerPartyId, customerOrgUnitId, defaultAgreement, calendarId,
				validFrom, validTo, enabled, version, List.copyOf(shown), targets, escalations);
	}
}
