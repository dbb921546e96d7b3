package org.yunwei.inspection.internal;

/** How often a plan's targets are inspected. */
public enum Frequency {
	DAILY, WEEKLY, MONTHLY
}
