package org.yunwei.sla;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.sla.internal.agreement.ApplicableAgreements;

/**
 * Which service level agreement (服务级别协议) applies to a record, and what it promises: for tickets, problems and
 * reports that need a due time.
 * <p>
 * <b>The rule.</b> Among the agreements that are enabled and valid on the given date ({@code valid_from ≤ on ≤
 * valid_to}, an open end counting as valid), the most specific one wins:
 * <ol>
 * <li>customer and service: the agreement's customer unit is the record's unit or a unit above it, and the agreement
 * lists the record's service;</li>
 * <li>customer: the agreement's customer unit is the record's unit or a unit above it, and it lists no services (so
 * covers them all);</li>
 * <li>service: the agreement names no customer and lists the record's service;</li>
 * <li>the default agreement (at most one exists).</li>
 * </ol>
 * Within levels 1 and 2 the agreement of the deepest customer unit wins (the nearest ancestor of the record's unit:
 * a department's own SLA before its bureau's). Remaining ties go to the agreement with the latest {@code valid_from}
 * (the newest contract), then to the lowest id (the one created first), so that the answer never depends on row
 * order. The rule lives in {@code AgreementPrecedence}; {@code docs/sla-resolution.md} shows it with examples.
 */
@Service
public class ServiceLevels {

	private final ApplicableAgreements agreements;

	ServiceLevels(ApplicableAgreements agreements) {
		this.agreements = agreements;
	}

	/**
	 * The agreement that applies to a record, with its target for the record's priority.
	 *
	 * @param customerOrgUnitId the organisation unit the record belongs to; a unit that does not exist matches no
	 *        customer-specific agreement, only service and default ones
	 * @param serviceId the catalogue service of the record, {@code null} when it has none (then only customer-wide
	 *        and default agreements can apply)
	 * @return empty when no agreement applies (no default exists and nothing more specific matches)
	 */
	public Optional<AppliedAgreement> resolve(long customerOrgUnitId, Long serviceId, Priority priority, LocalDate on) {
		return agreements.resolve(customerOrgUnitId, serviceId, priority, on);
	}

	/**
	 * {@link #resolve(long, Long, Priority, LocalDate)} for a unit the caller has read already, which saves reading
	 * it again.
	 */
	public Optional<AppliedAgreement> resolve(OrganisationUnit customerUnit, Long serviceId, Priority priority,
			LocalDate on) {
		return agreements.resolve(customerUnit.ancestorIds(), serviceId, priority, on);
	}

	/**
	 * What an agreement promises for a priority now, e.g. the escalation chain to follow when one of its clocks
	 * raises a threshold; empty when the agreement or its target no longer exists.
	 */
	public Optional<ServiceLevelTarget> target(long agreementId, Priority priority) {
		return agreements.target(agreementId, priority);
	}
}
