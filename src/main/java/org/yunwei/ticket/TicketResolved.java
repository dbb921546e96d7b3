package org.yunwei.ticket;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A ticket was resolved (已解决): its customer is asked to confirm the resolution and to rate it.
 *
 * @param ticketId the ticket
 * @param number its business number
 * @param type incident or service request
 * @param customerOrgUnitId the customer department it serves
 * @param providerPartyId the provider that resolved it; {@code null} only for a ticket never placed with one
 * @param assigneeUserId who resolved it; {@code null} when nobody was assigned (e.g. an alert that recovered)
 * @param reporterUserId who asked; {@code null} for a reporter without an account (phone, e-mail, monitoring)
 * @param resolutionCode the resolution code's name
 * @param resolvedAt when it was resolved
 */
@DomainEvent
public record TicketResolved(long ticketId, String number, TicketType type, long customerOrgUnitId,
		Long providerPartyId, Long assigneeUserId, Long reporterUserId, String resolutionCode, Instant resolvedAt) {
}
