package org.yunwei.ticket;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.yunwei.identity.DataScope;

/**
 * The satisfaction ratings (满意度评价) behind the statistics by assignee: a contract this module defines for what it
 * needs and another module implements, because the ratings are kept by a module that depends on this one (today
 * {@code evaluation}), which this one therefore cannot call. The statistics find the implementation in the
 * application context; without one they show no ratings (every count zero, no mean score).
 */
public interface AssigneeRatings {

	/** Rating key of the tickets nobody is assigned to. */
	long NOBODY = -1;

	/**
	 * How many ratings and their mean score.
	 *
	 * @param count at least 1 in a figure returned by {@link #byAssignee}
	 * @param meanScore 1–5, two decimals (half up); {@code null} only in the zero figure the statistics show for
	 *        nobody rated
	 */
	record Rated(long count, BigDecimal meanScore) {
	}

	/**
	 * Per assignee, the ratings given from {@code start} (included) to {@code end} (excluded) — by the time of the
	 * rating, not of the ticket's resolution — on the tickets within {@code scope}, counted for the rated ticket's
	 * assignee as the rating's module last heard of it (from {@link TicketResolved}, {@link TicketClosed} or
	 * {@link TicketReopened}).
	 *
	 * @param start never {@code null}
	 * @param end never {@code null}
	 * @param scope never {@code null}: a condition on a ticket's {@code provider_party_id} and
	 *        {@code customer_org_unit_id}, unqualified, with its positional parameters (the asker's scope, perhaps
	 *        narrowed to one provider); the implementation applies it to its own record of the tickets, whose columns
	 *        bear these names
	 * @return by assignee user id, {@link #NOBODY} for the tickets nobody is assigned to; an assignee without a
	 *         rating in the period is absent; never {@code null}
	 */
	Map<Long, Rated> byAssignee(Instant start, Instant end, DataScope.Condition scope);
}
