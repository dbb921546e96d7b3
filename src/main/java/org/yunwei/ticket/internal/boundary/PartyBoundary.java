package org.yunwei.ticket.internal.boundary;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.Actor;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Person;

/**
 * The party boundaries of the service desk (docs/security.md "Party boundaries"): every reference that could move
 * a ticket, or what it says, from one party to another is asked here, and nowhere else.
 * <ul>
 * <li>a group hands tickets (its second line, an escalation step) only to a group of its own party or of
 * management's;</li>
 * <li>an agent records tickets, and an alert route opens them, only for the customer units the party serves:
 * management serves every unit, a provider the units that may order one of its enabled catalogue services (and the
 * units below them);</li>
 * <li>a ticket's reporter belongs to its customer unit or a unit below it;</li>
 * <li>a major incident's coordinator, who receives the stakeholder updates, is of the ticket's provider or of
 * management.</li>
 * </ul>
 */
@Component
public class PartyBoundary {

	private final Organisations organisations;
	private final ServiceCatalog catalog;

	PartyBoundary(Organisations organisations, ServiceCatalog catalog) {
		this.organisations = organisations;
		this.catalog = catalog;
	}

	/**
	 * Whether work of {@code fromPartyId} may be handed to a group of {@code toPartyId}: within the party, or up to
	 * management. Work of no party yet ({@code null}) goes only to management.
	 */
	public boolean mayHandOver(Long fromPartyId, long toPartyId) {
		return fromPartyId != null && fromPartyId == toPartyId || management(toPartyId);
	}

	/** Whether the agent may record a ticket for this customer unit. */
	public boolean serves(Actor agent, OrganisationUnit unit) {
		return serves(agent.partyKind(), agent.partyId(), unit);
	}

	/** Whether tickets of this customer unit may be worked by this party (e.g. the provider an alert route names). */
	public boolean serves(long partyId, OrganisationUnit unit) {
		return organisations.findParty(partyId).map(p -> serves(p.kind(), p.id(), unit)).orElse(false);
	}

	/** The customer units, among these, that the agent may record tickets for, in the given order. */
	public List<OrganisationUnit> served(Actor agent, List<OrganisationUnit> units) {
		return units.stream().filter(servedBy(agent.partyKind(), agent.partyId())).toList();
	}

	/** Whether the person may be named as the reporter of a ticket for this unit. */
	public boolean reportsFor(Person reporter, OrganisationUnit unit) {
		return reporter.enabled() && organisations.find(reporter.orgUnitId()).filter(u -> u.within(unit.id()))
			.isPresent();
	}

	/** Whether the person may coordinate a major incident that this provider works. */
	public static boolean mayCoordinate(Person coordinator, Long providerPartyId) {
		return coordinator.enabled() && (coordinator.partyKind() == PartyKind.MANAGEMENT
				|| providerPartyId != null && coordinator.partyId() == providerPartyId);
	}

	/**
	 * {@link #servedBy} for one unit, as every ticket an agent records asks: whether the party's units provide an
	 * enabled service that the unit or one above it may order, without reading every provider's units and every
	 * customer of the party's services.
	 */
	private boolean serves(PartyKind kind, long partyId, OrganisationUnit unit) {
		return switch (kind) {
			case MANAGEMENT -> unit.partyKind() == PartyKind.CUSTOMER;
			case PROVIDER -> unit.partyKind() == PartyKind.CUSTOMER
					&& catalog.orderedByAny(organisations.unitIdsOf(partyId), unit.ancestorIds());
			case CUSTOMER, SUPERVISION -> false;
		};
	}

	private Predicate<OrganisationUnit> servedBy(PartyKind kind, long partyId) {
		return switch (kind) {
			case MANAGEMENT -> unit -> unit.partyKind() == PartyKind.CUSTOMER;
			case PROVIDER -> {
				Set<Long> customers = catalog.customersOf(organisations.ofPartyKind(PartyKind.PROVIDER).stream()
					.filter(u -> u.partyId() == partyId).map(OrganisationUnit::id).toList());
				yield unit -> unit.partyKind() == PartyKind.CUSTOMER
						&& unit.ancestorIds().stream().anyMatch(customers::contains);
			}
			case CUSTOMER, SUPERVISION -> unit -> false;
		};
	}

	private boolean management(long partyId) {
		Optional<Party> party = organisations.findParty(partyId);
		return party.filter(p -> p.kind() == PartyKind.MANAGEMENT).isPresent();
	}
}
