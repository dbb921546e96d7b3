package org.yunwei.ticket.internal.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yunwei.identity.Actor;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Person;
import org.yunwei.ticket.TicketAssigned;
import org.yunwei.ticket.TicketClosed;
import org.yunwei.ticket.TicketOpened;
import org.yunwei.ticket.TicketReopened;
import org.yunwei.ticket.TicketResolved;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.PendingReason;
import org.yunwei.ticket.internal.record.ResolutionCode;
import org.yunwei.ticket.internal.record.TicketAction;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketStatus;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.web.RejectedRequest;

/** The ticket's lifecycle rules, without a database: what each transition allows, changes and says. */
class TicketTests {

	private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
	private static final long PROVIDER = 7;
	private static final long OTHER_PROVIDER = 8;
	private static final AssignmentGroup FIRST_LINE = new AssignmentGroup(30, "L1", "一线", PROVIDER, 100L, null, true,
			List.of(100L, 101L));
	private static final Actor AGENT = new Actor(101, "agent", "坐席", PROVIDER, PartyKind.PROVIDER, 70, Set.of(),
			Set.of());
	private static final Actor STRANGER = new Actor(102, "stranger", "外人", PROVIDER, PartyKind.PROVIDER, 70,
			Set.of(), Set.of());

	@Test
	void rejectsResolutionWithoutCode() {
		Ticket ticket = Ticket.of(row(TicketStatus.IN_PROGRESS));
		assertThatThrownBy(() -> ticket.resolve((String) null, "已修复", AGENT.userId(), NOW))
			.isInstanceOfSatisfying(RejectedRequest.class,
					refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("resolutionCode"));
		assertThatThrownBy(() -> ticket.resolve("SOLVED", "  ", AGENT.userId(), NOW))
			.isInstanceOfSatisfying(RejectedRequest.class,
					refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("resolutionText"));
		assertThat(ticket.state()).isEqualTo(ticket.before());
		assertThat(ticket.events()).isEmpty();
	}

