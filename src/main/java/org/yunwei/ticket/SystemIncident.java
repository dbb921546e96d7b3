package org.yunwei.ticket;

/**
 * An incident another module opens for what it found itself — an inspection's failed item or out-of-range reading —
 * rather than for a person's report: checked like any other ticket, on the monitoring channel.
 *
 * @param customerOrgUnitId the customer unit it serves (required, as for every ticket)
 * @param providerPartyId the provider that works it, when no service names one; {@code null} for none
 * @param configurationItem the item's name, as a ticket names it; {@code null} for none
 * @param reporterName who or what reported it, e.g. the inspection plan
 * @param authorUserId the person on whose work it was found; {@code null} for the system
 * @param authorName their name, or the system's
 * @param impact 1 (high) to 3 (low)
 * @param urgency 1 (high) to 3 (low)
 */
public record SystemIncident(String subject, String description, long customerOrgUnitId, Long providerPartyId,
		String configurationItem, String category, String reporterName, Long authorUserId, String authorName,
		int impact, int urgency) {
}
