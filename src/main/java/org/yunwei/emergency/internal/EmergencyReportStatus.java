package org.yunwei.emergency.internal;

/**
 * Where a report stands: not drafted yet (printed from the record as it is now), a draft its writers edit, in review
 * at the hash submitted, or issued (approved and frozen).
 */
enum EmergencyReportStatus {
	NOT_DRAFTED, DRAFT, IN_REVIEW, ISSUED
}
