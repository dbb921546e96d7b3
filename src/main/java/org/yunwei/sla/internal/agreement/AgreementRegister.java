package org.yunwei.sla.internal.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.sla.AppliedAgreement;
import org.yunwei.sla.Priority;

/**
 * The enabled agreements, kept in memory, so that resolving the agreement of a new record is a look-up: the database
 * planned and ran a query over the agreements and their services (each time afresh, its plan depending on the day and
 * the units), and another for the chosen one's terms, for every ticket opened. Each resolution first reads the
 * register's version (one row, raised by a trigger on every change to the agreements' tables, from any node or tool)
 * and reloads the copy when it differs: a change is seen by the next transaction that resolves, as before.
 */
@Component
class AgreementRegister {

	private final Agreements agreements;
	private volatile Copy copy;

	AgreementRegister(Agreements agreements) {
		this.agreements = agreements;
	}

	/** {@link org.yunwei.sla.ServiceLevels#resolve}, for a record under units whose ancestors the caller knows. */
	Optional<AppliedAgreement> resolve(List<Long> unitAncestorIds, Long serviceId, Priority priority, LocalDate on) {
		Copy current = current();
		return AgreementPrecedence.choose(current.candidatesUnder(unitAncestorIds), unitAncestorIds, serviceId, on)
			.flatMap(match -> current.byId().get(match.agreement().id()).applied(priority, match.level()));
	}

	private Copy current() {
		long version = agreements.registerVersion();
		Copy known = copy;
		if (known == null || known.version() != version) {
			// two transactions may reload at once; either copy is right for the version it is kept with
			known = Copy.of(version, agreements.enabled());
			copy = known;
		}
		return known;
	}

	/**
	 * The agreements of one version, by id, and as candidates by customer unit: those naming no customer apply
	 * under any unit.
	 */
	private record Copy(long version, Map<Long, RegisteredAgreement> byId, List<AgreementCandidate> anyCustomer,
			Map<Long, List<AgreementCandidate>> byCustomer) {

		static Copy of(long version, List<RegisteredAgreement> enabled) {
			Map<Long, RegisteredAgreement> byId = new HashMap<>();
			List<AgreementCandidate> anyCustomer = new ArrayList<>();
			Map<Long, List<AgreementCandidate>> byCustomer = new HashMap<>();
			for (RegisteredAgreement agreement : enabled) {
				AgreementCandidate candidate = agreement.candidate();
				byId.put(candidate.id(), agreement);
				if (candidate.customerOrgUnitId() == null) {
					anyCustomer.add(candidate);
				}
				else {
					byCustomer.computeIfAbsent(candidate.customerOrgUnitId(), unit -> new ArrayList<>()).add(candidate);
				}
			}
			return new Copy(version, Map.copyOf(byId), List.copyOf(anyCustomer), Map.copyOf(byCustomer));
		}

		List<AgreementCandidate> candidatesUnder(List<Long> unitAncestorIds) {
			List<AgreementCandidate> candidates = new ArrayList<>(anyCustomer);
			unitAncestorIds.forEach(unit -> candidates.addAll(byCustomer.getOrDefault(unit, List.of())));
			return candidates;
		}
	}
}
