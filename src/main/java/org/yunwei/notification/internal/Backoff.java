package org.yunwei.notification.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try a failed delivery again: after {@code first}, then twice as long after each further failure, never
 * longer than {@code atMost}; after {@code maxAttempts} tries, not at all.
 */
record Backoff(Duration first, Duration atMost, int maxAttempts) {

	/** The wait after the given number of tries has failed; empty when that was the last try. */
	Optional<Duration> after(int attempts) {
		if (attempts >= maxAttempts) {
			return Optional.empty();
		}
		int doublings = Math.clamp(attempts - 1, 0, 30);
		Duration wait = first.multipliedBy(1L << doublings);
		return Optional.of(wait.compareTo(atMost) > 0 ? atMost : wait);
	}
}
