package org.yunwei.change.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;

/** A change with the names of the people it mentions, as the signed-in person may read it. */
@Service
class ChangeReading {

	private final ChangeRegister register;
	private final People people;
	private final ChangeClocks clocks;

	ChangeReading(ChangeRegister register, People people, ChangeClocks clocks) {
		this.register = register;
		this.clocks = clocks;
		this.people = people;
	}

	@Transactional(readOnly = true)
	public ChangeView view(long id) {
		return view(register.get(id));
	}

	ChangeView view(ChangeRequest change) {
		String requester = people.find(change.requesterId()).map(Person::displayName).orElse(null);
		String reviewer = change.reviewerId() == null ? null
				: people.find(change.reviewerId()).map(Person::displayName).orElse(null);
		return ChangeView.of(change, requester, reviewer, clocks.of(change.id()));
	}
}
