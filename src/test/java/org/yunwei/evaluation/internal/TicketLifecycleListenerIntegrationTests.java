package org.yunwei.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.util.AopTestUtils;
import org.yunwei.identity.DataScope;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.AssigneeRatings;
import org.yunwei.ticket.TicketClosed;
import org.yunwei.ticket.TicketReopened;
import org.yunwei.ticket.TicketResolved;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * Evaluation keeps its record of resolved tickets by listening to the ticket module's events: each test publishes
 * the event itself (as the ticket module would, in a transaction) and waits for the record's state to change. The
 * Scenario comes from the shared context ({@code @EnableScenarios} resolves it from the running application).
 */
@EnableScenarios
class TicketLifecycleListenerIntegrationTests extends IntegrationTestSupport {

	@Autowired
	TicketLifecycleListener listener;

	@Autowired
	AssigneeRatings ratings;

	TicketFixtures world;
	long ticketId;
	String number;

	@BeforeEach
	void ticket() {
		world = new TicketFixtures(jdbc, api());
		ticketId = world.submitted("共享打印机卡纸").get("ticket").get("id").asLong();
		number = jdbc.sql("select number from ticket where id = ?").param(ticketId).query(String.class).single();
	}

	@Test
	void aResolvedTicketBecomesKnownAndDueForItsReturnVisit(Scenario scenario) {
		scenario.publish(resolved(Instant.now()))
			.andWaitForStateChange(() -> status())
			.andVerify(status -> assertThat(status).isEqualTo("RESOLVED"));
		assertThat(jdbc.sql("select subject from evaluation_ticket where ticket_id = ?").param(ticketId)
			.query(String.class).single()).isEqualTo("共享打印机卡纸");
		assertThat(jdbc.sql("select customer_org_unit_id from evaluation_ticket where ticket_id = ?").param(ticketId)
			.query(Long.class).single()).isEqualTo(world.bureau);
	}

	@Test
	void aClosedTicketStaysKnownAndAReopenedOneLeavesTheWorklist(Scenario scenario) {
		Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		scenario.publish(resolved(resolvedAt))
			.andWaitForStateChange(() -> status())
			.andVerify(status -> assertThat(status).isEqualTo("RESOLVED"));
		scenario.publish(new TicketClosed(ticketId, number, TicketType.INCIDENT, world.bureau, world.providerParty,
				null, null, resolvedAt.plusSeconds(60)))
			.andWaitForStateChange(() -> status(), "CLOSED"::equals)
			.andVerify(status -> assertThat(status).isEqualTo("CLOSED"));

		long other = world.submitted("显示器黑屏").get("ticket").get("id").asLong();
		String otherNumber = jdbc.sql("select number from ticket where id = ?").param(other).query(String.class)
			.single();
		scenario.publish(new TicketResolved(other, otherNumber, TicketType.INCIDENT, world.bureau,
				world.providerParty, null, null, "SOLVED", resolvedAt))
			.andWaitForStateChange(() -> status(other))
			.andVerify(status -> assertThat(status).isEqualTo("RESOLVED"));
		scenario.publish(new TicketReopened(other, otherNumber, world.providerParty, null, resolvedAt.plusSeconds(5)))
			.andWaitForStateChange(() -> status(other), "REOPENED"::equals)
			.andVerify(status -> assertThat(jdbc.sql(
					"select resolved_at is null from evaluation_ticket where ticket_id = ?").param(other)
				.query(Boolean.class).single()).isTrue());
	}

	@Test
	void aRatingOfAResolvedTicketCountsForTheAssigneeTheEventNamed(Scenario scenario) {
		long agent = world.userId(world.agent);
		Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		scenario.publish(new TicketResolved(ticketId, number, TicketType.INCIDENT, world.bureau, world.providerParty,
				agent, null, "SOLVED", resolvedAt))
			.andWaitForStateChange(() -> status())
			.andVerify(status -> assertThat(status).isEqualTo("RESOLVED"));
		// the customer's rating, as SatisfactionRatings writes it
		jdbc.sql("""
				insert into ticket_rating (ticket_id, score, rated_by_user_id, rated_by_name, rated_at)
				values (?, 4, ?, '测试用户', ?)""")
			.params(ticketId, world.userId(world.bureauUser), Timestamp.from(resolvedAt.plusSeconds(60)))
			.update();

		Map<Long, AssigneeRatings.Rated> byAssignee = ratings.byAssignee(resolvedAt, resolvedAt.plusSeconds(120),
				new DataScope.Condition("provider_party_id = ?", List.of(world.providerParty)));
		assertThat(byAssignee).containsOnlyKeys(agent);
		assertThat(byAssignee.get(agent).count()).isEqualTo(1);
		assertThat(byAssignee.get(agent).meanScore()).isEqualByComparingTo("4.00");
		// outside the period, or outside the scope, it is not counted
		assertThat(ratings.byAssignee(resolvedAt.plusSeconds(61), resolvedAt.plusSeconds(120),
				new DataScope.Condition("true", List.of()))).doesNotContainKey(agent);
		assertThat(ratings.byAssignee(resolvedAt, resolvedAt.plusSeconds(120),
				new DataScope.Condition("provider_party_id = ?", List.of(-1L)))).isEmpty();
	}

	@Test
	void anEventDeliveredTwiceOrLateLeavesTheNewestState() {
		Instant resolvedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		TicketClosed closed = new TicketClosed(ticketId, number, TicketType.INCIDENT, world.bureau,
				world.providerParty, null, null, resolvedAt.plusSeconds(60));
		// the listener's methods as the registry calls them again after a crash, and out of order; called on the
		// bean behind its (asynchronous) proxy so that each call has completed when the next starts
		TicketLifecycleListener target = AopTestUtils.getUltimateTargetObject(listener);
		target.on(closed);
		target.on(closed);
		target.on(resolved(resolvedAt));
		assertThat(status()).isEqualTo("CLOSED");
		assertThat(jdbc.sql("select count(*) from evaluation_ticket where ticket_id = ?").param(ticketId)
			.query(Long.class).single()).isEqualTo(1);
	}

	private TicketResolved resolved(Instant at) {
		return new TicketResolved(ticketId, number, TicketType.INCIDENT, world.bureau, world.providerParty, null,
				null, "SOLVED", at);
	}

	private String status() {
		return status(ticketId);
	}

	private String status(long id) {
		return jdbc.sql("select status from evaluation_ticket where ticket_id = ?").param(id).query(String.class)
			.optional().orElse(null);
	}
}
