package org.yunwei.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per client address across any accounts, against password spraying that stays under each
 * account's lockout threshold: past the threshold the address is paused. A pause does not refuse everyone behind
 * the address: {@link SignIn} still lets through the people who have signed in successfully from it before, so that
 * one machine's failures do not shut out a whole office behind one NAT. Counted per node, in memory: a restart
 * forgets, which only lets an attacker start counting again.
 */
@Component
class AddressThrottle {

	private static final int MAX_TRACKED_ADDRESSES = 100_000;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
	private final SecurityProperties properties;
	private final Clock clock;

	@org.springframework.beans.factory.annotation.Autowired
	AddressThrottle(SecurityProperties properties) {
		this(properties, Clock.systemUTC());
	}

	AddressThrottle(SecurityProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	boolean isPaused(String address) {
		Deque<Instant> recent = failures.get(key(address));
		if (recent == null) {
			return false;
		}
		synchronized (recent) {
			forgetOld(recent);
			return recent.size() >= properties.addressThrottleFailures();
		}
	}

	void recordFailure(String address) {
		if (failures.size() > MAX_TRACKED_ADDRESSES) {
			failures.values().removeIf(d -> {
				synchronized (d) {
					forgetOld(d);
					return d.isEmpty();
				}
			});
		}
		Deque<Instant> recent = failures.computeIfAbsent(key(address), a -> new ArrayDeque<>());
		synchronized (recent) {
			forgetOld(recent);
			recent.addLast(clock.instant());
		}
	}

	private void forgetOld(Deque<Instant> recent) {
		Instant horizon = clock.instant().minus(properties.addressThrottleWindow());
		while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
			recent.removeFirst();
		}
	}

	static String key(String address) {
		return address == null ? "unknown" : address;
	}
}
