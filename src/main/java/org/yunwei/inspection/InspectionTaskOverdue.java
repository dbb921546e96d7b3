package org.yunwei.inspection;

import java.time.Instant;

/**
 * An inspection task was not done by its due time, and its plan's owner has been told: once per task.
 *
 * @param taskId the task
 * @param planId the plan that generated it
 * @param assigneeId who should have done it
 * @param dueAt when it was due
 */
public record InspectionTaskOverdue(long taskId, long planId, long assigneeId, Instant dueAt) {
}
