package org.yunwei.database.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code db} component of {@code /actuator/health}, from what {@link DatabaseWatch} last found rather than from a
 * query through the pool: Spring Boot's own indicator waited for the pool's connection timeout (10 s) to say DOWN.
 */
final class DatabaseHealth implements HealthIndicator {

	private final DatabaseAvailability availability;

	DatabaseHealth(DatabaseAvailability availability) {
		this.availability = availability;
	}

	@Override
	public Health health() {
		return switch (availability.state()) {
			case AVAILABLE -> Health.up().build();
			case UNAVAILABLE -> Health.down().withDetail("recovering", true).build();
			case DOWN -> Health.down().withDetail("recovering", false).build();
		};
	}
}
