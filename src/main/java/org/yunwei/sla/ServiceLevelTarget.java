package org.yunwei.sla;

import java.time.Duration;
import java.util.List;

/**
 * What an SLA promises for one priority: the time to respond (响应时间) and the time to resolve (解决时间), each
 * measured in business or calendar time, the warning thresholds (预警阈值, percentages of the target, increasing)
 * and the escalation steps at those thresholds or at the breach (100 %).
 */
public record ServiceLevelTarget(Priority priority, Duration response, TimeBasis responseBasis, Duration resolution,
		TimeBasis resolutionBasis, List<Integer> warningThresholds, List<EscalationStep> escalations) {

	/** The warning thresholds an SLA gets when it names none. */
	public static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 75, 90);

	public ServiceLevelTarget {
		warningThresholds = List.copyOf(warningThresholds);
		escalations = List.copyOf(escalations);
	}
}
