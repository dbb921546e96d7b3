package org.yunwei.ticket.internal.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.identity.internal.SignedIn;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.Priority;
import org.yunwei.support.ApiClient;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.ticket.TicketAssigned;
import org.yunwei.ticket.TicketClosed;
import org.yunwei.ticket.TicketOpened;
import org.yunwei.ticket.TicketReopened;
import org.yunwei.ticket.TicketResolved;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.TicketFixtures;
import org.yunwei.ticket.internal.alert.AlertFixtures;
import org.yunwei.ticket.internal.alert.AlertIntake;
import org.yunwei.ticket.internal.alert.AlertmanagerNotification;
import org.yunwei.ticket.internal.intake.TicketDraft;
import org.yunwei.ticket.internal.intake.TicketIntake;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketStatus;

import tools.jackson.databind.json.JsonMapper;

/**
 * The ticket module's events, published from every path that changes a ticket's lifecycle, with the values
 * listeners need: each test stimulates one path on this thread (as the signed-in person it needs) inside a Spring
 * Modulith {@link Scenario} and waits for the event it must publish.
 */
@EnableScenarios
class TicketEventsIntegrationTests extends IntegrationTestSupport {

	@Autowired
	ApplicationContext context;

	@Autowired
	TicketIntake intake;

	@Autowired
	TicketWork work;

	@Autowired
	BulkTicketWork bulk;

	@Autowired
	AlertIntake alertIntake;

	@Autowired
	TicketEscalation escalation;

	TicketFixtures world;
	SignedIn signedIn;

	@BeforeEach
	void world() {
		world = new TicketFixtures(jdbc, new ApiClient(port));
	}

	@AfterEach
	void signOut() {
		if (signedIn != null) {
			signedIn.close();
		}
	}

	@Test
	void openingATicketInAGroupPublishesTicketOpenedAndTicketAssigned(Scenario scenario) {
		signIn(world.lead);
		scenario.stimulate(() -> intake.submit(phoned("打印机脱机", world.firstLine, world.userId(world.agent)), false))
			.andWaitForEventOfType(TicketOpened.class)
			.toArriveAndVerify((event, ticket) -> {
				assertThat(event.ticketId()).isEqualTo(ticket.id());
				assertThat(event.number()).isEqualTo(ticket.number()).startsWith("INC-");
				assertThat(event.type()).isEqualTo(TicketType.INCIDENT);
				assertThat(event.customerOrgUnitId()).isEqualTo(world.bureau);
				assertThat(event.providerPartyId()).isEqualTo(world.providerParty);
				assertThat(event.serviceId()).isEqualTo(world.service);
				assertThat(event.configurationItem()).isEqualTo("PRN-0042");
				assertThat(event.openedAt()).isEqualTo(ticket.createdAt());
			});
		// the events of a test method accumulate: the first ticket's assignment named its assignee
		scenario.stimulate(() -> intake.submit(phoned("显示器花屏", world.firstLine, null), false))
			.andWaitForEventOfType(TicketAssigned.class)
			.matching(event -> event.assigneeUserId() == null)
			.toArriveAndVerify((event, ticket) -> {
				assertThat(event.ticketId()).isEqualTo(ticket.id());
				assertThat(event.groupId()).isEqualTo(world.firstLine);
				assertThat(event.assigneeUserId()).isNull();
				assertThat(event.providerPartyId()).isEqualTo(world.providerParty);
			});
	}

	@Test
	void assigningPublishesTicketAssigned(Scenario scenario) {
		signIn(world.lead);
		long id = intake.submit(phoned("网络中断", null, null), false).id();
		long agent = world.userId(world.agent);
		scenario.stimulate(() -> work.assign(id, world.firstLine, agent, "请处理"))
			.andWaitForEventOfType(TicketAssigned.class)
			.matching(event -> event.ticketId() == id)
			.toArriveAndVerify((event, ticket) -> {
				assertThat(event.groupId()).isEqualTo(world.firstLine);
				assertThat(event.assigneeUserId()).isEqualTo(agent);
				assertThat(event.providerPartyId()).isEqualTo(world.providerParty);
				assertThat(event.number()).isEqualTo(ticket.number());
				assertThat(event.assignedAt()).isNotNull();
			});
	}

