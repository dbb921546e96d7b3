package org.yunwei.inspection.internal;

/** How often a plan's targets are inspected; CRON on the days a five-field cron expression fires. */
public enum Frequency {
	DAILY, WEEKLY, MONTHLY, CRON
}
