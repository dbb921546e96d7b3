package org.yunwei.ticket;

import java.time.Instant;

/**
 * What another module may know of a ticket: enough to show it, place it in a scope and link to it. The ticket itself
 * (its timeline, clocks and rules) stays in this module.
 *
 * @param id the ticket
 * @param number its business number, e.g. {@code INC-20261122-0001}
 * @param type incident or service request
 * @param status the lifecycle state's name: {@code NEW}, {@code ASSIGNED}, {@code IN_PROGRESS}, {@code PENDING},
 *        {@code RESOLVED} or {@code CLOSED}
 * @param priority {@code P1} to {@code P4}
 * @param subject the title
 * @param customerOrgUnitId the customer department it serves
 * @param providerPartyId the provider that works it; {@code null} while no provider has it
 * @param groupId the assignment group; {@code null} while unassigned
 * @param assigneeUserId who works it; {@code null} while nobody has taken it
 * @param reporterUserId who asked; {@code null} for a reporter without an account (phone, e-mail, monitoring)
 * @param reporterName the reporter's name as given
 * @param reporterContact how to reach the reporter; {@code null} when not given
 * @param serviceId the catalogue service; {@code null} when none was named
 * @param configurationItem the configuration item named; {@code null} when none
 * @param major whether it is a major incident
 * @param resolutionText how it was resolved; {@code null} before resolution
 * @param resolvedAt when it was last resolved; {@code null} before resolution and after a reopening
 * @param closedAt when it was closed; {@code null} while not closed
 * @param createdAt when it was opened
 */
public record TicketReference(long id, String number, TicketType type, String status, String priority,
		String subject, long customerOrgUnitId, Long providerPartyId, Long groupId, Long assigneeUserId,
		Long reporterUserId, String reporterName, String reporterContact, Long serviceId, String configurationItem,
		boolean major, String resolutionText, Instant resolvedAt, Instant closedAt, Instant createdAt) {

	/** Whether the ticket is resolved or closed: the time for a rating and a return visit. */
	public boolean finished() {
		return "RESOLVED".equals(status) || "CLOSED".equals(status);
	}

	/** Whether somebody still has to work on it (new, assigned, in progress or pending). */
	public boolean open() {
		return !finished();
	}
}
