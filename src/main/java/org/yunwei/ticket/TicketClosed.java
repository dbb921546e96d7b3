package org.yunwei.ticket;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A ticket was closed (已关闭): confirmed by its customer, closed by the service desk, or closed by the system when
 * nobody confirmed the resolution in time. A closed ticket is what a return visit (回访) asks about.
 *
 * @param ticketId the ticket
 * @param number its business number
 * @param type incident or service request
 * @param customerOrgUnitId the customer department it serves
 * @param providerPartyId the provider that worked it; {@code null} only for a ticket never placed with one
 * @param assigneeUserId who worked it last; {@code null} when nobody was assigned
 * @param reporterUserId who asked; {@code null} for a reporter without an account
 * @param closedAt when it was closed
 */
@DomainEvent
public record TicketClosed(long ticketId, String number, TicketType type, long customerOrgUnitId,
		Long providerPartyId, Long assigneeUserId, Long reporterUserId, Instant closedAt) {
}
