package org.yunwei.ticket.internal.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.EscalationStep;
import org.yunwei.sla.Priority;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.internal.TicketFixtures;

/**
 * A functional escalation never hands a ticket to another party (issue 14, finding 1). The chains below were saved
 * before the boundary was checked (written straight into the tables, as the API now refuses them): our first line
 * names another provider's group as its second line, and the agreement's step names a group that is now disabled or
 * belongs to the other provider. The step fails where it stands — on the ticket's timeline, in the audit trail and
 * with the group lead — and the ticket stays with its group and its provider.
 */
class EscalationBoundaryIntegrationTests extends IntegrationTestSupport {

	@Autowired
	TicketEscalation escalation;

	@Autowired
	PlatformTransactionManager transactionManager;

	ApiClient api;
	TicketFixtures ours;
	TicketFixtures theirs;
	long ticket;

	@BeforeEach
	void aTicketInOurFirstLineWhoseSecondLineIsTheirs() {
		api = new ApiClient(port);
		ours = new TicketFixtures(jdbc, api);
		theirs = new TicketFixtures(jdbc, api);
		jdbc.sql("update ticket_group set escalation_group_id = ? where id = ?").params(theirs.secondLine, ours.firstLine)
			.update();
		ticket = ours.submitted("存储阵列告警").get("ticket").get("id").asLong();
		var assigned = api.post("/api/v1/tickets/" + ticket + "/assign", ours.token(ours.agent),
				Map.of("groupId", ours.firstLine));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
	}

	@Test
	void aStepNamingADisabledGroupFailsInsteadOfFallingBackToAnotherPartysChain() {
		jdbc.sql("update ticket_group set enabled = false where id = ?").param(ours.secondLine).update();

		breach(ClockKind.RESOLUTION);

		assertStaysAndFailed("DISABLED_GROUP");
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql("""
				select count(*) from notification where user_id = ? and topic = 'ticket.escalation-failed'
				  and body like ?""").params(ours.userId(ours.lead), "%" + number() + "%")
			.query(Long.class).single() == 1);
	}

	@Test
	void aStepNamingAnotherProvidersGroupFails() {
		target(theirs.secondLineCode);

		breach(ClockKind.RESOLUTION);

		assertStaysAndFailed("OTHER_PARTY");
	}

	@Test
	void theSecondLineIsReachedOnlyWithinTheParty() {
		target(EscalationStep.SECOND_LINE);

		breach(ClockKind.RESOLUTION);

		assertStaysAndFailed("OTHER_PARTY");
		jdbc.sql("update ticket_group set escalation_group_id = ? where id = ?").params(ours.secondLine, ours.firstLine)
			.update();

		breach(ClockKind.RESPONSE);

		assertThat(jdbc.sql("select group_id from ticket where id = ?").param(ticket).query(Long.class).single())
			.isEqualTo(ours.secondLine);
	}

	private void breach(ClockKind clock) {
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> escalation.handle(ticket, clock,
				100, Instant.now(), ours.agreement, Priority.P1));
	}

	private void target(String target) {
		jdbc.sql("""
				update sla_escalation set target = ? where agreement_id = ? and priority = 'P1' and kind = 'FUNCTIONAL'""")
			.params(target, ours.agreement).update();
	}

	private void assertStaysAndFailed(String failure) {
		Map<String, Object> row = jdbc.sql("select group_id, provider_party_id from ticket where id = ?").param(ticket)
			.query().singleRow();
		assertThat(row.get("group_id")).isEqualTo(ours.firstLine);
		assertThat(row.get("provider_party_id")).isEqualTo(ours.providerParty);
		assertThat(jdbc.sql("""
				select details ->> 'failure' from ticket_entry where ticket_id = ? and kind = 'ESCALATION_FAILED'
				order by id desc limit 1""").param(ticket).query(String.class).optional()).contains(failure);
		assertThat(jdbc.sql("""
				select count(*) from audit_record where action = 'TICKET_ESCALATION_FAILED' and object_id = ?""")
			.param(String.valueOf(ticket)).query(Long.class).single()).isPositive();
		assertThat(jdbc.sql("select count(*) from ticket_entry where ticket_id = ? and kind = 'ESCALATED'")
			.param(ticket).query(Long.class).single()).isZero();
	}

	private String number() {
		return jdbc.sql("select number from ticket where id = ?").param(ticket).query(String.class).single();
	}
}
