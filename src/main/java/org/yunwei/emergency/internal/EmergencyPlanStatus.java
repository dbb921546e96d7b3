package org.yunwei.emergency.internal;

public enum EmergencyPlanStatus {
	DRAFT, IN_REVIEW, APPROVED, RETIRED
}
