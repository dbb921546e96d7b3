package org.yunwei.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionOperations;
import org.yunwei.database.DatabaseRecovered;

/**
 * The watch on a real embedded server and pool, without an application: a crash is restarted and reported, and a
 * crash beyond {@code max-restarts} within the window ends in DOWN (readiness and liveness broken) with no restart.
 */
class DatabaseWatchTests {

	@TempDir
	Path data;

	@Test
	void restartsACrashAndEndsInDownWhenCrashesRepeat() throws Exception {
		List<Object> published = new CopyOnWriteArrayList<>();
		ApplicationEventPublisher events = published::add;
		var recovery = new DatabaseProperties.Recovery(Duration.ofMillis(500), 1, Duration.ofMinutes(10));
		try (var server = EmbeddedPostgresServer.start(data, 0); var pool = pool(server)) {
			var availability = new DatabaseAvailability(events, TransactionOperations.withoutTransaction(), true,
					Clock.systemUTC());
			var watch = new DatabaseWatch(availability, server, pool, recovery, Clock.systemUTC());
			watch.start();
			try {
				long first = server.postmasterPid();
				ProcessHandle.of(first).orElseThrow().destroyForcibly();
				Awaitility.await("the restart").atMost(Duration.ofSeconds(60))
					.until(() -> published.stream().anyMatch(DatabaseRecovered.class::isInstance));
				assertThat(availability.state()).isEqualTo(DatabaseAvailability.State.AVAILABLE);
				assertThat(server.postmasterPid()).isNotEqualTo(first);
				assertThat(states(published)).containsExactly(ReadinessState.REFUSING_TRAFFIC,
						ReadinessState.ACCEPTING_TRAFFIC);
				var recovered = published.stream().filter(DatabaseRecovered.class::isInstance)
					.map(DatabaseRecovered.class::cast).findFirst().orElseThrow();
				assertThat(recovered.embedded()).isTrue();
				assertThat(recovered.restarts()).isEqualTo(1);
				assertThat(recovered.cause()).contains("pid " + first);
				try (var connection = pool.getConnection()) {
					assertThat(connection.isValid(5)).isTrue();
				}

				long second = server.postmasterPid();
				ProcessHandle.of(second).orElseThrow().destroyForcibly();
				Awaitility.await("DOWN").atMost(Duration.ofSeconds(30))
					.until(() -> availability.state() == DatabaseAvailability.State.DOWN);
				assertThat(states(published)).endsWith(ReadinessState.REFUSING_TRAFFIC, LivenessState.BROKEN);
				assertThat(server.isRunning()).isFalse();
				assertThat(server.postmasterPid()).isEqualTo(second);
				assertThat(published.stream().filter(DatabaseRecovered.class::isInstance)).hasSize(1);
			}
			finally {
				watch.stop();
			}
		}
	}

	private static List<Object> states(List<Object> published) {
		return published.stream()
			.filter(AvailabilityChangeEvent.class::isInstance)
			.map(event -> (Object) ((AvailabilityChangeEvent<?>) event).getState())
			.toList();
	}

	private static HikariDataSource pool(EmbeddedPostgresServer server) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.jdbcUrl("postgres"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(1);
		return new HikariDataSource(config);
	}
}
