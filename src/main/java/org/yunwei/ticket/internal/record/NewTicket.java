package org.yunwei.ticket.internal.record;

import org.yunwei.ticket.TicketType;

/** A checked ticket about to be inserted: every value valid. Its priority is the matrix's, read with its id. */
public record NewTicket(TicketType type, TicketStatus status, Channel channel, String subject, String description,
		Long reporterUserId, String reporterName, String reporterContact, long customerOrgUnitId,
		Long providerPartyId, Long serviceId, String serviceObject, String configurationItem, String category,
		int impact, int urgency, Long groupId, Long assigneeUserId, String alertKey) {
}
