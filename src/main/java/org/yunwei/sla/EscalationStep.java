package org.yunwei.sla;

import java.util.List;

/**
 * What happens when a clock reaches a threshold of its target: one step of the escalation chain (升级).
 *
 * @param thresholdPercent one of the target's warning thresholds, or 100 for the breach
 * @param order the place of this step among the steps at the same threshold, from 1
 * @param target for {@link Kind#FUNCTIONAL} the code of the assignment group to hand the record to, or {@link
 *        #SECOND_LINE} ({@link EscalationTargets} checks it when the agreement is saved); for {@link Kind#HIERARCHICAL}
 *        one of {@link #LEVELS}
 */
public record EscalationStep(int thresholdPercent, int order, Kind kind, String target) {

	/**
	 * A functional step's target: the second line (升级处理组) of the record's current assignment group, so that one
	 * agreement serves tickets of several first lines.
	 */
	public static final String SECOND_LINE = "SECOND_LINE";

	/** A hierarchical step's target: the lead of the record's assignment group. */
	public static final String GROUP_LEAD = "GROUP_LEAD";

	/** A hierarchical step's target: the administrators of the provider that works the record. */
	public static final String PROVIDER_MANAGER = "PROVIDER_MANAGER";

	/** A hierarchical step's target: the administrators of the management party (管理方). */
	public static final String MANAGEMENT = "MANAGEMENT";

	/** The levels a hierarchical escalation may notify, from the nearest up. */
	public static final List<String> LEVELS = List.of(GROUP_LEAD, PROVIDER_MANAGER, MANAGEMENT);

	public enum Kind {
		/** 职能升级: the record goes to another assignment group with the skills it needs. */
		FUNCTIONAL,
		/** 层级升级: someone higher up is told, the record stays where it is. */
		HIERARCHICAL
	}
}
