package org.yunwei.problem.internal;

import org.yunwei.web.FieldErrors;

/**
 * The list's filters as a request gives them: {@code status} a state or {@code open}, {@code priority} P1–P4,
 * {@code source}, {@code knownError}, {@code q} a number or a part of the subject, {@code sort} {@code newest} (the
 * default) or {@code priority}.
 */
public record ProblemFilter(String status, String priority, String source, Boolean knownError, String q,
		String sort) {

	static final int Q_MAX = 100;

	/** Whether anything narrows the list (for the empty state's words). */
	public boolean narrowed() {
		return FieldErrors.clean(status) != null || FieldErrors.clean(priority) != null
				|| FieldErrors.clean(source) != null || knownError != null || FieldErrors.clean(q) != null;
	}

	public boolean byPriority() {
		return "priority".equals(FieldErrors.clean(sort));
	}
}
