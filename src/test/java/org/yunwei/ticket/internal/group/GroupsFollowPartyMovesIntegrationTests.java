package org.yunwei.ticket.internal.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.yunwei.support.IntegrationTestSupport;
import org.yunwei.support.TestDirectory;

/**
 * A person moved to another party leaves the old party's assignment groups, as member and as lead, so that the old
 * party's tickets no longer reach them through the group's notifications; a move within the party leaves them in.
 */
@EnableScenarios
class GroupsFollowPartyMovesIntegrationTests extends IntegrationTestSupport {

	TestDirectory directory;
	long unitA;
	long otherUnitA;
	long unitB;
	long engineer;
	long colleague;
	long groupA;

	@BeforeEach
	void groups() {
		directory = new TestDirectory(jdbc);
		long providerA = directory.party("PROVIDER", "甲运维公司");
		unitA = directory.orgUnit(providerA, null, "甲一部");
		otherUnitA = directory.orgUnit(providerA, null, "甲二部");
		unitB = directory.orgUnit(directory.party("PROVIDER", "乙运维公司"), null, "乙一部");
		engineer = directory.userId(directory.user(unitA));
		colleague = directory.userId(directory.user(unitA));
		groupA = group(providerA, engineer, List.of(engineer, colleague));
	}

	@Test
	void aPersonMovedToAnotherProviderLeavesItsGroupsAndTheirLeadAndTheChangeIsAudited(Scenario scenario) {
		scenario.stimulate(() -> assertThat(move(engineer, unitB)).isEqualTo(200))
			.andWaitForStateChange(() -> members(groupA).contains(engineer) ? null : members(groupA))
			.andVerify(members -> assertThat(members).containsExactly(colleague));

		assertThat(jdbc.sql("select lead_user_id is null from ticket_group where id = ?").param(groupA)
			.query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("""
				select count(*) from audit_record where action = 'TICKET_GROUP_CHANGED' and object_id = ?
				    and actor = 'DIRECTORY'""").param(String.valueOf(groupA)).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aMoveWithinTheProviderKeepsThePersonInItsGroups() {
		assertThat(move(engineer, otherUnitA)).isEqualTo(200);

		assertThat(members(groupA)).containsExactlyInAnyOrder(engineer, colleague);
		assertThat(jdbc.sql("select lead_user_id from ticket_group where id = ?").param(groupA).query(Long.class)
			.single()).isEqualTo(engineer);
	}

	private int move(long userId, long orgUnitId) {
		return api().put("/api/v1/users/" + userId, adminToken(), map("displayName", "调岗工程师", "orgUnitId", orgUnitId))
			.status();
	}

	private long group(long partyId, long leadUserId, List<Long> memberIds) {
		long id = jdbc.sql("insert into ticket_group (code, name, party_id, lead_user_id) values (?, ?, ?, ?) returning id")
			.params(TestDirectory.unique("G"), "网络组", partyId, leadUserId).query(Long.class).single();
		for (long member : memberIds) {
			jdbc.sql("insert into ticket_group_member (group_id, user_id) values (?, ?)").params(id, member).update();
		}
		return id;
	}

	private List<Long> members(long groupId) {
		return jdbc.sql("select user_id from ticket_group_member where group_id = ? order by user_id").param(groupId)
			.query(Long.class).list();
	}
}
