package org.yunwei.problem;

import java.time.Instant;
import java.util.List;

/**
 * A problem was recorded.
 *
 * @param problemId the problem
 * @param number its business number, e.g. {@code PRB-20261207-0001}
 * @param incidentIds the incidents it was opened from; empty for a problem recorded on its own
 * @param at when it was recorded
 */
public record ProblemOpened(long problemId, String number, List<Long> incidentIds, Instant at) {

	public ProblemOpened {
		incidentIds = List.copyOf(incidentIds);
	}
}
