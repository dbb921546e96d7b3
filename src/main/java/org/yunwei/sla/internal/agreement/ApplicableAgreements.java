package org.yunwei.sla.internal.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.sla.AppliedAgreement;
import org.yunwei.sla.Priority;

/**
 * Answers {@link org.yunwei.sla.ServiceLevels#resolve}: the {@link AgreementRegister} finds the agreements that could
 * apply to a record's unit and lets {@link AgreementPrecedence} choose. Public only so that the module's facade can
 * call it.
 */
@Service
public class ApplicableAgreements {

	private final Agreements agreements;
	private final AgreementRegister register;
	private final Organisations organisations;

	ApplicableAgreements(Agreements agreements, AgreementRegister register, Organisations organisations) {
		this.agreements = agreements;
		this.register = register;
		this.organisations = organisations;
	}

	@Transactional(readOnly = true)
	public Optional<AppliedAgreement> resolve(long customerOrgUnitId, Long serviceId, Priority priority,
			LocalDate on) {
		List<Long> ancestors = organisations.find(customerOrgUnitId).map(OrganisationUnit::ancestorIds)
			.orElse(List.of());
		return resolve(ancestors, serviceId, priority, on);
	}

	/** {@link #resolve(long, Long, Priority, LocalDate)} for a unit whose ancestors the caller has read already. */
	@Transactional(readOnly = true)
	public Optional<AppliedAgreement> resolve(List<Long> unitAncestorIds, Long serviceId, Priority priority,
			LocalDate on) {
		return register.resolve(unitAncestorIds, serviceId, priority, on);
	}

	@Transactional(readOnly = true)
	public Optional<org.yunwei.sla.ServiceLevelTarget> target(long agreementId, Priority priority) {
		return agreements.target(agreementId, priority);
	}
}
