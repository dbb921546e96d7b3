package org.yunwei.sla.internal.agreement;

import org.yunwei.web.FieldErrors;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each contradiction an agreement may contain, and the field the error names. */
class AgreementRulesTests {

	private static TargetTerms target(String p, long response, long resolution) {
		return new TargetTerms(p, response, "BUSINESS", resolution, "BUSINESS", null);
	}

	private static AgreementDraft sound() {
		return new AgreementDraft("SLA-1", "协议", 1L, 2L, false, null, LocalDate.of(2026, 1, 1), null, true, List.of(),
				List.of(target("P1", 15, 240), target("P2", 30, 480), target("P3", 60, 960), target("P4", 120, 2400)),
				List.of(new EscalationTerms("P1", 90, 1, "HIERARCHICAL", "GROUP_LEAD"),
						new EscalationTerms("P1", 100, 1, "FUNCTIONAL", "二线")),
				null);
	}

	private static AgreementDraft withTarget(int index, TargetTerms t) {
		AgreementDraft d = sound();
		List<TargetTerms> targets = new ArrayList<>(d.targets());
		targets.set(index, t);
		return withTargets(d, targets);
	}

	private static AgreementDraft withTargets(AgreementDraft d, List<TargetTerms> targets) {
		return new AgreementDraft(d.code(), d.name(), d.providerPartyId(), d.customerOrgUnitId(), d.defaultAgreement(),
				d.calendarId(), d.validFrom(), d.validTo(), d.enabled(), d.serviceIds(), targets, d.escalations(),
				d.version());
	}

	private static AgreementDraft withEscalation(EscalationTerms e) {
		AgreementDraft d = sound();
		return new AgreementDraft(d.code(), d.name(), d.providerPartyId(), d.customerOrgUnitId(), d.defaultAgreement(),
				d.calendarId(), d.validFrom(), d.validTo(), d.enabled(), d.serviceIds(), d.targets(), List.of(e), null);
	}

	private static Arguments row(String rule, AgreementDraft draft, String field, String key) {
		return Arguments.of(rule, draft, field, key);
	}

	static Stream<Arguments> contradictions() {
		UnaryOperator<AgreementDraft> same = d -> d;
		AgreementDraft d = sound();
		return Stream.of(
				row("a priority missing", withTargets(d, d.targets().subList(0, 3)), "targets.P4",
						"agreements.target.missing"),
				row("a priority twice", withTarget(3, target("P3", 60, 960)), "targets.P3",
						"agreements.target.duplicate"),
				row("zero response", withTarget(1, target("P2", 0, 480)), "targets.P2.response",
						"agreements.duration.positive"),
				row("negative resolution", withTarget(1, target("P2", 30, -5)), "targets.P2.resolution",
						"agreements.duration.positive"),
				row("response after resolution", withTarget(1, target("P2", 500, 480)), "targets.P2.resolution",
						"agreements.resolution.before-response"),
				row("P2 responds slower than P3", withTarget(1, target("P2", 90, 480)), "targets.P2.response",
						"agreements.response.slower-than-next"),
				row("P1 resolves slower than P2", withTarget(0, target("P1", 15, 600)), "targets.P1.resolution",
						"agreements.resolution.slower-than-next"),
				row("thresholds not increasing",
						withTarget(1, new TargetTerms("P2", 30L, "BUSINESS", 480L, "BUSINESS", List.of(75, 50))),
						"targets.P2.thresholds", "agreements.thresholds.invalid"),
				row("a threshold of 100",
						withTarget(1, new TargetTerms("P2", 30L, "BUSINESS", 480L, "BUSINESS", List.of(50, 100))),
						"targets.P2.thresholds", "agreements.thresholds.invalid"),
				row("an unknown basis", withTarget(1, new TargetTerms("P2", 30L, "WEEKLY", 480L, "BUSINESS", null)),
						"targets.P2.responseBasis", "agreements.basis.unknown"),
				row("escalation off the thresholds", withEscalation(new EscalationTerms("P1", 80, 1, "FUNCTIONAL", "二线")),
						"escalations[0].thresholdPercent", "agreements.escalation.threshold"),
				row("an unknown hierarchy level", withEscalation(new EscalationTerms("P1", 100, 1, "HIERARCHICAL", "CEO")),
						"escalations[0].target", "agreements.escalation.level"),
				row("ends before it starts", new AgreementDraft("SLA-1", "协议", 1L, 2L, false, null,
						LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 30), true, List.of(), d.targets(), List.of(), null),
						"validTo", "agreements.valid-to.before-from"),
				row("a default naming a customer", new AgreementDraft("SLA-1", "协议", 1L, 2L, true, null,
						LocalDate.of(2026, 1, 1), null, true, List.of(), d.targets(), List.of(), null),
						"defaultAgreement", "agreements.default.scoped"),
				row("neither default nor scoped", new AgreementDraft("SLA-1", "协议", 1L, null, false, null,
						LocalDate.of(2026, 1, 1), null, true, List.of(), d.targets(), List.of(), null),
						"customerOrgUnitId", "agreements.scope.none"),
				row("a bad code", same.apply(new AgreementDraft("不 行", "协议", 1L, 2L, false, null,
						LocalDate.of(2026, 1, 1), null, true, List.of(), d.targets(), List.of(), null)),
						"code", "agreements.code.invalid"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("contradictions")
	void rejectsContradictions(String rule, AgreementDraft draft, String field, String key) {
		FieldErrors errors = new FieldErrors();

		assertThat(AgreementRules.check(draft, errors)).isNull();
		assertThat(errors.asMap()).containsEntry(field, key);
	}

	@Test
	void acceptsASoundAgreementWithDefaultThresholds() {
		FieldErrors errors = new FieldErrors();

		AgreementTerms terms = AgreementRules.check(sound(), errors);

		assertThat(errors.asMap()).isEmpty();
		assertThat(terms.targets()).hasSize(4);
		assertThat(terms.targets().get(0).warningThresholds()).containsExactly(50, 75, 90);
		assertThat(terms.targets().get(0).escalations()).hasSize(2);
	}

	@Test
	void doesNotCompareDurationsOfDifferentBases() {
		// 50 calendar hours to respond (a weekend included), 40 working hours to resolve: a sound agreement
		FieldErrors errors = new FieldErrors();
		AgreementDraft draft = withTarget(3, new TargetTerms("P4", 3000L, "CALENDAR", 2400L, "BUSINESS", null));

		AgreementRules.check(draft, errors);

		assertThat(errors.asMap()).isEmpty();
	}
}