	@Test
	void resolvingPublishesTicketResolvedAndClosingTicketClosed(Scenario scenario) {
		signIn(world.lead);
		long id = intake.submit(phoned("邮箱无法登录", world.firstLine, world.userId(world.agent)), false).id();
		scenario.stimulate(() -> work.resolve(id, "WORKAROUND", "已重置密码"))
			.andWaitForEventOfType(TicketResolved.class)
			.matching(event -> event.ticketId() == id)
			.toArriveAndVerify((event, ticket) -> {
				assertThat(event.resolutionCode()).isEqualTo("WORKAROUND");
				assertThat(event.assigneeUserId()).isEqualTo(world.userId(world.agent));
				assertThat(event.reporterUserId()).isEqualTo(world.userId(world.bureauUser));
				assertThat(event.customerOrgUnitId()).isEqualTo(world.bureau);
				assertThat(event.providerPartyId()).isEqualTo(world.providerParty);
				assertThat(event.resolvedAt()).isEqualTo(ticket.resolvedAt());
			});
		scenario.stimulate(() -> work.close(id))
			.andWaitForEventOfType(TicketClosed.class)
			.matching(event -> event.ticketId() == id)
			.toArriveAndVerify((event, ticket) -> {
				assertThat(event.closedAt()).isEqualTo(ticket.closedAt());
				assertThat(event.assigneeUserId()).isEqualTo(world.userId(world.agent));
				assertThat(event.reporterUserId()).isEqualTo(world.userId(world.bureauUser));
				assertThat(event.type()).isEqualTo(TicketType.INCIDENT);
			});
	}

	@Test
	void theCustomerReopeningAndConfirmingPublishTicketReopenedAndTicketClosed(Scenario scenario) {
		signIn(world.lead);
		long id = intake.submit(phoned("共享盘无法访问", world.firstLine, world.userId(world.agent)), false).id();
		work.resolve(id, "SOLVED", "已恢复权限");
		signIn(world.bureauUser);
		scenario.stimulate(() -> work.reopen(id, "仍然无法访问"))
			.andWaitForEventOfType(TicketReopened.class)
			.matching(event -> event.ticketId() == id)
			.toArriveAndVerify((event, ticket) -> {
				assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
				assertThat(event.assigneeUserId()).isEqualTo(world.userId(world.agent));
				assertThat(event.providerPartyId()).isEqualTo(world.providerParty);
			});
		signIn(world.agent);
		work.resolve(id, "SOLVED", "已再次恢复");
		signIn(world.bureauUser);
		scenario.stimulate(() -> work.confirm(id))
			.andWaitForEventOfType(TicketClosed.class)
			.matching(event -> event.ticketId() == id)
			.toArriveAndVerify(event -> assertThat(event.customerOrgUnitId()).isEqualTo(world.bureau));
	}

	@Test
	void closingUnconfirmedTicketsForTheSystemPublishesTicketClosed(Scenario scenario) {
		signIn(world.lead);
		long id = intake.submit(phoned("电话无拨号音", world.firstLine, null), false).id();
		work.resolve(id, "SOLVED", "已更换话机");
		signedIn.close();
		scenario.stimulate(() -> work.closeUnconfirmed(id, AutoCloseJob.REASON))
			.andWaitForEventOfType(TicketClosed.class)
			.matching(event -> event.ticketId() == id)
			.toArriveAndVerify(event -> assertThat(event.assigneeUserId()).isEqualTo(world.userId(world.lead)));
	}

