package org.yunwei.ticket;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A resolved ticket was reopened: the resolution did not hold, and the resolution clock runs again.
 *
 * @param ticketId the ticket
 * @param number its business number
 * @param providerPartyId the provider that works it
 * @param assigneeUserId who worked it; {@code null} when nobody was assigned
 * @param reopenedAt when it was reopened
 */
@DomainEvent
public record TicketReopened(long ticketId, String number, Long providerPartyId, Long assigneeUserId,
		Instant reopenedAt) {
}
