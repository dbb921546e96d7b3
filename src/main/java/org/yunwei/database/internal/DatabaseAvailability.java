package org.yunwei.database.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionOperations;
import org.yunwei.database.DatabaseRecovered;

/**
 * Whether the database can be reached now, as {@link DatabaseWatch} last found it: what the fail-fast filter, the
 * health indicator and Spring Boot's readiness and liveness states follow.
 * <ul>
 * <li>{@link State#AVAILABLE}: serving;</li>
 * <li>{@link State#UNAVAILABLE}: lost, being recovered (the embedded server restarted, an external one awaited);
 * readiness refuses traffic at once, liveness stays correct, since a restart of Yunwei would not help;</li>
 * <li>{@link State#DOWN}: recovery failed (the embedded server crashed too often or would not start): liveness is
 * broken, so that a supervisor (systemd, Kubernetes) restarts the whole application instead.</li>
 * </ul>
 */
final class DatabaseAvailability {

	enum State {
		AVAILABLE, UNAVAILABLE, DOWN
	}

	private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

	private final ApplicationEventPublisher events;
	private final TransactionOperations transactions;
	private final boolean embedded;
	private final Clock clock;

	private volatile State state = State.AVAILABLE;
	private volatile boolean stopping;
	private Instant lostAt;
	private String cause;
	private int restarts;

	DatabaseAvailability(ApplicationEventPublisher events, TransactionOperations transactions, boolean embedded,
			Clock clock) {
		this.events = events;
		this.transactions = transactions;
		this.embedded = embedded;
		this.clock = clock;
	}

	State state() {
		return state;
	}

	boolean serving() {
		return state == State.AVAILABLE;
	}

	/** When the current outage began, or {@code null} while serving. */
	synchronized Instant lostAt() {
		return lostAt;
	}

	synchronized void lost(String what) {
		if (state != State.AVAILABLE) {
			return;
		}
		state = State.UNAVAILABLE;
		lostAt = clock.instant();
		cause = what;
		restarts = 0;
		log.error("Database unavailable: {}. Requests are answered 503 until it is back", what);
		if (!stopping) {
			AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
		}
	}

	/**
	 * What the outage turned out to be, found after it began: a probe may fail on a server whose process has died but
	 * is not yet seen to have, and the death is the better cause to report.
	 */
	synchronized void diagnosed(String what) {
		if (state == State.UNAVAILABLE) {
			cause = what;
		}
	}

	synchronized void restarted() {
		restarts++;
	}

	synchronized void failed(String why) {
		if (state == State.DOWN) {
			return;
		}
		if (lostAt == null) {
			lostAt = clock.instant();
			cause = why;
		}
		state = State.DOWN;
		log.error("Database DOWN: {}. Yunwei no longer tries to recover it; restart the application (liveness is "
				+ "now DOWN) after finding the cause in the PostgreSQL log", why);
		if (!stopping) {
			AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
			AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
		}
	}

	/** The database answered again: the outage ends, is logged, and {@link DatabaseRecovered} is published. */
	void restored() {
		DatabaseRecovered recovered;
		synchronized (this) {
			if (state == State.AVAILABLE) {
				return;
			}
			Instant now = clock.instant();
			recovered = new DatabaseRecovered(UUID.nameUUIDFromBytes(("database-outage:" + lostAt).getBytes()),
					lostAt, now, embedded, restarts, cause);
			boolean wasDown = state == State.DOWN;
			state = State.AVAILABLE;
			lostAt = null;
			log.warn("Database available again after {} ms{}; it had been lost: {}",
					Duration.between(recovered.lostAt(), now).toMillis(),
					embedded ? " (" + recovered.restarts() + " restart(s) of the embedded server)" : "",
					recovered.cause());
			if (!stopping) {
				AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
				if (wasDown) {
					AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
				}
			}
		}
		try {
			// in a transaction of its own, so that the event publication registry stores it for its listeners
			transactions.executeWithoutResult(status -> events.publishEvent(recovered));
		}
		catch (RuntimeException e) {
			log.warn("The recovery of the database could not be recorded for its listeners (audit, notices): {}",
					e.getMessage());
		}
	}

	/** The application is stopping: readiness and liveness are the stop's to say from now on. */
	void stopping() {
		stopping = true;
	}
}
