package org.yunwei.document.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;

/** What the library's forms offer to pick: owners, parties, units and people to ask. */
@Component
class DocumentPickers {

	static final int PEOPLE = 500;

	private final People people;
	private final Organisations organisations;

	DocumentPickers(People people, Organisations organisations) {
		this.people = people;
		this.organisations = organisations;
	}

	/** The people of the keeper's party. */
	List<Person> owners(Actor actor) {
		return people.ofParty(actor.partyId(), PEOPLE);
	}

	List<Party> parties() {
		List<Party> all = new ArrayList<>();
		for (PartyKind kind : PartyKind.values()) {
			all.addAll(organisations.parties(kind));
		}
		return all;
	}

	List<OrganisationUnit> units() {
		List<OrganisationUnit> all = new ArrayList<>();
		for (PartyKind kind : PartyKind.values()) {
			all.addAll(organisations.ofPartyKind(kind));
		}
		return all;
	}

	/** The people a version may ask: those of every party the keeper's side works with. */
	List<Person> readers(Actor actor) {
		if (actor.partyKind() == PartyKind.MANAGEMENT) {
			List<Person> all = new ArrayList<>();
			for (Party party : parties()) {
				all.addAll(people.ofParty(party.id(), PEOPLE));
			}
			return all;
		}
		return people.ofParty(actor.partyId(), PEOPLE);
	}
}
