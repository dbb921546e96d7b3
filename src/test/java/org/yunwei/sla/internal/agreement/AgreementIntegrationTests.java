package org.yunwei.sla.internal.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunwei.sla.internal.agreement.AgreementFixtures.body;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
	@Autowired
	PlatformTransactionManager transactions;

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
				new EscalationStep(100, 1, EscalationStep.Kind.FUNCTIONAL, EscalationStep.SECOND_LINE));

		// the bureau's agreement ends with 2026; the department's is open-ended
		AppliedAgreement later = serviceLevels.resolve(bureau, service, Priority.P4, LocalDate.of(2027, 1, 1))
			.orElseThrow();
		assertThat(later.agreementId()).isNotEqualTo(nearest);
		assertThat(later.level()).isIn(AppliedAgreement.Level.SERVICE, AppliedAgreement.Level.DEFAULT);
	}

	@Test
	void aChangeToTheAgreementsIsSeenByTheNextResolutionWhoeverMadeIt() {
		var fixtures = new AgreementFixtures(jdbc, api());
		long party = fixtures.customerParty();
		long unit = fixtures.directory.orgUnit(party, null, "财政局");
		long service = fixtures.service();
		var wide = body(fixtures.providerParty(), unit, List.of());
		wide.put("validTo", null);
		long agreement = api().post("/api/v1/sla/agreements", fixtures.managerToken(), wide).json().get("id").asLong();
		assertThat(responseOf(unit, service)).isEqualTo(Duration.ofMinutes(15));

		// written by another node, or by hand: the trigger raises the register's version all the same
		jdbc.sql("update sla_target set response_seconds = 1800 where agreement_id = ? and priority = 'P1'")
			.param(agreement)
			.update();
		assertThat(responseOf(unit, service)).isEqualTo(Duration.ofMinutes(30));

		jdbc.sql("update service_level_agreement set enabled = false where id = ?").param(agreement).update();
		assertThat(serviceLevels.resolve(unit, service, Priority.P1, LocalDate.of(2026, 6, 1))
			.map(AppliedAgreement::agreementId)).isNotEqualTo(java.util.Optional.of(agreement));
	}

	@Test
	void whatAChangeThatRolledBackShowedIsNotKept() {
		var fixtures = new AgreementFixtures(jdbc, api());
		long party = fixtures.customerParty();
		long unit = fixtures.directory.orgUnit(party, null, "审计局");
		long service = fixtures.service();
		var wide = body(fixtures.providerParty(), unit, List.of());
		wide.put("validTo", null);
		long agreement = api().post("/api/v1/sla/agreements", fixtures.managerToken(), wide).json().get("id").asLong();
		assertThat(responseOf(unit, service)).isEqualTo(Duration.ofMinutes(15));

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("update sla_target set response_seconds = 3600 where agreement_id = ? and priority = 'P1'")
				.param(agreement)
				.update();
			assertThat(responseOf(unit, service)).isEqualTo(Duration.ofHours(1));
			status.setRollbackOnly();
		});
		assertThat(responseOf(unit, service)).isEqualTo(Duration.ofMinutes(15));
		// a later change takes another version than the one rolled back
		jdbc.sql("update sla_target set resolution_seconds = resolution_seconds where agreement_id = ?")
			.param(agreement)
			.update();
		assertThat(responseOf(unit, service)).isEqualTo(Duration.ofMinutes(15));
	}

	private Duration responseOf(long unit, long service) {
		return serviceLevels.resolve(unit, service, Priority.P1, LocalDate.of(2026, 6, 1)).orElseThrow().target()
			.response();
	}
}
