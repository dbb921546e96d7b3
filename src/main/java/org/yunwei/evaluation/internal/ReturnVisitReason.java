package org.yunwei.evaluation.internal;

/** Why a resolved ticket is on the return-visit worklist. */
public enum ReturnVisitReason {
	/** Drawn in the sample ({@link ReturnVisitSample}). */
	SAMPLE,
	/** Rated at or below the low-rating threshold. */
	LOW_RATING,
	/** A major incident: always visited. */
	MAJOR
}
