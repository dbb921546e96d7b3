package org.yunwei.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.modulith.events.core.EventSerializer;
import org.yunwei.database.DatabaseRecovered;
import org.yunwei.support.IntegrationTestSupport;

/**
 * Publications that nobody delivers any more are delivered while Yunwei runs, not only at its next start: one left
 * incomplete for ten minutes (its listener failed while the database was away, or the call was lost) reaches its
 * listener; one published a moment ago is left to the listener that has it.
 */
class EventRedeliveryIntegrationTests extends IntegrationTestSupport {

	@Autowired
	EventRedelivery redelivery;

	@Autowired
	EventSerializer serializer;

	@Test
	void anAbandonedPublicationIsDeliveredAndARecentOneIsLeftAlone() throws Exception {
		UUID abandoned = leftIncomplete(Duration.ofMinutes(10), "PUBLISHED");
		UUID failed = leftIncomplete(Duration.ofMinutes(3), "FAILED");
		UUID recent = leftIncomplete(Duration.ofSeconds(30), "PROCESSING");
		try {
			// the listeners of this shared context may be busy with other tests' events: redelivery waits for them
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> {
					redelivery.redeliver();
					return audited(abandoned) && audited(failed) && !pending(abandoned) && !pending(failed);
				});
			assertThat(audited(recent)).isFalse();
			assertThat(pending(recent)).isTrue();
		}
		finally {
			jdbc.sql("delete from event_publication where serialized_event like ?").param("%" + recent + "%").update();
		}
	}

	/** A publication of an outage for the outage audit, as the registry writes it, published {@code ago}. */
	private UUID leftIncomplete(Duration ago, String status) throws Exception {
		UUID outage = UUID.randomUUID();
		Instant lostAt = Instant.now().minus(ago).truncatedTo(ChronoUnit.MILLIS);
		var event = new DatabaseRecovered(outage, lostAt, lostAt.plusSeconds(2), false, 0, "test: " + status);
		Method listener = DatabaseOutageAudit.class.getDeclaredMethod("on", DatabaseRecovered.class);
		String listenerId = new ApplicationListenerMethodAdapter("databaseOutageAudit", DatabaseOutageAudit.class,
				listener).getListenerId();
		jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
				  completion_attempts)
				values (?, ?, ?, ?, ?, ?, 1)""")
			.params(UUID.randomUUID(), listenerId, DatabaseRecovered.class.getName(),
					serializer.serialize(event).toString(), java.sql.Timestamp.from(lostAt.plusSeconds(2)), status)
			.update();
		return outage;
	}

	private boolean audited(UUID outage) {
		return jdbc.sql("select count(*) from audit_record where action = 'DATABASE_RECOVERED' and object_id = ?")
			.param(outage.toString())
			.query(Integer.class)
			.single() == 1;
	}

	private boolean pending(UUID outage) {
		return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
			.param("%" + outage + "%")
			.query(Integer.class)
			.single() > 0;
	}
}
