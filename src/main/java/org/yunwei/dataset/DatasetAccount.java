package org.yunwei.dataset;

/**
 * A generated person who can call the API: written to the accounts file for the benchmark runner.
 *
 * @param role what the runner does as this person
 * @param userId the user's id
 * @param username the sign-in name
 * @param token an API token of the person ({@code Authorization: Bearer <token>}), derived from the seed
 * @param partyId the person's party
 * @param orgUnitId the person's organisation unit
 */
public record DatasetAccount(Role role, long userId, String username, String token, long partyId, long orgUnitId) {

	public enum Role {
		/** 服务台坐席 of a provider: works tickets of the provider's groups. */
		AGENT,
		/** a customer unit's user: submits tickets for the unit. */
		CUSTOMER,
		/** management with TICKET_REPORT: reads statistics. */
		MANAGER
	}
}