	@Test
	void bulkActionsPublishTheEventOfEachTicket(Scenario scenario) {
		signIn(world.lead);
		long first = intake.submit(phoned("批量一", null, null), false).id();
		long second = intake.submit(phoned("批量二", null, null), false).id();
		scenario.stimulate(() -> bulk.apply(List.of(first, second), "ASSIGN", world.firstLine, null, null, null))
			.andWaitForEventOfType(TicketAssigned.class)
			.matching(event -> event.ticketId() == second)
			.toArrive();
		scenario.stimulate(() -> bulk.apply(List.of(first, second), "RESOLVE", null, null, "DUPLICATE", "重复报障"))
			.andWaitForEventOfType(TicketResolved.class)
			.matching(event -> event.ticketId() == first)
			.toArriveAndVerify(event -> assertThat(event.resolutionCode()).isEqualTo("DUPLICATE"));
	}

	@Test
	void anAlertOpensResolvesOnRecoveryAndReopensWhenItFiresAgain(Scenario scenario) {
		AlertFixtures alerts = new AlertFixtures(world);
		AlertFixtures.Account account = alerts.account();
		alerts.route(account.id(), Map.of(), world.service, world.firstLine, true);
		signIn(account.username());
		JsonMapper json = JsonMapper.builder().build();
		AlertmanagerNotification firing = json.convertValue(AlertFixtures.alertmanager("firing"),
				AlertmanagerNotification.class);
		AlertmanagerNotification resolved = json.convertValue(AlertFixtures.alertmanager("resolved"),
				AlertmanagerNotification.class);
		long[] id = new long[1];
		scenario.stimulate(() -> alertIntake.receive(firing))
			.andWaitForEventOfType(TicketOpened.class)
			.toArriveAndVerify((event, outcome) -> {
				id[0] = outcome.ticketId();
				assertThat(event.ticketId()).isEqualTo(outcome.ticketId());
				assertThat(event.providerPartyId()).isEqualTo(world.providerParty);
			});
		scenario.stimulate(() -> alertIntake.receive(resolved))
			.andWaitForEventOfType(TicketResolved.class)
			.matching(event -> event.ticketId() == id[0])
			.toArriveAndVerify(event -> {
				assertThat(event.resolutionCode()).isEqualTo("SOLVED");
				assertThat(event.assigneeUserId()).isNull();
				assertThat(event.reporterUserId()).isNull();
			});
		scenario.stimulate(() -> alertIntake.receive(firing))
			.andWaitForEventOfType(TicketReopened.class)
			.matching(event -> event.ticketId() == id[0])
			.toArriveAndVerify(event -> assertThat(event.assigneeUserId()).isNull());
	}

	@Test
	void aFunctionalEscalationPublishesTicketAssignedToTheSecondLine(Scenario scenario) {
		signIn(world.lead);
		TicketRow ticket = intake.submit(phoned("核心交换机故障", world.firstLine, world.userId(world.agent)), false);
		signedIn.close();
		scenario.stimulate(() -> escalation.handle(ticket.id(), ClockKind.RESOLUTION, 100, Instant.now(),
				world.agreement, Priority.P1))
			.andWaitForEventOfType(TicketAssigned.class)
			// not its creation's assignment, which named the agent
			.matching(event -> event.ticketId() == ticket.id() && event.assigneeUserId() == null)
			.toArriveAndVerify(event -> {
				assertThat(event.groupId()).isEqualTo(world.secondLine);
				assertThat(event.assigneeUserId()).isNull();
			});
	}

	/** An incident an agent records from a phone call of the bureau's user, about the world's service. */
	private TicketDraft phoned(String subject, Long groupId, Long assigneeUserId) {
		return new TicketDraft("INCIDENT", subject, "电话报障：" + subject, world.bureau,
				world.userId(world.bureauUser), null, null, "PHONE", world.service, "OFFICE_EQUIPMENT", "PRN-0042",
				null, 1, 1, groupId, assigneeUserId);
	}

	private void signIn(String username) {
		if (signedIn != null) {
			signedIn.close();
		}
		signedIn = SignedIn.as(context, world.userId(username));
	}
}
