package org.yunwei.ticket.internal.web;

import java.util.List;

/** The bodies of the ticket API's actions. */
final class TicketRequests {

	private TicketRequests() {
	}

	record Assign(Long groupId, Long assigneeUserId, String comment) {
	}

	record Pend(String reason, String comment) {
	}

	record Comment(String comment) {
	}

	record Resolve(String resolutionCode, String resolutionText) {
	}

	record Text(String body) {
	}

	record WorkLog(Integer minutes, String body) {
	}

	record Major(Boolean major, Long coordinatorUserId) {
	}

	/**
	 * One action on several tickets, all or none.
	 *
	 * @param action ASSIGN, START, RESOLVE or CLOSE
	 */
	record Bulk(List<Long> ids, String action, Long groupId, Long assigneeUserId, String resolutionCode,
			String resolutionText) {
	}
}
