package org.yunwei.sla.internal.agreement;

import java.time.LocalDate;
import java.util.List;

import org.yunwei.sla.ServiceLevelTarget;

/** An agreement that passed its own rules, ready to store: one target per priority, in priority order. */
record AgreementTerms(String code, String name, long providerPartyId, Long customerOrgUnitId, boolean isDefault,
		Long calendarId, LocalDate validFrom, LocalDate validTo, boolean enabled, List<Long> serviceIds,
		List<ServiceLevelTarget> targets) {

	AgreementTerms {
		serviceIds = List.copyOf(serviceIds);
		targets = List.copyOf(targets);
	}
}
