package org.yunwei.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What records a person may see and change, decided once from their party and organisation
 * (MISSION "What a person sees is scoped by party and organisation, everywhere, enforced in one place").
 * <ul>
 * <li>management: everything;</li>
 * <li>supervision: everything, read-only;</li>
 * <li>service provider: the records of their own party;</li>
 * <li>customer: the records of their own organisation unit and the units below it.</li>
 * </ul>
 * A record is placed by the party that owns it and the organisation unit it belongs to; a module asks
 * {@link #includes} for one record and {@link #where} for a list query, so that no module writes its own rule. A
 * record placed by one provider party and any number of customer units (a change by the provider that raised it and
 * the units it affects, a release likewise) is asked about with {@link #includesAny} and {@link #whereAny}.
 *
 * @param partyId the person's party
 * @param orgUnitIds for a customer, the ids of their unit and all units below it; empty otherwise
 */
public record DataScope(PartyKind partyKind, long partyId, Set<Long> orgUnitIds) {

	public DataScope {
		orgUnitIds = Set.copyOf(orgUnitIds);
	}

	/** Whether a record of the given party and organisation unit is visible. */
	public boolean includes(Long recordPartyId, Long recordOrgUnitId) {
		return switch (partyKind) {
			case MANAGEMENT, SUPERVISION -> true;
			case PROVIDER -> recordPartyId != null && recordPartyId == partyId;
			case CUSTOMER -> recordOrgUnitId != null && orgUnitIds.contains(recordOrgUnitId);
		};
	}

	/**
	 * Whether a party itself is visible: management and supervision see every party, everyone else only their own
	 * (a customer department knows its own party, not the other departments).
	 */
	public boolean includesParty(long recordPartyId) {
		return switch (partyKind) {
			case MANAGEMENT, SUPERVISION -> true;
			case PROVIDER, CUSTOMER -> recordPartyId == partyId;
		};
	}

	/**
	 * Whether a record placed by one party and any number of organisation units is visible: a provider sees it when
	 * the party is its own, a customer when one of the units lies in its subtree.
	 *
	 * @param recordOrgUnitIds never {@code null}; empty for a record that reaches no unit
	 */
	public boolean includesAny(Long recordPartyId, Collection<Long> recordOrgUnitIds) {
		return switch (partyKind) {
			case MANAGEMENT, SUPERVISION -> true;
			case PROVIDER -> recordPartyId != null && recordPartyId == partyId;
			case CUSTOMER -> recordOrgUnitIds.stream().anyMatch(orgUnitIds::contains);
		};
	}

	/**
	 * The party a record this person raises is placed by, where records are placed by the provider that raised them
	 * ({@link #includesAny}): their own party for a provider, {@code null} for anyone else.
	 */
	public Long providerPartyId() {
		return partyKind == PartyKind.PROVIDER ? partyId : null;
	}

	/** Whether this person may change records at all (supervision reads only). */
	public boolean mayWrite() {
		return partyKind != PartyKind.SUPERVISION;
	}

	/**
	 * A SQL condition restricting rows to this scope, for the given columns holding a row's party id and
	 * organisation unit id; its parameters are positional and come in {@link Condition#parameters()}.
	 */
	public Condition where(String partyColumn, String orgUnitColumn) {
		return switch (partyKind) {
			case MANAGEMENT, SUPERVISION -> new Condition("true", List.of());
			case PROVIDER -> new Condition(partyColumn + " = ?", List.of(partyId));
			// one unit as a plain equality: a GIN index (the tickets' subjects with their scope, ticket/V21) can use
			// "=" but not "= any(...)"
			case CUSTOMER -> orgUnitIds.size() == 1
					? new Condition(orgUnitColumn + " = ?", List.of(orgUnitIds.iterator().next()))
					: new Condition(orgUnitColumn + " = any(cast(? as bigint[]))", List.of(units()));
		};
	}

	/**
	 * The SQL condition of {@link #includesAny}, for the columns holding a row's party id and its organisation unit ids
	 * as a {@code bigint[]} (an overlap a GIN index on the array serves).
	 */
	public Condition whereAny(String partyColumn, String orgUnitIdsColumn) {
		return switch (partyKind) {
			case MANAGEMENT, SUPERVISION -> new Condition("true", List.of());
			case PROVIDER -> new Condition(partyColumn + " = ?", List.of(partyId));
			case CUSTOMER -> new Condition(orgUnitIdsColumn + " && cast(? as bigint[])", List.of(units()));
		};
	}

	/** The customer's units as one array literal: JdbcClient would spread a Java array over several placeholders. */
	private String units() {
		return orgUnitIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}

	/** A SQL fragment with its positional parameters. */
	public record Condition(String sql, List<Object> parameters) {
	}
}
