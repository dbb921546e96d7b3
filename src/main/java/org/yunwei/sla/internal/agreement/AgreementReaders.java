package org.yunwei.sla.internal.agreement;

import java.util.List;

import org.yunwei.identity.Actor;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;

/**
 * Who may read which agreements (docs/security.md, "Access model"): a right and the scope, both. The right: a
 * customer's people read the agreements that cover them; elsewhere SLA_MANAGE or SLA_REPORT, or a service desk role
 * (TICKET_WORK, TICKET_ADMIN, TICKET_REPORT: the desk works to the agreements' targets). Administrators, integration
 * accounts and people without such a role read none ({@link #mayReadAny}). The scope: management and supervision read
 * them all; a provider reads those that name it; a customer reads those that cover its unit, i.e. whose customer unit
 * is its own unit or a unit above it, and those that name no customer (they cover every customer), and sees of their
 * services only those its unit may order. Anyone else's agreement is "not found".
 *
 * @param unitAncestorIds a customer's unit and the units above it
 */
public record AgreementReaders(PartyKind partyKind, long partyId, List<Long> unitAncestorIds) {

	public AgreementReaders {
		unitAncestorIds = List.copyOf(unitAncestorIds);
	}

	static AgreementReaders of(Actor actor, List<Long> unitAncestorIds) {
		return new AgreementReaders(actor.partyKind(), actor.partyId(), unitAncestorIds);
	}

	/** Whether this person has a right to read agreements at all. */
	public static boolean mayReadAny(Actor actor) {
		return actor.partyKind() == PartyKind.CUSTOMER || actor.can(Permission.SLA_MANAGE)
				|| actor.can(Permission.SLA_REPORT) || actor.can(Permission.TICKET_WORK)
				|| actor.can(Permission.TICKET_ADMIN) || actor.can(Permission.TICKET_REPORT);
	}

	/** Whether a customer reads the agreement: its services are then only those the customer may order. */
	boolean customer() {
		return partyKind == PartyKind.CUSTOMER;
	}

	boolean mayRead(long providerPartyId, Long customerOrgUnitId) {
		return switch (partyKind) {
			case MANAGEMENT, SUPERVISION -> true;
			case PROVIDER -> providerPartyId == partyId;
			case CUSTOMER -> customerOrgUnitId == null || unitAncestorIds.contains(customerOrgUnitId);
		};
	}

	/** The same rule as a SQL condition on {@code a.provider_party_id} and {@code a.customer_org_unit_id}. */
	Condition where() {
		return switch (partyKind) {
			case MANAGEMENT, SUPERVISION -> new Condition("true", List.of());
			case PROVIDER -> new Condition("a.provider_party_id = ?", List.of(partyId));
			case CUSTOMER -> new Condition(
					"(a.customer_org_unit_id is null or a.customer_org_unit_id = any(cast(? as bigint[])))",
					List.of(Agreements.arrayLiteral(unitAncestorIds)));
		};
	}

	record Condition(String sql, List<Object> parameters) {
	}
}
