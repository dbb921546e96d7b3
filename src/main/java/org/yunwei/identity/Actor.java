package org.yunwei.identity;

import java.util.Set;

/**
 * The person on whose behalf a request runs, as other modules may see them.
 */
public record Actor(long userId, String username, String displayName, long partyId, PartyKind partyKind,
		long orgUnitId, Set<String> roles, Set<Permission> permissions) {

	public boolean can(Permission permission) {
		return permissions.contains(permission);
	}
}
