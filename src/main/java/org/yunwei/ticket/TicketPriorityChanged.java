package org.yunwei.ticket;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * An open ticket's priority was changed (a new impact or urgency gave another priority from the matrix), e.g. an
 * incident raised to P1 after it was opened.
 *
 * @param ticketId the ticket
 * @param number its business number
 * @param type incident or service request
 * @param providerPartyId the provider that works it; {@code null} until it is placed with one
 * @param previousPriority the priority before, {@code P1} to {@code P4}
 * @param priority the priority now
 * @param at when it was changed
 */
@DomainEvent
public record TicketPriorityChanged(long ticketId, String number, TicketType type, Long providerPartyId,
		String previousPriority, String priority, Instant at) {
}
