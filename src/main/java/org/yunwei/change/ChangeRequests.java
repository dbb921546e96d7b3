package org.yunwei.change;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.yunwei.change.internal.ChangeLookup;

/**
 * What other modules may ask of change management: a change as the signed-in person may see it (absent outside
 * their scope or without the right to read changes). What happens to changes is told by {@link ChangeApproved},
 * {@link ChangeImplemented} and {@link ChangeClosed}.
 */
@Service
public class ChangeRequests {

	private final ChangeLookup lookup;

	ChangeRequests(ChangeLookup lookup) {
		this.lookup = lookup;
	}

	/** The change, when it exists and the signed-in person may read it. */
	public Optional<ChangeSummary> find(long changeId) {
		return lookup.find(changeId);
	}
}
