package org.yunwei.sla.internal.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yunwei.sla.AppliedAgreement.Level;

/**
 * The precedence rule ({@link AgreementPrecedence}) as a table: a record under unit path 1 → 2 → 3 (3 is the
 * record's unit), service 7, on 2026-06-01.
 */
class SlaPolicyTests {

	private static final List<Long> PATH = List.of(1L, 2L, 3L);
	private static final LocalDate ON = LocalDate.of(2026, 6, 1);
	private static final LocalDate JAN = LocalDate.of(2026, 1, 1);

	private static AgreementCandidate sla(long id, Long customer, Set<Long> services) {
		return new AgreementCandidate(id, "S" + id, customer, false, services, JAN, null, true);
	}

	private static AgreementCandidate defaultSla(long id) {
		return new AgreementCandidate(id, "D" + id, null, true, Set.of(), JAN, null, true);
	}

	private static AgreementCandidate from(AgreementCandidate c, LocalDate validFrom) {
		return new AgreementCandidate(c.id(), c.code(), c.customerOrgUnitId(), c.isDefault(), c.serviceIds(),
				validFrom, c.validTo(), c.enabled());
	}

	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of("customer + service beats customer", List.of(sla(1, 2L, Set.of()), sla(2, 2L, Set.of(7L))),
						2L, Level.CUSTOMER_AND_SERVICE),
				Arguments.of("customer beats service", List.of(sla(1, null, Set.of(7L)), sla(2, 1L, Set.of())), 2L,
						Level.CUSTOMER),
				Arguments.of("service beats default", List.of(defaultSla(1), sla(2, null, Set.of(7L))), 2L,
						Level.SERVICE),
				Arguments.of("default when nothing else matches",
						List.of(defaultSla(1), sla(2, null, Set.of(8L)), sla(3, 99L, Set.of())), 1L, Level.DEFAULT),
				Arguments.of("customer + service of an ancestor beats the own unit's customer-wide SLA",
						List.of(sla(1, 3L, Set.of()), sla(2, 1L, Set.of(7L))), 2L, Level.CUSTOMER_AND_SERVICE),
				Arguments.of("within a level the deepest unit wins", List.of(sla(1, 1L, Set.of()), sla(2, 3L, Set.of()),
						sla(3, 2L, Set.of())), 2L, Level.CUSTOMER),
				Arguments.of("within a level and depth the latest valid_from wins",
						List.of(sla(1, 2L, Set.of()), from(sla(2, 2L, Set.of()), LocalDate.of(2026, 3, 1))), 2L,
						Level.CUSTOMER),
				Arguments.of("then the lowest id", List.of(sla(5, 2L, Set.of()), sla(4, 2L, Set.of())), 4L,
						Level.CUSTOMER),
				Arguments.of("ties among service SLAs: latest valid_from",
						List.of(sla(1, null, Set.of(7L)), from(sla(2, null, Set.of(7L)), LocalDate.of(2026, 2, 1))), 2L,
						Level.SERVICE),
				Arguments.of("a customer SLA listing other services does not apply",
						List.of(sla(1, 3L, Set.of(8L)), sla(2, null, Set.of(7L))), 2L, Level.SERVICE),
				Arguments.of("a unit outside the path does not apply", List.of(sla(1, 4L, Set.of()), defaultSla(2)), 2L,
						Level.DEFAULT),
				Arguments.of("a disabled SLA does not apply",
						List.of(new AgreementCandidate(1, "X", 3L, false, Set.of(), JAN, null, false), defaultSla(2)),
						2L, Level.DEFAULT),
				Arguments.of("an SLA not yet valid does not apply",
						List.of(from(sla(1, 3L, Set.of()), LocalDate.of(2026, 6, 2)), defaultSla(2)), 2L, Level.DEFAULT),
				Arguments.of("an SLA that ended does not apply",
						List.of(new AgreementCandidate(1, "X", 3L, false, Set.of(), JAN, LocalDate.of(2026, 5, 31), true),
								defaultSla(2)), 2L, Level.DEFAULT),
				Arguments.of("valid on its first and last day",
						List.of(new AgreementCandidate(1, "X", 3L, false, Set.of(), ON, ON, true), defaultSla(2)), 1L,
						Level.CUSTOMER));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void choosesTheMostSpecificAgreement(String rule, List<AgreementCandidate> candidates, long expectedId,
			Level expectedLevel) {
		var match = AgreementPrecedence.choose(candidates, PATH, 7L, ON).orElseThrow();

		assertThat(match.agreement().id()).isEqualTo(expectedId);
		assertThat(match.level()).isEqualTo(expectedLevel);
	}

	@Test
	void theOrderOfCandidatesDoesNotMatter() {
		var candidates = new java.util.ArrayList<>(List.of(sla(5, 2L, Set.of()), sla(4, 2L, Set.of()),
				sla(6, 1L, Set.of()), defaultSla(1), sla(3, null, Set.of(7L))));
		for (int i = 0; i < 10; i++) {
			java.util.Collections.shuffle(candidates, new java.util.Random(i));
			assertThat(AgreementPrecedence.choose(candidates, PATH, 7L, ON).orElseThrow().agreement().id()).isEqualTo(4);
		}
	}

	@Test
	void withoutAServiceOnlyCustomerWideAndDefaultAgreementsApply() {
		var candidates = List.of(sla(1, 3L, Set.of(7L)), sla(2, null, Set.of(7L)), sla(3, 1L, Set.of()));

		assertThat(AgreementPrecedence.choose(candidates, PATH, null, ON).orElseThrow().agreement().id())
			.isEqualTo(3);
	}

	@Test
	void anUnknownUnitMatchesOnlyServiceAndDefaultAgreements() {
		var candidates = List.of(sla(1, 3L, Set.of()), sla(2, null, Set.of(7L)));

		assertThat(AgreementPrecedence.choose(candidates, List.of(), 7L, ON).orElseThrow().agreement().id())
			.isEqualTo(2);
	}

	@Test
	void nothingAppliesWithoutAMatchOrADefault() {
		Optional<AgreementPrecedence.Match> none = AgreementPrecedence.choose(
				List.of(sla(1, 4L, Set.of()), sla(2, null, Set.of(8L)), sla(3, null, Set.of())), PATH, 7L, ON);

		assertThat(none).isEmpty();
	}
}
