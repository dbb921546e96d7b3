package org.yunwei.inspection;

import java.time.Instant;

/**
 * An inspection task's signed results were submitted.
 *
 * @param ciId the configuration item inspected; {@code null} for a place
 * @param anomalies how many items failed or read outside their thresholds
 */
public record InspectionTaskSubmitted(long taskId, long planId, Long ciId, int anomalies, Instant submittedAt) {
}
