package org.yunwei.ticket.internal.work;

/**
 * Fields an agent changes on an open ticket; {@code null} leaves a field as it is (send an empty string to clear a
 * text). A new impact or urgency gives a new priority from the matrix and retargets the SLA clocks.
 */
public record TicketChanges(String subject, String category, String serviceObject, String configurationItem,
		Integer impact, Integer urgency) {
}
