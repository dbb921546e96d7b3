package org.yunwei.ticket;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A ticket was opened (受理) from any channel: the portal, phone, e-mail, the API or a monitoring alert.
 *
 * @param ticketId the ticket
 * @param number its business number, e.g. {@code INC-20261122-0001}
 * @param type incident or service request
 * @param customerOrgUnitId the customer department it serves
 * @param providerPartyId the provider that works it; {@code null} until it is placed with one
 * @param serviceId the catalogue service it is about; {@code null} when none was chosen
 * @param configurationItem the configuration item named on it, as written; {@code null} when none
 * @param openedAt when it was opened
 * @param priority its priority as opened, {@code P1} to {@code P4}: listeners that care for one priority say so in
 *        their condition, and the event publication registry then keeps no publication for the others
 */
@DomainEvent
public record TicketOpened(long ticketId, String number, TicketType type, long customerOrgUnitId,
		Long providerPartyId, Long serviceId, String configurationItem, Instant openedAt, String priority) {
}
