package org.yunwei.database;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The database could not be reached and serves again: published once per outage, as soon as it is back (an event
 * cannot be stored while the database is down). The outage's length is what people waited: from the moment Yunwei
 * noticed until the first successful check.
 *
 * @param outageId stable for the outage, so that a listener delivered twice can tell it already acted
 * @param lostAt when Yunwei noticed that the database was unreachable
 * @param recoveredAt when it answered again
 * @param embedded whether it is the embedded server, which Yunwei restarted itself; {@code false} for an external
 *        PostgreSQL, which came back by its owner's hand
 * @param restarts how many times the embedded server was started again during the outage (0 for an external one)
 * @param cause what was noticed, in the log's words (e.g. "the embedded PostgreSQL (pid 4242) ended")
 */
public record DatabaseRecovered(UUID outageId, Instant lostAt, Instant recoveredAt, boolean embedded, int restarts,
		String cause) {

	/** How long the database was unreachable. */
	public Duration outage() {
		return Duration.between(lostAt, recoveredAt);
	}
}
