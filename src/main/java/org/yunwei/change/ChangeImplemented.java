package org.yunwei.change;

import java.time.Instant;
import java.util.List;

/**
 * A change was implemented: its outcome is recorded.
 *
 * @param outcome {@code SUCCESSFUL}, {@code ROLLED_BACK} (failed, undone by the rollback plan) or {@code REMEDIED}
 *        (failed, put right by a remedy)
 * @param ciIds the affected configuration items, e.g. for their history
 */
public record ChangeImplemented(long changeId, String number, List<Long> ciIds, String outcome, Instant actualStart,
		Instant actualEnd) {
}
