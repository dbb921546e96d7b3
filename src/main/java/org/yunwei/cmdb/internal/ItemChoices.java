package org.yunwei.cmdb.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;

/**
 * What the item form offers to choose from, so that nobody types an id: the customer units the writer serves, the
 * providers (management chooses; a provider is its own), the people of the writer's party and of those units, and,
 * for each reference attribute, the items of the referenced class in the writer's scope.
 */
@Component
class ItemChoices {

	private static final int PEOPLE = 300;
	private static final int REFERENCES = 200;

	private final Organisations organisations;
	private final People people;
	private final Ledger ledger;

	ItemChoices(Organisations organisations, People people, Ledger ledger) {
		this.organisations = organisations;
		this.people = people;
		this.ledger = ledger;
	}

	List<OrganisationUnit> units(CmdbScope.View view) {
		return organisations.ofPartyKind(PartyKind.CUSTOMER).stream().filter(OrganisationUnit::enabled)
			.filter(u -> view.everything() || view.unitIds().contains(u.id())).toList();
	}

	List<Party> providers(CmdbScope.View view) {
		return organisations.parties(PartyKind.PROVIDER).stream()
			.filter(p -> view.everything() || p.id() == view.actor().partyId()).toList();
	}

	List<Person> people(CmdbScope.View view) {
		Map<Long, Person> chosen = new LinkedHashMap<>();
		people.ofParty(view.actor().partyId(), PEOPLE).forEach(p -> chosen.put(p.id(), p));
		List<Long> units = units(view).stream().map(OrganisationUnit::id).toList();
		people.ofUnits(units, PEOPLE).forEach(p -> chosen.putIfAbsent(p.id(), p));
		List<Person> all = new ArrayList<>(chosen.values());
		all.sort(Comparator.comparing(Person::displayName));
		return all;
	}

	/** For each reference attribute of the class, the items it may name, by attribute code. */
	Map<String, List<LedgerRow>> references(CiClass itemClass) {
		Map<String, List<LedgerRow>> choices = new HashMap<>();
		for (CiAttribute attribute : itemClass.attributes()) {
			if (attribute.type() == AttributeType.REFERENCE) {
				choices.put(attribute.code(), ledger.page(new LedgerFilter(attribute.referenceClassId(), null, null,
						null, null, null, null, null), null, REFERENCES).items());
			}
		}
		return choices;
	}
}
