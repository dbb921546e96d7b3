package org.yunwei.emergency.internal;

public enum DrillStatus {
	PLANNED, RUNNING, FINISHED
}
