package org.yunwei.knowledge.internal.search;

import java.time.Instant;

/**
 * A resolved or closed ticket found by the 日常问题查询库 search.
 *
 * @param ticketId the ticket
 * @param number its business number
 * @param type {@code INCIDENT} or {@code SERVICE_REQUEST}
 * @param status {@code RESOLVED} or {@code CLOSED}, as it is now
 * @param subject the ticket's subject
 * @param snippet HTML: the best passage of the resolution, description, service, configuration item and category,
 *        the terms found in {@code <mark>}, all else escaped
 * @param resolvedAt when it was last resolved; {@code null} when not recorded
 * @param link the ticket's page for this reader (the portal's for a customer)
 * @param score the relevance, higher first
 */
public record ResolvedTicketHit(long ticketId, String number, String type, String status, String subject,
		String snippet, Instant resolvedAt, String link, float score) {
}
