package org.yunwei.ticket.internal.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.ClockTerms;
import org.yunwei.sla.Priority;
import org.yunwei.sla.SlaBreached;
import org.yunwei.sla.SlaClocks;
import org.yunwei.sla.SlaThresholdReached;
import org.yunwei.sla.TimeBasis;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;
import org.yunwei.ticket.internal.record.TicketTime;

/**
 * An SLA breach escalates along the agreement's chain: the fixture's agreement tells the group lead at 90 % of a P1
 * target and hands the ticket to the second line at the breach. The ticket's resolution clock is retargeted to two
 * seconds (with the agreement's id, so that its chain applies) and the scheduler's tick does the rest.
 */
class TicketEscalationIntegrationTests extends IntegrationTestSupport {

	@Autowired
	SlaClocks clocks;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	EventPublicationRepository publications;

	@Test
	void aBreachHandsTheTicketToTheSecondLineAndTheWarningTellsTheLead() throws Exception {
		ApiClient api = new ApiClient(port);
		TicketFixtures world = new TicketFixtures(jdbc, api);
		long id = world.submitted("核心交换机宕机").get("ticket").get("id").asLong();
		String agent = world.token(world.agent);
		api.post("/api/v1/tickets/" + id + "/assign", agent,
				Map.of("groupId", world.firstLine, "assigneeUserId", world.userId(world.agent)));
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> clocks.retarget(
				TicketClocks.subject(id), ClockKind.RESOLUTION, new ClockTerms(world.agreement, Priority.P1, null,
						TimeBasis.CALENDAR, Duration.ofSeconds(2), List.of(50, 75, 90)),
				TicketTime.now()));

		long deadline = System.currentTimeMillis() + 20_000;
		List<Map<String, Object>> escalations = List.of();
		while (System.currentTimeMillis() < deadline) {
			escalations = jdbc.sql("""
					select details ->> 'kind' as kind, details ->> 'percent' as percent, details ->> 'target' as target
					from ticket_entry where ticket_id = ? and kind = 'ESCALATED' order by id""")
				.param(id).query().listOfRows();
			if (escalations.size() >= 2) {
				break;
			}
			Thread.sleep(200);
		}
		// one tick raised every deadline at once; their listeners run concurrently, each locking the ticket in turn
		assertThat(escalations).extracting(row -> row.get("kind") + "@" + row.get("percent"))
			.containsExactlyInAnyOrder("HIERARCHICAL@90", "FUNCTIONAL@100");
		var ticket = api.get("/api/v1/tickets/" + id, agent).json().get("ticket");
		assertThat(ticket.get("groupId").asLong()).isEqualTo(world.secondLine);
		assertThat(ticket.get("assigneeUserId").isNull()).isTrue();
		assertThat(ticket.get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(jdbc.sql("""
				select count(*) from ticket_entry where ticket_id = ? and kind in ('SLA_WARNING', 'SLA_BREACHED')
				  and details ->> 'clock' = 'RESOLUTION'""").param(id).query(Long.class).single()).isEqualTo(4);
		// the lead was told (the notification module may deliver later; the notice was published with the change)
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'TICKET_ESCALATED' and object_id = ?")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
		// the same delivery copied the breach onto the ticket for the statistics
		assertThat(jdbc.sql("select resolution_breached_at is not null from ticket where id = ?").param(id)
			.query(Boolean.class).single()).isTrue();
	}

	/**
	 * The registry stores a publication for the ticket module only for a ticket's clock: another module's clocks
	 * (the SLA scheduler raises up to a thousand events per transaction) cost this module nothing. Looked at inside
	 * the publishing transaction, which then rolls back, so that no listener runs.
	 */
	@Test
	void onlyATicketsClockEventIsStoredForTheTicketModule() {
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		transaction.executeWithoutResult(status -> {
			SlaBreached ticketClock = new SlaBreached(TicketClocks.SUBJECT_TYPE, "-1", ClockKind.RESPONSE,
					Instant.now(), null, Priority.P3);
			SlaThresholdReached otherClock = new SlaThresholdReached("change", "-1", ClockKind.RESPONSE, 50,
					Instant.now(), null, Priority.P3);
			SlaBreached otherBreach = new SlaBreached("change", "-1", ClockKind.RESPONSE, Instant.now(), null,
					Priority.P3);
			events.publishEvent(ticketClock);
			events.publishEvent(otherClock);
			events.publishEvent(otherBreach);
			List<Object> forTickets = publications.findIncompletePublications().stream()
				.filter(publication -> publication.getTargetIdentifier().getValue().contains("TicketEscalation"))
				.map(TargetEventPublication::getEvent)
				.toList();
			assertThat(forTickets).containsExactly(ticketClock);
			status.setRollbackOnly();
		});
	}
}
