package org.yunwei.sla.internal.agreement;

import io.swagger.v3.oas.annotations.media.Schema;

/** One escalation step (升级), as submitted and as shown. */
@Schema(name = "SlaEscalation")
record EscalationTerms(
		@Schema(example = "P1", allowableValues = { "P1", "P2", "P3", "P4" },
				requiredMode = Schema.RequiredMode.REQUIRED) String priority,
		@Schema(example = "90", description = "one of the priority's thresholds, or 100 for the breach",
				requiredMode = Schema.RequiredMode.REQUIRED) Integer thresholdPercent,
		@Schema(example = "1", description = "order among the steps at this threshold, from 1",
				requiredMode = Schema.RequiredMode.REQUIRED) Integer order,
		@Schema(example = "HIERARCHICAL", allowableValues = { "FUNCTIONAL", "HIERARCHICAL" },
				description = "FUNCTIONAL (职能升级): hand to an assignment group; HIERARCHICAL (层级升级): notify a level",
				requiredMode = Schema.RequiredMode.REQUIRED) String kind,
		@Schema(example = "PROVIDER_MANAGER", description = "FUNCTIONAL: the code of an enabled assignment group of "
				+ "the provider or of management, or SECOND_LINE (the current group's escalation group); HIERARCHICAL: "
				+ "GROUP_LEAD, PROVIDER_MANAGER or MANAGEMENT", requiredMode = Schema.RequiredMode.REQUIRED) String target) {
}
