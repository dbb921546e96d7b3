package org.yunwei.sla.internal.agreement;

import java.time.LocalDate;
import java.util.Set;

/**
 * What the precedence rule needs to know of one agreement.
 *
 * @param customerOrgUnitId {@code null}: any customer
 * @param serviceIds empty: all services
 * @param validTo {@code null}: open-ended
 */
record AgreementCandidate(long id, String code, Long customerOrgUnitId, boolean isDefault, Set<Long> serviceIds,
		LocalDate validFrom, LocalDate validTo, boolean enabled) {

	AgreementCandidate {
		serviceIds = Set.copyOf(serviceIds);
	}

	boolean validOn(LocalDate day) {
		return enabled && !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
	}
}
