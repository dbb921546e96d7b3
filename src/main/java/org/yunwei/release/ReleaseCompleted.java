package org.yunwei.release;

import java.time.Instant;
import java.util.List;

/**
 * A release was completed (发布完成): its completion record is written and the CMDB was told the version each
 * application system in scope now runs.
 *
 * @param ciIds the configuration items in the release's scope
 * @param changeIds the changes it delivered
 * @param releaseVersion the version deployed, e.g. {@code V2.4.0}
 */
public record ReleaseCompleted(long releaseId, String number, List<Long> ciIds, List<Long> changeIds,
		String releaseVersion, Instant at) {
}
