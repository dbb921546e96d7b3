package org.yunwei.sla.internal.agreement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.yunwei.sla.AppliedAgreement.Level;

/**
 * The most specific agreement wins: customer and service, then customer, then service, then the default; within a
 * level the deepest customer unit, then the latest {@code valid_from}, then the lowest id. The rule is stated once,
 * in {@link org.yunwei.sla.ServiceLevels#resolve}; this is its only implementation, a pure function over candidates.
 */
final class AgreementPrecedence {

	private static final Comparator<Match> MOST_SPECIFIC_FIRST = Comparator.comparing(Match::level)
		.thenComparing(Comparator.comparingInt(Match::customerDepth).reversed())
		.thenComparing(m -> m.agreement().validFrom(), Comparator.reverseOrder())
		.thenComparingLong(m -> m.agreement().id());

	private AgreementPrecedence() {
	}

	/**
	 * The agreement that applies to a record.
	 *
	 * @param unitAncestorIds the record's unit and the units above it, from the root down (empty for an unknown unit)
	 * @param serviceId {@code null} when the record names no service
	 */
	static Optional<Match> choose(Collection<AgreementCandidate> candidates, List<Long> unitAncestorIds,
			Long serviceId, LocalDate on) {
		return candidates.stream()
			.filter(c -> c.validOn(on))
			.map(c -> match(c, unitAncestorIds, serviceId))
			.flatMap(Optional::stream)
			.min(MOST_SPECIFIC_FIRST);
	}

	private static Optional<Match> match(AgreementCandidate c, List<Long> unitAncestorIds, Long serviceId) {
		boolean listsService = serviceId != null && c.serviceIds().contains(serviceId);
		if (c.isDefault()) {
			return Optional.of(new Match(c, Level.DEFAULT, -1));
		}
		if (c.customerOrgUnitId() == null) {
			// an agreement with neither customer nor services is refused when saved; were one stored, it binds nothing
			return listsService ? Optional.of(new Match(c, Level.SERVICE, -1)) : Optional.empty();
		}
		int depth = unitAncestorIds.indexOf(c.customerOrgUnitId());
		if (depth < 0) {
			return Optional.empty();
		}
		if (c.serviceIds().isEmpty()) {
			return Optional.of(new Match(c, Level.CUSTOMER, depth));
		}
		return listsService ? Optional.of(new Match(c, Level.CUSTOMER_AND_SERVICE, depth)) : Optional.empty();
	}

	/**
	 * @param customerDepth the place of the agreement's customer unit in the record's path from the root, -1 when
	 *        the agreement names no customer
	 */
	record Match(AgreementCandidate agreement, Level level, int customerDepth) {
	}
}
