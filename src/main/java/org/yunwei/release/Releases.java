package org.yunwei.release;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.yunwei.release.internal.ReleaseLookup;

/**
 * What other modules may ask of release management: a release as the signed-in person may see it (absent outside
 * their scope or without the right to read releases). What happens to releases is told by {@link ReleaseApproved}
 * and {@link ReleaseCompleted}.
 */
@Service
public class Releases {

	private final ReleaseLookup lookup;

	Releases(ReleaseLookup lookup) {
		this.lookup = lookup;
	}

	/** The release, when it exists and the signed-in person may read it. */
	public Optional<ReleaseSummary> find(long releaseId) {
		return lookup.find(releaseId);
	}
}
