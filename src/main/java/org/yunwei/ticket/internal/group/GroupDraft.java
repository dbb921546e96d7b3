package org.yunwei.ticket.internal.group;

import java.util.List;

/**
 * What a person submits for an assignment group.
 *
 * @param partyId the group's party; a provider's administrator may only name their own (management: any provider
 *        or management itself); fixed once the group exists
 * @param enabled {@code null} keeps the current value (a new group is enabled)
 */
public record GroupDraft(String code, String name, Long partyId, Long leadUserId, Long escalationGroupId,
		List<Long> memberIds, Boolean enabled) {

	public GroupDraft {
		memberIds = memberIds == null ? List.of() : memberIds.stream().filter(java.util.Objects::nonNull).distinct()
			.toList();
	}
}
