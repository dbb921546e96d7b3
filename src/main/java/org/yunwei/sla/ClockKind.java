package org.yunwei.sla;

import java.time.Duration;

/**
 * Which promise of a {@link ServiceLevelTarget} a clock measures. An object may have one clock of each kind.
 */
public enum ClockKind {

	/** Time to respond (响应时间). */
	RESPONSE,

	/** Time to resolve (解决时间). */
	RESOLUTION;

	/** This kind's target amount in {@code target}. */
	public Duration amountIn(ServiceLevelTarget target) {
		return this == RESPONSE ? target.response() : target.resolution();
	}

	/** This kind's time basis in {@code target}. */
	public TimeBasis basisIn(ServiceLevelTarget target) {
		return this == RESPONSE ? target.responseBasis() : target.resolutionBasis();
	}
}
