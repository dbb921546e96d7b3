package org.yunwei.problem;

import java.time.Instant;

/**
 * A resolved problem was closed. The knowledge article proposed from it is asked for right after, in a transaction
 * of its own, so that a refused proposal does not keep the problem open; {@link Problems#find} tells its id.
 *
 * @param problemId the problem
 * @param number its business number
 * @param at when it was closed
 */
public record ProblemClosed(long problemId, String number, Instant at) {
}
