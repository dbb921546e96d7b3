package org.yunwei.change.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.change.ChangeSummary;
import org.yunwei.web.RejectedRequest;

/** Answers the module's facade within the signed-in person's scope. */
@Component
public class ChangeLookup {

	private final ChangeRegister register;
	private final ChangeList list;

	ChangeLookup(ChangeRegister register, ChangeList list) {
		this.register = register;
		this.list = list;
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

	/** The list's first page for the text, each change as the facade shows it. */
	public List<ChangeSummary> search(String text, int limit) {
		String q = text == null || text.isBlank() ? null : text.strip();
		if (q != null && q.length() > 200) {
			return List.of();
		}
		return list.page(new ChangeFilter(null, null, null, null, q, null), null, Math.max(1, Math.min(limit, 50)))
			.items().stream().map(line -> find(line.id())).flatMap(Optional::stream).toList();
	}
}
