package org.yunwei.change;

import java.util.List;
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

	/**
	 * The changes the signed-in person may read whose number or title contain the text, most recently updated first,
	 * at most {@code limit} (1–50); the latest ones for a blank text. For pickers, e.g. the changes a release delivers.
	 */
	public List<ChangeSummary> search(String text, int limit) {
		return lookup.search(text, limit);
	}
}
