package org.yunwei.ticket.internal.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.yunwei.catalog.CatalogService;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.ticket.internal.boundary.PartyBoundary;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;
import org.yunwei.ticket.internal.list.TicketSummary;

/**
 * The names a ticket page shows instead of ids, and the choices its forms offer, looked up once per page.
 */
@Component
class TicketPageDirectory {

	private static final int CHOICES = 1000;

	private final Organisations organisations;
	private final ServiceCatalog catalog;
	private final AssignmentGroups groups;
	private final People people;
	private final Actors actors;
	private final PartyBoundary boundary;

	TicketPageDirectory(Organisations organisations, ServiceCatalog catalog, AssignmentGroups groups, People people,
			Actors actors, PartyBoundary boundary) {
		this.boundary = boundary;
		this.organisations = organisations;
		this.catalog = catalog;
		this.groups = groups;
		this.people = people;
		this.actors = actors;
	}

	/** The names of what a page of tickets refers to. */
	Names names(Collection<TicketSummary> rows) {
		Map<Long, String> units = new HashMap<>();
		organisations.findAll(rows.stream().map(TicketSummary::customerOrgUnitId).collect(Collectors.toSet()))
			.forEach(u -> units.put(u.id(), u.name()));
		Map<Long, String> services = new HashMap<>();
		rows.stream().map(TicketSummary::serviceId).filter(Objects::nonNull).distinct()
			.forEach(id -> catalog.find(id).ifPresent(s -> services.put(id, s.name())));
		Map<Long, String> groupNames = new HashMap<>();
		rows.stream().map(TicketSummary::groupId).filter(Objects::nonNull).distinct()
			.forEach(id -> groups.find(id).ifPresent(g -> groupNames.put(id, g.name())));
		Map<Long, String> persons = new HashMap<>();
		people.findAll(rows.stream().map(TicketSummary::assigneeUserId).filter(Objects::nonNull)
			.collect(Collectors.toSet())).forEach(p -> persons.put(p.id(), p.displayName()));
		return new Names(units, services, groupNames, persons);
	}

	/** Names of people by id, for a timeline. */
	Map<Long, String> peopleNames(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		people.findAll(ids.stream().filter(Objects::nonNull).collect(Collectors.toSet()))
			.forEach(p -> names.put(p.id(), p.displayName()));
		return names;
	}

	String groupName(Long id) {
		return id == null ? null : groups.find(id).map(AssignmentGroup::name).orElse(null);
	}

	/** The enabled customer units the signed-in agent may record a ticket for, by party and tree. */
	List<OrganisationUnit> customerUnits() {
		return boundary.served(actors.current(), organisations.ofPartyKind(PartyKind.CUSTOMER).stream()
			.filter(OrganisationUnit::enabled).toList());
	}

	/**
	 * The people the signed-in agent may name as the reporter of a ticket for this unit: its users and those of the
	 * units below it, when the agent's party serves it; nobody otherwise. A caller is told apart by the last digits
	 * of their number, which is all the picker shows of it.
	 */
	List<ReporterChoice> reporters(long unitId) {
		List<OrganisationUnit> customerUnits = organisations.ofPartyKind(PartyKind.CUSTOMER);
		Optional<OrganisationUnit> unit = customerUnits.stream().filter(u -> u.id() == unitId).findFirst()
			.filter(u -> boundary.serves(actors.current(), u));
		if (unit.isEmpty()) {
			return List.of();
		}
		List<Long> subtree = customerUnits.stream().filter(u -> u.within(unitId)).map(OrganisationUnit::id).toList();
		return people.ofUnits(subtree, CHOICES).stream().map(ReporterChoice::of).toList();
	}

	/** The services an agent may record a ticket about: their own provider's (all of them for management). */
	List<CatalogService> servicesForAgents() {
		Actor actor = actors.current();
		List<CatalogService> enabled = catalog.enabled(CHOICES);
		if (actor.partyKind() != PartyKind.PROVIDER) {
			return enabled;
		}
		Map<Long, Long> partyOfUnit = new HashMap<>();
		return enabled.stream().filter(s -> partyOfUnit.computeIfAbsent(s.providerOrgUnitId(),
				unit -> organisations.find(unit).map(OrganisationUnit::partyId).orElse(-1L)) == actor.partyId())
			.toList();
	}

	/** The services the signed-in customer's unit may order. */
	List<CatalogService> orderable() {
		return catalog.orderableBy(actors.current().orgUnitId(), CHOICES);
	}

	/** The enabled groups the signed-in person sees. */
	List<AssignmentGroup> groups() {
		return groups.visibleTo(actors.scope()).stream().filter(AssignmentGroup::enabled).toList();
	}

	/** Every group the signed-in person sees, enabled or not (the administration's list). */
	List<AssignmentGroup> allGroups() {
		return groups.visibleTo(actors.scope());
	}

	/** The members of each group, for "assignee" choices grouped by team. */
	Map<AssignmentGroup, List<Person>> members(List<AssignmentGroup> teams) {
		Set<Long> ids = teams.stream().flatMap(g -> g.memberIds().stream()).collect(Collectors.toSet());
		Map<Long, Person> byId = new HashMap<>();
		people.findAll(ids).forEach(p -> byId.put(p.id(), p));
		Map<AssignmentGroup, List<Person>> members = new LinkedHashMap<>();
		for (AssignmentGroup team : teams) {
			members.put(team, team.memberIds().stream().map(byId::get).filter(Objects::nonNull)
				.filter(Person::enabled).toList());
		}
		return members;
	}

	/**
	 * People who may coordinate a major incident of this provider: the members of the groups the person sees, and
	 * their colleagues, as far as {@link PartyBoundary#mayCoordinate} lets them.
	 */
	List<Person> coordinators(List<AssignmentGroup> teams, Long providerPartyId) {
		Set<Person> candidates = new LinkedHashSet<>();
		members(teams).values().forEach(candidates::addAll);
		Actor actor = actors.current();
		candidates.addAll(people.ofParty(actor.partyId(), CHOICES));
		return candidates.stream().filter(p -> PartyBoundary.mayCoordinate(p, providerPartyId)).distinct().toList();
	}

	/** The enabled users of a party, e.g. the reporters of a customer unit's party or a group's members. */
	List<Person> ofParty(long partyId) {
		return people.ofParty(partyId, CHOICES);
	}

	/** The names a list of tickets shows beside its ids. */
	record Names(Map<Long, String> units, Map<Long, String> services, Map<Long, String> groups,
			Map<Long, String> people) {

		public String unit(long id) {
			return units.getOrDefault(id, "#" + id);
		}

		public String service(Long id) {
			return id == null ? null : services.getOrDefault(id, "#" + id);
		}

		public String group(Long id) {
			return id == null ? null : groups.getOrDefault(id, "#" + id);
		}

		public String person(Long id) {
			return id == null ? null : people.getOrDefault(id, "#" + id);
		}
	}
}
