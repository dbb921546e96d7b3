package org.yunwei.identity;

import java.util.Arrays;
import java.util.List;

/**
 * An organisation unit as other modules see it: which party it belongs to, and where it sits in that party's tree.
 *
 * @param ancestorIds the ids from the party's root unit down to and including this unit
 */
public record OrganisationUnit(long id, String code, String name, long partyId, String partyName,
		PartyKind partyKind, List<Long> ancestorIds, boolean enabled) {

	public OrganisationUnit {
		ancestorIds = List.copyOf(ancestorIds);
	}

	/** Whether this unit is {@code otherId} or lies below it. */
	public boolean within(long otherId) {
		return ancestorIds.contains(otherId);
	}

	static List<Long> idsOfPath(String path) {
		return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
	}
}
