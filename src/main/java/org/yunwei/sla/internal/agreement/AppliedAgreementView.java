package org.yunwei.sla.internal.agreement;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import org.yunwei.sla.AppliedAgreement;

/** The agreement that applies to a record and its target, durations in minutes. */
@Schema(name = "SlaResolution")
record AppliedAgreementView(
		long agreementId, String code, String name,
		@Schema(example = "CUSTOMER_AND_SERVICE",
				allowableValues = { "CUSTOMER_AND_SERVICE", "CUSTOMER", "SERVICE", "DEFAULT" }) String level,
		@Schema(description = "null: the default calendar") Long calendarId,
		TargetTerms target, List<EscalationTerms> escalations) {

	static AppliedAgreementView of(AppliedAgreement applied) {
		var t = applied.target();
		return new AppliedAgreementView(applied.agreementId(), applied.code(), applied.name(), applied.level().name(),
				applied.calendarId(),
				new TargetTerms(t.priority().name(), t.response().toMinutes(), t.responseBasis().name(),
						t.resolution().toMinutes(), t.resolutionBasis().name(), t.warningThresholds()),
				t.escalations().stream()
					.map(s -> new EscalationTerms(t.priority().name(), s.thresholdPercent(), s.order(),
							s.kind().name(), s.target()))
					.toList());
	}
}
