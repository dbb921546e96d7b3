package org.yunwei.identity;

/**
 * A user as other modules see them: to name an assignee, to notify a reporter.
 *
 * @param email {@code null} when none is known
 * @param enabled whether the account may sign in (and should still be notified or assigned work)
 */
public record Person(long id, String username, String displayName, String email, String phone, long orgUnitId,
		long partyId, PartyKind partyKind, boolean enabled) {
}
