package org.yunwei.evaluation.internal;

import java.time.Instant;

/**
 * The customer's rating of a resolved ticket (满意度评价), 1 (very dissatisfied) to 5 (very satisfied).
 *
 * @param comment {@code null} when the customer wrote none
 * @param followUpTicketId the follow-up a low rating opened or joined; {@code null} for none
 * @param followUpTicketNumber its number; {@code null} for none
 */
public record SatisfactionRating(long ticketId, int score, String comment, long ratedByUserId, String ratedByName,
		Instant ratedAt, Long followUpTicketId, String followUpTicketNumber) {
}
