package org.yunwei.change.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.change.ChangeSummary;
import org.yunwei.web.RejectedRequest;

/** Answers the module's facade within the signed-in person's scope. */
@Component
public class ChangeLookup {

	private final ChangeRegister register;

	ChangeLookup(ChangeRegister register) {
		this.register = register;
	}

	/** Not transactional itself: a refusal inside would mark a caller's transaction for rollback. */
	public Optional<ChangeSummary> find(long changeId) {
		try {
			ChangeRequest c = register.get(changeId);
			return Optional.of(new ChangeSummary(c.id(), c.number(), c.title(), c.status().name(),
					c.category().name(), c.riskLevel().name(), c.plannedStart(), c.plannedEnd(),
					c.outcome() == null ? null : c.outcome().name()));
		}
		catch (RejectedRequest notVisible) {
			return Optional.empty();
		}
	}
}
