package org.yunwei.ticket.internal.routing;

import java.time.Instant;

import org.yunwei.sla.Priority;
import org.yunwei.ticket.internal.record.Channel;

/**
 * One of a provider's rules for new tickets that arrive without an assignment group (自动分派规则): when every
 * condition it sets holds, the ticket goes to its group, and to a member of it if the rule assigns one. The
 * provider's rule without conditions is its default, used when no other matches.
 *
 * @param serviceId {@code null}: any service
 * @param category {@code null}: any category; compared without regard to case
 * @param customerOrgUnitId {@code null}: any customer; otherwise this unit or one below it
 * @param channel {@code null}: any channel
 * @param priority {@code null}: any priority
 * @param unassignedEscalationPercent the share of the response target after which a ticket nobody has taken is
 *        escalated; {@code null} for never
 */
public record RoutingRule(long id, long providerPartyId, String name, int position, Long serviceId, String category,
		Long customerOrgUnitId, Channel channel, Priority priority, long groupId, AutoAssignment assignment,
		Integer unassignedEscalationPercent, boolean enabled, Instant updatedAt) {

	public boolean isDefault() {
		return serviceId == null && category == null && customerOrgUnitId == null && channel == null
				&& priority == null;
	}

	/** Whether every condition this rule sets holds for the ticket. */
	boolean matches(RoutingRequest ticket) {
		return (serviceId == null || serviceId.equals(ticket.serviceId()))
				&& (category == null || category.equalsIgnoreCase(ticket.category()))
				&& (customerOrgUnitId == null || ticket.customerUnitPath().contains(customerOrgUnitId))
				&& (channel == null || channel == ticket.channel())
				&& (priority == null || priority == ticket.priority());
	}
}
