package org.yunwei.release.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;

/** A release with the names of the people it mentions, as the signed-in person may read it. */
@Service
class ReleaseReading {

	private final ReleaseRegister register;
	private final People people;

	ReleaseReading(ReleaseRegister register, People people) {
		this.register = register;
		this.people = people;
	}

	@Transactional(readOnly = true)
	public ReleaseView view(long id) {
		return view(register.get(id));
	}

	ReleaseView view(Release release) {
		String requester = people.find(release.requesterId()).map(Person::displayName).orElse(null);
		String completer = release.completedBy() == null ? null
				: people.find(release.completedBy()).map(Person::displayName).orElse(null);
		return ReleaseView.of(release, requester, completer);
	}
}
