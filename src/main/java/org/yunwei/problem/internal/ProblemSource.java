package org.yunwei.problem.internal;

/** Where a problem came from (问题来源, a field of the 问题收集表). */
public enum ProblemSource {
	/** Recurring or major incidents. */
	INCIDENT,
	/** Trend analysis of past incidents (主动问题管理). */
	TREND,
	MONITORING,
	INSPECTION,
	/** A customer's feedback or complaint. */
	CUSTOMER,
	/** A supplier's or vendor's notice. */
	SUPPLIER,
	OTHER
}
