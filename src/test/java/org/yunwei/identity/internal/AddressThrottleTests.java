package org.yunwei.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class AddressThrottleTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
	private final AddressThrottle throttle = new AddressThrottle(
			new SecurityProperties(true, Duration.ofDays(90), 5, Duration.ofMinutes(15), 3, Duration.ofMinutes(10)),
			clock);

	@Test
	void pausesAnAddressAfterFailuresAcrossAccountsWithinTheWindow() {
		throttle.recordFailure("10.0.0.7");
		throttle.recordFailure("10.0.0.7");
		assertThat(throttle.isPaused("10.0.0.7")).isFalse();
		throttle.recordFailure("10.0.0.7");
		assertThat(throttle.isPaused("10.0.0.7")).isTrue();
		assertThat(throttle.isPaused("10.0.0.8")).isFalse();
	}

	@Test
	void forgetsFailuresOlderThanTheWindow() {
		throttle.recordFailure("10.0.0.9");
		throttle.recordFailure("10.0.0.9");
		throttle.recordFailure("10.0.0.9");
		clock.advance(Duration.ofMinutes(11));
		assertThat(throttle.isPaused("10.0.0.9")).isFalse();
	}

	static final class MutableClock extends Clock {
		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
