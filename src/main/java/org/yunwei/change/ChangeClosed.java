package org.yunwei.change;

import java.time.Instant;

/** A change's post-implementation review was recorded, which closes it. */
public record ChangeClosed(long changeId, String number, String outcome, Instant at) {
}
