package org.yunwei.ticket.internal.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yunwei.sla.SlaBreached;
import org.yunwei.sla.SlaThresholdReached;
import org.yunwei.support.IntegrationTestSupport;

/**
 * An SLA warning or breach that waited for {@link TicketEscalation} under its name before the ticket internals were
 * split ({@code org.yunwei.ticket.internal.TicketEscalation}) goes on to it under the name the registry now gives it
 * (migration ticket V14). The migration has run on this database when it was new, so it is run again here on a
 * publication written under the old name; the publication is written completed, so that nothing delivers it.
 */
class EscalationListenerMovedIntegrationTests extends IntegrationTestSupport {

	private static final String MIGRATION = "db/migration/ticket/V14__escalation_listener_moved.sql";

	@Autowired
	JdbcClient jdbc;

	@Test
	void publicationsWaitingUnderTheOldNameGoToTheMovedListener() throws Exception {
		for (Class<?> event : new Class<?>[] { SlaBreached.class, SlaThresholdReached.class }) {
			String moved = listenerId(TicketEscalation.class.getDeclaredMethod("on", event));
			String old = moved.replace("org.yunwei.ticket.internal.work.", "org.yunwei.ticket.internal.");
			assertThat(old).isNotEqualTo(moved);
			UUID id = UUID.randomUUID();
			jdbc.sql("""
					insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
					  completion_date, status, completion_attempts)
					values (?, ?, ?, '{}', now(), now(), 'COMPLETED', 1)""")
				.params(id, old, event.getName())
				.update();
			try {
				jdbc.sql(new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8)).update();
				assertThat(jdbc.sql("select listener_id from event_publication where id = ?")
					.param(id)
					.query(String.class)
					.single()).isEqualTo(moved);
			}
			finally {
				jdbc.sql("delete from event_publication where id = ?").param(id).update();
			}
		}
	}

	/** The name Spring gives an {@code @ApplicationModuleListener} method, which the registry stores. */
	private static String listenerId(Method listener) {
		return new ApplicationListenerMethodAdapter("ticketEscalation", TicketEscalation.class, listener).getListenerId();
	}

}
