package org.yunwei.home.internal;

import java.time.LocalDate;
import java.util.List;

import org.yunwei.evaluation.SatisfactionSummary;
import org.yunwei.identity.Actor;
import org.yunwei.notification.UnreadNotifications;
import org.yunwei.ticket.GroupLoad;
import org.yunwei.ticket.PeriodFigures;

/**
 * What one person's home page shows: a section per thing they do, {@code null} for a section that is not theirs.
 * A person with several roles gets the sections of each.
 */
record HomePage(Actor actor, Requests requests, Work work, Desk desk, Month month, UnreadNotifications unread,
		boolean administration, boolean audit, long waitingApprovals) {

	/** A customer's: their open requests (each with what it waits for from them) and resolved ones to rate. */
	record Requests(List<HomeTicket> open, List<HomeTicket> toRate) {
	}

	/** An agent's: their queue, the tickets near or past their target, the unassigned tickets of their groups. */
	record Work(List<HomeTicket> queue, List<HomeTicket> dueSoon, List<HomeTicket> unassigned) {
	}

	/** A service desk manager's: the load of each group and the tickets past their target. */
	record Desk(List<GroupLoad> loads, List<HomeTicket> overdue) {
	}

	/**
	 * Management's and supervision's figures of the month so far, with the reports they may open.
	 *
	 * @param satisfaction {@code null} when the person may not read ratings
	 */
	record Month(LocalDate from, LocalDate to, PeriodFigures figures, SatisfactionSummary satisfaction,
			boolean attainmentReport, boolean returnVisitReport) {
	}
}
