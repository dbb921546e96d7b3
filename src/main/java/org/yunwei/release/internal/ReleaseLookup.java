package org.yunwei.release.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.release.ReleaseSummary;
import org.yunwei.web.RejectedRequest;

/** Answers the module's facade within the signed-in person's scope. */
@Component
public class ReleaseLookup {

	private final ReleaseRegister register;

	ReleaseLookup(ReleaseRegister register) {
		this.register = register;
	}

	/** Not transactional itself: a refusal inside would mark a caller's transaction for rollback. */
	public Optional<ReleaseSummary> find(long releaseId) {
		try {
			Release r = register.get(releaseId);
			return Optional.of(new ReleaseSummary(r.id(), r.number(), r.title(), r.type().name(), r.status().name(),
					r.releaseVersion(), r.plannedAt(), r.completedAt()));
		}
		catch (RejectedRequest notVisible) {
			return Optional.empty();
		}
	}
}
