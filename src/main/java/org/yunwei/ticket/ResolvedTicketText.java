package org.yunwei.ticket;

import java.time.Instant;

/**
 * The texts of a resolved or closed ticket, for a module that indexes what was solved and how (the knowledge base's
 * 日常问题查询库), with what places it in a reader's scope ({@code customerOrgUnitId}, {@code providerPartyId}, as
 * {@link org.yunwei.identity.DataScope#includes} takes them).
 *
 * @param id the ticket
 * @param number its business number
 * @param type incident or service request
 * @param status {@code RESOLVED} or {@code CLOSED}
 * @param subject the title
 * @param description what was reported; empty when nothing was
 * @param resolutionText how it was resolved; empty when nothing was written
 * @param serviceId the catalogue service; {@code null} when none was named
 * @param category the category as the ticket names it; {@code null} when none
 * @param configurationItem the configuration item as the ticket names it; {@code null} when none
 * @param customerOrgUnitId the customer department it serves
 * @param providerPartyId the provider that worked it; {@code null} only for a ticket never placed with one
 * @param resolvedAt when it was last resolved; {@code null} for a ticket closed without a resolution time
 */
public record ResolvedTicketText(long id, String number, TicketType type, String status, String subject,
		String description, String resolutionText, Long serviceId, String category, String configurationItem,
		long customerOrgUnitId, Long providerPartyId, Instant resolvedAt) {
}
