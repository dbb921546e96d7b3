package org.yunwei.evaluation.internal;

/** What a return-visit call found (回访结果). */
public enum ReturnVisitResult {
	/** 满意. */
	SATISFIED,
	/** 基本满意. */
	BASICALLY_SATISFIED,
	/** 不满意: opens a follow-up. */
	DISSATISFIED,
	/** 无法联系: the ticket stays on the worklist to be called again. */
	UNREACHABLE
}
