package org.yunwei.ticket;

import java.util.List;

import org.springframework.stereotype.Service;
import org.yunwei.ticket.internal.statistics.AssigneeTimeliness;
import org.yunwei.web.DateRange;

/**
 * What other modules may ask of the service desk (服务台): today, how each person handled tickets in a period. Every
 * answer is scoped by the person asking, as the ticket statistics are.
 */
@Service
public class Tickets {

	private final AssigneeTimeliness timeliness;

	Tickets(AssigneeTimeliness timeliness) {
		this.timeliness = timeliness;
	}

	/**
	 * Per assignee, the tickets assigned, resolved and closed in the period, their times to respond and to resolve,
	 * SLA attainment and reopened tickets ({@link AssigneeFigures}), most resolved first; the tickets nobody is
	 * assigned to are a row of their own ({@code assigneeUserId} {@code null}).
	 * <p>
	 * Needs TICKET_REPORT (403 otherwise); management and supervision see every provider's people, a provider its
	 * own, a customer nothing (403).
	 *
	 * @param period days in the service desk's zone, both given, both included
	 * @param providerPartyId only the tickets of this provider party; {@code null} for all the asker may see. An id
	 *        that is no provider the asker may see is refused (400 naming {@code provider})
	 */
	public List<AssigneeFigures> figuresByAssignee(DateRange period, Long providerPartyId) {
		return timeliness.figures(period, providerPartyId);
	}
}
