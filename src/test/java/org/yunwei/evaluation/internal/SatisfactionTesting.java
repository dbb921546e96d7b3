package org.yunwei.evaluation.internal;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.notification.Notice;
import org.yunwei.ticket.internal.ResolvedTickets;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * Resolved tickets and a way to hear the notices they publish, for the satisfaction and return-visit tests. A ticket
 * resolved through the API reaches evaluation's record by the {@code TicketResolved} listener, after the commit and
 * on another thread: {@link #resolve} waits for that state change (polling the record, as Modulith's
 * {@code Scenario} does), never for a fixed time.
 */
final class SatisfactionTesting extends ResolvedTickets {

	SatisfactionTesting(TicketFixtures world) {
		super(world);
	}

	@Override
	public void resolve(long id) {
		super.resolve(id);
		awaitRecorded(id, "RESOLVED");
	}

	/** Waits until evaluation's listeners have recorded the ticket in {@code status}. */
	void awaitRecorded(long id, String status) {
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> status.equals(
				world.jdbc.sql("select status from evaluation_ticket where ticket_id = ?").param(id)
					.query(String.class).optional().orElse(null)));
	}

	/** The provider's scope, as its agents have it. */
	DataScope providerScope() {
		return new DataScope(PartyKind.PROVIDER, world.providerParty, java.util.Set.of());
	}

	/** Keeps the notices published while it listens; close it to stop. */
	static final class Notices implements ApplicationListener<ApplicationEvent>, AutoCloseable {

		private final ConfigurableApplicationContext context;
		private final List<Notice> heard = new CopyOnWriteArrayList<>();

		Notices(ConfigurableApplicationContext context) {
			this.context = context;
			context.addApplicationListener(this);
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof Notice notice) {
				heard.add(notice);
			}
		}

		List<Notice> about(String topic) {
			return heard.stream().filter(n -> n.topic().equals(topic)).toList();
		}

		@Override
		public void close() {
			context.removeApplicationListener(this);
		}
	}
}
