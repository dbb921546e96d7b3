package org.yunwei.sla.internal.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.sla.internal.agreement.AgreementFixtures.body;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yunwei.sla.AppliedAgreement;
import org.yunwei.sla.EscalationStep;
import org.yunwei.sla.Priority;
import org.yunwei.sla.ServiceLevels;
import org.yunwei.sla.TimeBasis;
import org.yunwei.support.IntegrationTestSupport;

/** {@link ServiceLevels#resolve} over real rows, as another module calls it. */
class AgreementIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ServiceLevels serviceLevels;

	@Test
	void resolvesTheNearestCustomerAgreementWithItsTargetThroughTheFacade() {
		var fixtures = new AgreementFixtures(jdbc, api());
		String manager = fixtures.managerToken();
		long provider = fixtures.providerParty();
		long party = fixtures.customerParty();
		long bureau = fixtures.directory.orgUnit(party, null, "局本级");
		long department = fixtures.directory.orgUnit(party, bureau, "信息中心");
		long service = fixtures.service();
		var bureauWide = body(provider, bureau, List.of());
		var departmentWide = body(provider, department, List.of());
		departmentWide.put("validTo", null);
		api().post("/api/v1/sla/agreements", manager, bureauWide);
		long nearest = api().post("/api/v1/sla/agreements", manager, departmentWide).json().get("id").asLong();

		AppliedAgreement applied = serviceLevels.resolve(department, service, Priority.P1, LocalDate.of(2026, 6, 1))
			.orElseThrow();

		assertThat(applied.agreementId()).isEqualTo(nearest);
		assertThat(applied.level()).isEqualTo(AppliedAgreement.Level.CUSTOMER);
		assertThat(applied.calendarId()).isNull();
		assertThat(applied.target().response()).isEqualTo(Duration.ofMinutes(15));
		assertThat(applied.target().resolution()).isEqualTo(Duration.ofHours(4));
		assertThat(applied.target().resolutionBasis()).isEqualTo(TimeBasis.BUSINESS);
		assertThat(applied.target().warningThresholds()).containsExactly(50, 75, 90);
		assertThat(applied.target().escalations()).containsExactly(
				new EscalationStep(90, 1, EscalationStep.Kind.HIERARCHICAL, "GROUP_LEAD"),
				new EscalationStep(100, 1, EscalationStep.Kind.FUNCTIONAL, "二线网络组"));

		// the bureau's agreement ends with 2026; the department's is open-ended
		AppliedAgreement later = serviceLevels.resolve(bureau, service, Priority.P4, LocalDate.of(2027, 1, 1))
			.orElseThrow();
		assertThat(later.agreementId()).isNotEqualTo(nearest);
		assertThat(later.level()).isIn(AppliedAgreement.Level.SERVICE, AppliedAgreement.Level.DEFAULT);
	}
}
