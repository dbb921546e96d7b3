package org.yunwei.problem;

import java.time.Instant;

/**
 * A problem was recorded as a known error (已知错误) with a workaround, or its workaround changed.
 *
 * @param problemId the problem
 * @param number its business number
 * @param at when it was recorded
 */
public record KnownErrorRecorded(long problemId, String number, Instant at) {
}
