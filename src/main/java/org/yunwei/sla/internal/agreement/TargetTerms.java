package org.yunwei.sla.internal.agreement;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The target of one priority, as submitted and as shown. Durations are whole minutes. */
@Schema(name = "SlaTarget")
record TargetTerms(
		@Schema(example = "P1", allowableValues = { "P1", "P2", "P3", "P4" },
				requiredMode = Schema.RequiredMode.REQUIRED) String priority,
		@Schema(example = "15", description = "响应时间 in minutes, > 0, not more than the resolution time",
				requiredMode = Schema.RequiredMode.REQUIRED) Long responseMinutes,
		@Schema(example = "CALENDAR", allowableValues = { "BUSINESS", "CALENDAR" },
				requiredMode = Schema.RequiredMode.REQUIRED) String responseBasis,
		@Schema(example = "240", description = "解决时间 in minutes, > 0",
				requiredMode = Schema.RequiredMode.REQUIRED) Long resolutionMinutes,
		@Schema(example = "BUSINESS", allowableValues = { "BUSINESS", "CALENDAR" },
				requiredMode = Schema.RequiredMode.REQUIRED) String resolutionBasis,
		@Schema(example = "[50, 75, 90]", description = "预警阈值: percentages, strictly increasing, each in (0, 100); "
				+ "omitted means 50, 75, 90") List<Integer> thresholds) {
}
