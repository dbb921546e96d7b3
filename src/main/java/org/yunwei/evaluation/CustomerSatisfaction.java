package org.yunwei.evaluation;

import java.util.Collection;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.evaluation.internal.SatisfactionOverview;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.Permission;
import org.yunwei.web.DateRange;
import org.yunwei.web.RejectedRequest;

/**
 * What other modules may ask of the customers' satisfaction ratings (满意度): which tickets are rated already, and the
 * figures of a period. Both apply the signed-in person's scope, placing a rating by evaluation's own record of its
 * ticket.
 */
@Service
public class CustomerSatisfaction {

	/** The most ticket ids one call of {@link #ratedAmong} takes. */
	public static final int MAX_TICKETS = 200;

	private final SatisfactionOverview overview;
	private final Actors actors;

	CustomerSatisfaction(SatisfactionOverview overview, Actors actors) {
		this.overview = overview;
		this.actors = actors;
	}

	/**
	 * Of the given tickets, those that have a rating, among the tickets the signed-in person may see: a customer's
	 * page leaves these out of what waits for a rating.
	 *
	 * @param ticketIds at most {@link #MAX_TICKETS}; never {@code null}
	 */
	@Transactional(readOnly = true)
	public Set<Long> ratedAmong(Collection<Long> ticketIds) {
		if (ticketIds.size() > MAX_TICKETS) {
			throw new IllegalArgumentException("at most " + MAX_TICKETS + " tickets, not " + ticketIds.size());
		}
		return ticketIds.isEmpty() ? Set.of() : overview.rated(ticketIds, actors.scope());
	}

	/**
	 * The ratings given in the period within the signed-in person's scope.
	 *
	 * @param period days in the service desk's zone, both given, both included
	 * @throws RejectedRequest 403 without TICKET_REPORT, the permission of the service desk's statistics
	 */
	@Transactional(readOnly = true)
	public SatisfactionSummary summary(DateRange period) {
		Actor actor = actors.current();
		if (!actor.can(Permission.TICKET_REPORT)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return overview.summary(actors.scopeOf(actor), period.from(), period.to().plusDays(1));
	}
}
