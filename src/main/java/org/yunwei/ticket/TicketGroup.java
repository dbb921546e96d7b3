package org.yunwei.ticket;

/**
 * An assignment group (处理组) as other modules may name it, e.g. in a filter.
 *
 * @param partyId the provider (or management) party the group belongs to
 */
public record TicketGroup(long id, String code, String name, long partyId, boolean enabled) {
}
