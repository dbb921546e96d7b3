package org.yunwei.ticket;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A ticket was handed to an assignment group and, perhaps, one of its members.
 *
 * @param ticketId the ticket
 * @param number its business number
 * @param providerPartyId the provider of the group, which now works the ticket
 * @param groupId the assignment group
 * @param assigneeUserId the member who works it; {@code null} when the group has not picked one
 * @param assignedAt when it was handed over
 */
@DomainEvent
public record TicketAssigned(long ticketId, String number, Long providerPartyId, long groupId, Long assigneeUserId,
		Instant assignedAt) {
}
