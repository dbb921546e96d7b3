package org.yunwei.sla.internal.agreement;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/** An agreement as a list shows it. */
@Schema(name = "SlaSummary")
record AgreementSummary(long id, String code, String name, long providerPartyId, Long customerOrgUnitId,
		boolean defaultAgreement, Long calendarId, LocalDate validFrom, LocalDate validTo, boolean enabled,
		int serviceCount) {
}
