package org.yunwei.dataset;

import java.time.Instant;

/**
 * A customer's generated rating of a closed ticket, as the ticket contributor drew it with the ticket's life; the
 * evaluation contributor, which owns the ratings, writes it.
 *
 * @param ticketId the rated ticket
 * @param score 1 to 5
 * @param comment the customer's words, or {@code null}
 * @param ratedByUserId the reporter who rated
 * @param ratedByName the reporter's display name then
 * @param ratedAt when
 */
public record DatasetRating(long ticketId, int score, String comment, long ratedByUserId, String ratedByName,
		Instant ratedAt) {
}