	@Test
	void resolvingRecordsTheResolutionTakesTheTicketAndRegistersTicketResolved() {
		Ticket ticket = Ticket.of(row(TicketStatus.PENDING).withPendingReason(PendingReason.CUSTOMER));
		assertThat(ticket.resolve("solved", " 已更换硒鼓 ", AGENT.userId(), NOW)).isEqualTo("已更换硒鼓");
		assertThat(ticket.state().status()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(ticket.state().pendingReason()).isNull();
		assertThat(ticket.state().resolvedAt()).isEqualTo(NOW);
		assertThat(ticket.state().assigneeUserId()).isEqualTo(AGENT.userId());
		assertThat(ticket.differences()).containsOnlyKeys("status", "pendingReason", "assigneeUserId",
				"resolutionCode");
		assertThat(ticket.events()).containsExactly(new TicketResolved(1, "INC-20261122-0001", TicketType.INCIDENT,
				50, PROVIDER, AGENT.userId(), 60L, "SOLVED", NOW));
	}

	@Test
	void eachTransitionIsAllowedOnlyFromItsStatuses() {
		for (TicketStatus status : TicketStatus.values()) {
			boolean resolvable = TicketAction.RESOLVE.allowedFrom(status);
			Ticket ticket = Ticket.of(row(status));
			if (resolvable) {
				ticket.resolve(ResolutionCode.SOLVED, "好了", null, NOW);
			}
			else {
				assertThatThrownBy(() -> ticket.resolve(ResolutionCode.SOLVED, "好了", null, NOW))
					.isInstanceOfSatisfying(RejectedRequest.class,
							refused -> assertThat(refused.type()).isEqualTo("invalid-transition"));
				assertThat(ticket.state()).isEqualTo(ticket.before());
			}
		}
		for (TicketStatus status : EnumSet.complementOf(EnumSet.of(TicketStatus.RESOLVED))) {
			assertThatThrownBy(() -> Ticket.of(row(status)).close(TicketAction.CLOSE, NOW))
				.isInstanceOf(RejectedRequest.class);
			assertThatThrownBy(() -> Ticket.of(row(status)).reopen(NOW)).isInstanceOf(RejectedRequest.class);
		}
		assertThatThrownBy(() -> Ticket.of(row(TicketStatus.IN_PROGRESS)).start(AGENT, id -> Optional.empty(), NOW))
			.isInstanceOf(RejectedRequest.class);
		assertThatThrownBy(() -> Ticket.of(row(TicketStatus.NEW)).resume()).isInstanceOf(RejectedRequest.class);
		assertThatThrownBy(() -> Ticket.of(row(TicketStatus.CLOSED)).update(new TicketChanges("新", null, null, null,
				null, null), (i, u) -> "P1")).isInstanceOf(RejectedRequest.class);
	}

	@Test
	void assigningNeedsAnEnabledGroupOfTheAgentsPartyAndAMemberOfIt() {
		Ticket ticket = Ticket.of(row(TicketStatus.NEW));
		assertThatThrownBy(() -> ticket.assign(null, null, null, AGENT, null, NOW))
			.isInstanceOfSatisfying(RejectedRequest.class,
					refused -> assertThat(refused.fieldErrors()).containsEntry("groupId", "field.required"));
		AssignmentGroup foreign = new AssignmentGroup(31, "X", "外组", OTHER_PROVIDER, null, null, true, List.of());
		assertThatThrownBy(() -> ticket.assign(31L, foreign, null, AGENT, null, NOW))
			.isInstanceOfSatisfying(RejectedRequest.class,
					refused -> assertThat(refused.fieldErrors()).containsEntry("groupId", "ticket.group.invalid"));
		assertThatThrownBy(() -> ticket.assign(30L, FIRST_LINE, 999L, AGENT, null, NOW))
			.isInstanceOfSatisfying(RejectedRequest.class, refused -> assertThat(refused.fieldErrors())
				.containsEntry("assigneeUserId", "ticket.assignee.not-member"));
		assertThat(ticket.events()).isEmpty();

		assertThat(ticket.assign(30L, FIRST_LINE, 101L, AGENT, " 请处理 ", NOW)).isEqualTo("请处理");
		assertThat(ticket.state().status()).isEqualTo(TicketStatus.ASSIGNED);
		assertThat(ticket.differences()).isEqualTo(Map.of("status", TicketStatus.ASSIGNED, "groupId", 30L,
				"assigneeUserId", 101L));
		assertThat(ticket.events()).containsExactly(new TicketAssigned(1, "INC-20261122-0001", PROVIDER, 30, 101L,
				NOW));

		Ticket again = Ticket.of(ticket.state());
		again.assign(30L, FIRST_LINE, 101L, AGENT, null, NOW);
		assertThat(again.differences()).isEmpty();
		assertThat(again.events()).isEmpty();
		again.assign(30L, FIRST_LINE, 100L, AGENT, null, NOW);
		assertThat(again.events()).containsExactly(new TicketAssigned(1, "INC-20261122-0001", PROVIDER, 30, 100L,
				NOW));
	}

	@Test
	void startingTakesAnUnassignedTicketForAMemberOfItsGroupOnly() {
		TicketRow assigned = row(TicketStatus.ASSIGNED).withGroupId(30L);
		assertThatThrownBy(() -> Ticket.of(assigned).start(STRANGER, id -> Optional.of(FIRST_LINE), NOW))
			.isInstanceOfSatisfying(RejectedRequest.class,
					refused -> assertThat(refused.type()).isEqualTo("not-group-member"));
		Ticket ticket = Ticket.of(assigned);
		ticket.start(AGENT, id -> Optional.of(FIRST_LINE), NOW);
		assertThat(ticket.state().status()).isEqualTo(TicketStatus.IN_PROGRESS);
		assertThat(ticket.state().assigneeUserId()).isEqualTo(AGENT.userId());
		assertThat(ticket.events()).containsExactly(new TicketAssigned(1, "INC-20261122-0001", PROVIDER, 30,
				AGENT.userId(), NOW));

		Ticket taken = Ticket.of(assigned.withAssigneeUserId(100L));
		taken.start(AGENT, id -> Optional.of(FIRST_LINE), NOW);
		assertThat(taken.state().assigneeUserId()).isEqualTo(100L);
		assertThat(taken.events()).isEmpty();
	}

	@Test
	void pendingNeedsAReasonAndACommentAndResumingClearsTheReason() {
		Ticket ticket = Ticket.of(row(TicketStatus.IN_PROGRESS));
		assertThatThrownBy(() -> ticket.pend("LATER", null)).isInstanceOfSatisfying(RejectedRequest.class,
				refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("reason", "comment"));
		assertThat(ticket.pend("customer", "等用户回电")).isEqualTo("等用户回电");
		assertThat(ticket.state().pendingReason()).isEqualTo(PendingReason.CUSTOMER);
		ticket.resume();
		assertThat(ticket.state().status()).isEqualTo(TicketStatus.IN_PROGRESS);
		assertThat(ticket.differences()).isEmpty();
		assertThat(ticket.events()).isEmpty();
	}

	@Test
	void closingAndReopeningRegisterTheirEvents() {
		TicketRow resolved = row(TicketStatus.RESOLVED).withGroupId(30L).withAssigneeUserId(101L)
			.withResolutionCode("SOLVED").withResolutionText("好了").withResolvedAt(NOW.minusSeconds(60));
		Ticket closing = Ticket.of(resolved);
		closing.close(TicketAction.CONFIRM, NOW);
		assertThat(closing.state().closedAt()).isEqualTo(NOW);
		assertThat(closing.events()).containsExactly(new TicketClosed(1, "INC-20261122-0001", TicketType.INCIDENT, 50,
				PROVIDER, 101L, 60L, NOW));

		Ticket reopening = Ticket.of(resolved);
		assertThatThrownBy(() -> reopening.reopen(" ", NOW)).isInstanceOfSatisfying(RejectedRequest.class,
				refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("comment"));
		reopening.reopen("还是不行", NOW);
		assertThat(reopening.state().status()).isEqualTo(TicketStatus.IN_PROGRESS);
		assertThat(reopening.state().resolutionCode()).isNull();
		assertThat(reopening.state().resolvedAt()).isNull();
		assertThat(reopening.events()).containsExactly(new TicketReopened(1, "INC-20261122-0001", PROVIDER, 101L, NOW));
		Ticket toGroup = Ticket.of(resolved.withAssigneeUserId(null));
		toGroup.reopen(NOW);
		assertThat(toGroup.state().status()).isEqualTo(TicketStatus.ASSIGNED);
	}

	@Test
	void updatingSaysWhatChangedAndAsksTheMatrixForTheNewPriority() {
		Ticket ticket = Ticket.of(row(TicketStatus.ASSIGNED));
		assertThatThrownBy(() -> ticket.update(new TicketChanges(null, null, "SPACESHIP", null, 4, null),
				(i, u) -> "P1")).isInstanceOfSatisfying(RejectedRequest.class,
						refused -> assertThat(refused.fieldErrors()).containsOnlyKeys("serviceObject", "impact"));
		assertThat(ticket.update(new TicketChanges("打印机脱机", null, null, null, null, null), (i, u) -> "P2"))
			.isFalse();
		assertThat(ticket.update(new TicketChanges(null, "硬件", null, null, 1, 1), (i, u) -> i == 1 && u == 1 ? "P1"
				: "P3")).isTrue();
		assertThat(ticket.reprioritised()).isTrue();
		assertThat(ticket.changeLog()).containsOnlyKeys("category", "impact", "urgency", "priority");
		assertThat(ticket.changeLog().get("priority")).isEqualTo(Timeline.change("P2", "P1"));
		assertThat(ticket.previous()).containsEntry("priority", "P2").containsEntry("impact", 2);
		assertThat(ticket.events()).isEmpty();
	}

	@Test
	void onlyAnIncidentBecomesMajorWithACoordinatorOfTheProvider() {
		Person coordinator = new Person(100, "lead", "组长", null, null, 70, PROVIDER, PartyKind.PROVIDER, true);
		Ticket request = Ticket.of(row(TicketStatus.NEW).withType(TicketType.SERVICE_REQUEST));
		assertThatThrownBy(() -> request.markMajor(true, 100L, coordinator))
			.isInstanceOfSatisfying(RejectedRequest.class,
					refused -> assertThat(refused.type()).isEqualTo("not-an-incident"));
		Ticket incident = Ticket.of(row(TicketStatus.NEW));
		assertThatThrownBy(() -> incident.markMajor(true, 100L, null)).isInstanceOf(RejectedRequest.class);
		Person otherProvider = new Person(103, "other", "他方组长", null, null, 80, OTHER_PROVIDER, PartyKind.PROVIDER,
				true);
		assertThatThrownBy(() -> incident.markMajor(true, 103L, otherProvider))
			.isInstanceOfSatisfying(RejectedRequest.class,
					refused -> assertThat(refused.fieldErrors()).containsKey("coordinatorUserId"));
		assertThat(incident.markMajor(true, 100L, coordinator)).isTrue();
		assertThat(incident.differences()).isEqualTo(Map.of("major", true, "coordinatorUserId", 100L));
		assertThat(Ticket.of(incident.state()).markMajor(true, 100L, coordinator)).isFalse();
	}

	@Test
	void aStoredTicketSaysItWasOpenedAndAssignedWhenItHasAGroup() {
		TicketRow stored = row(TicketStatus.ASSIGNED).withGroupId(30L).withServiceId(9L)
			.withConfigurationItem("PRN-0042");
		assertThat(Ticket.opened(stored).events()).containsExactly(
				new TicketOpened(1, "INC-20261122-0001", TicketType.INCIDENT, 50, PROVIDER, 9L, "PRN-0042", NOW,
						"P2"),
				new TicketAssigned(1, "INC-20261122-0001", PROVIDER, 30, null, NOW));
		assertThat(Ticket.opened(row(TicketStatus.NEW)).events()).hasSize(1)
			.first().isInstanceOf(TicketOpened.class);
	}

	@Test
	void onlyAClosedTicketGivesItsAlertKeyUp() {
		Ticket open = Ticket.of(row(TicketStatus.ASSIGNED).withAlertKey("alertmanager:1:k"));
		assertThatThrownBy(open::releaseAlertKey).isInstanceOf(IllegalStateException.class);
		Ticket closed = Ticket.of(row(TicketStatus.CLOSED).withAlertKey("alertmanager:1:k"));
		closed.releaseAlertKey();
		assertThat(closed.state().alertKey()).isNull();
		assertThat(Ticket.openingStatus(null)).isEqualTo(TicketStatus.NEW);
		assertThat(Ticket.openingStatus(30L)).isEqualTo(TicketStatus.ASSIGNED);
	}

	/** An incident of customer unit 50 reported by user 60, worked by provider {@link #PROVIDER}, priority P2. */
	private static TicketRow row(TicketStatus status) {
		return new TicketRow(1, "INC-20261122-0001", TicketType.INCIDENT, status, null, Channel.PHONE, "打印机脱机",
				"打印机无法打印", 60L, "报障人", null, 50, PROVIDER, null, null, null, null, 2, 2, "P2", null, null, false,
				null, null, null, null, null, null, null, null, null, null, NOW, NOW, 0);
	}
}
