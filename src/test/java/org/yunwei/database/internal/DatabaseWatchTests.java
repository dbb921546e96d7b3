package org.yunwei.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariConfig;

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
				// what still asks the pool fails within a second rather than the usual 30 s
				assertThat(pool.getConnectionTimeout()).isEqualTo(1000);
				assertThat(server.isRunning()).isFalse();
				assertThat(server.postmasterPid()).isEqualTo(second);
				assertThat(published.stream().filter(DatabaseRecovered.class::isInstance)).hasSize(1);
			}
			finally {
				watch.stop();
			}
		}
	}

	@Test
	void anExternalDatabaseThatComesBackServesAgainWithoutARestartOfYunwei() throws Exception {
		List<Object> published = new CopyOnWriteArrayList<>();
		ApplicationEventPublisher events = published::add;
		var recovery = new DatabaseProperties.Recovery(Duration.ofMillis(500), 1, Duration.ofMinutes(10));
		// a server Yunwei does not run: the watch is given no embedded server, only the pool's URL
		var external = EmbeddedPostgresServer.start(data, 0);
		int port = external.port();
		try (var pool = pool(external)) {
			var availability = new DatabaseAvailability(events, TransactionOperations.withoutTransaction(), false,
					Clock.systemUTC());
			var watch = new DatabaseWatch(availability, null, pool, recovery, Clock.systemUTC());
			watch.start();
			try {
				external.close(); // its owner stops it
				Awaitility.await("the outage to be noticed").atMost(Duration.ofSeconds(30))
					.until(() -> availability.state() == DatabaseAvailability.State.UNAVAILABLE);
				assertThat(states(published)).containsExactly(ReadinessState.REFUSING_TRAFFIC);

				external = EmbeddedPostgresServer.start(data, port); // and starts it again
				Awaitility.await("the database to serve again").atMost(Duration.ofSeconds(30))
					.until(() -> availability.state() == DatabaseAvailability.State.AVAILABLE);
				assertThat(states(published)).containsExactly(ReadinessState.REFUSING_TRAFFIC,
						ReadinessState.ACCEPTING_TRAFFIC);
				var recovered = published.stream().filter(DatabaseRecovered.class::isInstance)
					.map(DatabaseRecovered.class::cast).findFirst().orElseThrow();
				assertThat(recovered.embedded()).isFalse();
				assertThat(recovered.restarts()).isZero();
				assertThat(pool.getConnectionTimeout()).isEqualTo(30_000);
				try (var connection = pool.getConnection()) {
					assertThat(connection.isValid(5)).isTrue();
				}
			}
			finally {
				watch.stop();
			}
		}
		finally {
			external.close();
		}
	}

	@Test
	void waitsForAConnectionUnderWayWhenTheDatabaseGoesAwayEndAtOnce() throws Exception {
		var recovery = new DatabaseProperties.Recovery(Duration.ofMillis(500), 1, Duration.ofMinutes(10));
		var external = EmbeddedPostgresServer.start(data, 0);
		try (var pool = pool(external, 1)) {
			var availability = new DatabaseAvailability(event -> {
			}, TransactionOperations.withoutTransaction(), false, Clock.systemUTC());
			var watch = new DatabaseWatch(availability, null, pool, recovery, Clock.systemUTC());
			watch.start();
			try {
				Connection held = pool.getConnection(); // the pool's only connection: whoever asks next waits
				var failure = new CompletableFuture<SQLException>();
				var interruptedAfter = new AtomicBoolean();
				Thread.ofVirtual().start(() -> {
					try (var connection = pool.getConnection()) {
						failure.complete(null);
					}
					catch (SQLException e) {
						interruptedAfter.set(Thread.currentThread().isInterrupted());
						failure.complete(e);
					}
				});
				Awaitility.await("a request waiting for the pool").atMost(Duration.ofSeconds(30))
					.until(() -> pool.getHikariPoolMXBean().getThreadsAwaitingConnection() == 1);

				external.close();
				// its wait was 30 s when it began; the outage ends it as soon as the watch notices
				SQLException ended = failure.get(60, TimeUnit.SECONDS);
				assertThat((Throwable) ended).isInstanceOf(SQLTransientConnectionException.class)
					.hasMessageContaining("the database became unavailable while this waited");
				assertThat(interruptedAfter).as("the pool's interruption is taken back").isFalse();
				assertThat(availability.state()).isEqualTo(DatabaseAvailability.State.UNAVAILABLE);

				// and a wait that begins during the outage is the outage's second, not the configured 30 s
				assertThatThrownBy(pool::getConnection).isInstanceOf(SQLTransientConnectionException.class)
					.satisfies(e -> assertThat(waitedMillis(e.getMessage())).isLessThan(30_000));
				try {
					held.close();
				}
				catch (SQLException gone) {
					// its server is gone
				}
			}
			finally {
				watch.stop();
			}
		}
		finally {
			external.close();
		}
	}

	/** The wait Hikari reports in "… request timed out after 1001ms …". */
	private static long waitedMillis(String message) {
		var matcher = java.util.regex.Pattern.compile("timed out after (\\d+)ms").matcher(message);
		assertThat(matcher.find()).as(message).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private static List<Object> states(List<Object> published) {
		return published.stream()
			.filter(AvailabilityChangeEvent.class::isInstance)
			.map(event -> (Object) ((AvailabilityChangeEvent<?>) event).getState())
			.toList();
	}

	private static DatabasePool pool(EmbeddedPostgresServer server) {
		return pool(server, 2);
	}

	private static DatabasePool pool(EmbeddedPostgresServer server, int size) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.jdbcUrl("postgres"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(size);
		config.setMinimumIdle(1);
		return new DatabasePool(config);
	}
}
