package org.yunwei.change;

import java.time.Instant;
import java.util.List;

/**
 * A change request was approved (or, a standard change, accepted from its pre-approved template) and may be
 * implemented in its planned window.
 *
 * @param ciIds the affected configuration items
 */
public record ChangeApproved(long changeId, String number, List<Long> ciIds, Instant plannedStart, Instant plannedEnd,
		Instant at) {
}
