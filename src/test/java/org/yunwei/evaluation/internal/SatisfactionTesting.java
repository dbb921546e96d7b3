package org.yunwei.evaluation.internal;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.notification.Notice;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * Resolved tickets and a way to hear the notices they publish, for the satisfaction and return-visit tests. A ticket
 * resolved through the API reaches evaluation's record by the {@code TicketResolved} listener, after the commit and
 * on another thread: {@link #resolve} waits for that state change (polling the record, as Modulith's
 * {@code Scenario} does), never for a fixed time.
 */
final class SatisfactionTesting {

	final TicketFixtures world;

	SatisfactionTesting(TicketFixtures world) {
		this.world = world;
	}

	/** A ticket of the bureau's user, assigned to the first line and resolved by its agent. */
	long resolved(String subject) {
		long id = world.submitted(subject).get("ticket").get("id").asLong();
		resolve(id);
		return id;
	}

	void resolve(long id) {
		String agent = world.token(world.agent);
		expect(200, world.api.post("/api/v1/tickets/" + id + "/assign", agent,
				Map.of("groupId", world.firstLine, "assigneeUserId", world.userId(world.agent))));
		expect(200, world.api.post("/api/v1/tickets/" + id + "/resolve", agent,
				Map.of("resolutionCode", "SOLVED", "resolutionText", "更换硒鼓后打印恢复正常")));
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

	String status(long id) {
		return world.jdbc.sql("select status from ticket where id = ?").param(id).query(String.class).single();
	}

	long audits(String action, long id) {
		return world.jdbc.sql("select count(*) from audit_record where action = ? and object_id = ?")
			.params(action, String.valueOf(id))
			.query(Long.class)
			.single();
	}

	static void expect(int status, org.yunwei.support.ApiClient.Response response) {
		if (response.status() != status) {
			throw new AssertionError("expected " + status + " but was " + response);
		}
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
