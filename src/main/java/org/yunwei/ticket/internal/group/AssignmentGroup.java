package org.yunwei.ticket.internal.group;

import java.util.List;

/**
 * A team that tickets are assigned to (处理组).
 *
 * @param escalationGroupId the second-line group a functional escalation goes to when the SLA names none
 */
public record AssignmentGroup(long id, String code, String name, long partyId, Long leadUserId,
		Long escalationGroupId, boolean enabled, List<Long> memberIds) {

	public AssignmentGroup {
		memberIds = List.copyOf(memberIds);
	}

	public boolean hasMember(long userId) {
		return memberIds.contains(userId);
	}
}
