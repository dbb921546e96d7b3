package org.yunwei.emergency.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The times of emergency response. Instants are kept to the microsecond, as PostgreSQL keeps them, so that what was
 * recorded reads back equal; pages show them to the second in Asia/Shanghai.
 */
final class EmergencyClock {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private EmergencyClock() {
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}
}
