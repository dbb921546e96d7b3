package org.yunwei.ticket.internal.routing;

import java.util.List;

import org.yunwei.sla.Priority;
import org.yunwei.ticket.internal.record.Channel;

/**
 * What routing knows of a new ticket.
 *
 * @param serviceId {@code null} for none
 * @param category {@code null} for none
 * @param customerUnitPath the ids from the customer's root unit down to the ticket's unit
 */
public record RoutingRequest(long providerPartyId, Long serviceId, String category, List<Long> customerUnitPath,
		Channel channel, Priority priority) {

	public RoutingRequest {
		customerUnitPath = List.copyOf(customerUnitPath);
	}
}
