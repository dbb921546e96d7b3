package org.yunwei.release;

import java.time.Instant;
import java.util.List;

/**
 * A release was approved for the content it was submitted with (发布审批流程).
 *
 * @param changeIds the changes it delivers
 */
public record ReleaseApproved(long releaseId, String number, List<Long> changeIds, Instant plannedAt, Instant at) {
}
