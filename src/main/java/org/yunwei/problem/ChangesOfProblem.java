package org.yunwei.problem;

import java.util.List;

/**
 * The changes recorded as fixing a problem: implemented by change management, so that problem management depends on
 * nothing of it. Without an implementation, a problem's page shows no changes.
 */
public interface ChangesOfProblem {

	/** A change as a problem's page shows it; {@code statusKey} is the message key of its state's name. */
	record ProblemFixingChange(long id, String number, String title, String statusKey) {
	}

	/** The changes the signed-in person may read that fix the problem, newest first. */
	List<ProblemFixingChange> fixingProblem(long problemId);
}
