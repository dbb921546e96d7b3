package org.yunwei.emergency.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.identity.Positions;
import org.yunwei.identity.Positions.PostChoice;

/**
 * What the plan form offers: the people of the author's party, and the posts of its units (a role is backed up by a
 * post of the same party; another party's posts are not the author's to see).
 */
@Component
class EmergencyPickers {

	static final int LIMIT = 500;

	private final People people;
	private final Positions positions;
	private final Organisations organisations;

	EmergencyPickers(People people, Positions positions, Organisations organisations) {
		this.people = people;
		this.positions = positions;
		this.organisations = organisations;
	}

	List<Person> people(Actor author) {
		return people.ofParty(author.partyId(), LIMIT);
	}

	List<PostChoice> posts(Actor author) {
		return positions.postChoices(LIMIT).stream().filter(choice -> postOf(choice.id(), author.partyId())).toList();
	}

	/** Whether a post belongs to a unit of the party. */
	boolean postOf(long postId, long partyId) {
		return positions.post(postId)
			.flatMap(post -> organisations.find(post.orgUnitId()))
			.filter(unit -> unit.partyId() == partyId)
			.isPresent();
	}

	/** Whether a person is an enabled person of the party. */
	boolean personOf(long userId, long partyId) {
		return people.find(userId).filter(p -> p.enabled() && p.partyId() == partyId).isPresent();
	}
}
