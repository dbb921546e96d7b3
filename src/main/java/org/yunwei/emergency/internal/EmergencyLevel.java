package org.yunwei.emergency.internal;

/**
 * The levels of an emergency event, most severe first: 特别重大 (I), 重大 (II), 较大 (III), 一般 (IV).
 */
public enum EmergencyLevel {
	EXTRAORDINARY, MAJOR, SERIOUS, GENERAL;

	/** Whether this level is more severe than the other. */
	public boolean above(EmergencyLevel other) {
		return ordinal() < other.ordinal();
	}
}
