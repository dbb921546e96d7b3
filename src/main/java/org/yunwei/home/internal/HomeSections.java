package org.yunwei.home.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.yunwei.approval.Approvals;
import org.yunwei.evaluation.CustomerSatisfaction;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.notification.NotificationInbox;
import org.yunwei.ticket.DueTicket;
import org.yunwei.ticket.OwnRequest;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.DateRange;

/**
 * Decides which sections a person's home page has, from their party and permissions, and reads each through the
 * owning module's facade. Every list is short (a home page points the way; the full lists are one link further), so
 * that each role's page is a handful of bounded index reads.
 */
@Service
class HomeSections {

	/** Tickets per list. */
	static final int SHOWN = 8;
	/** Unread notifications listed. */
	static final int NOTIFICATIONS = 5;
	/** "Near" their resolution target: due within this time from now. */
	static final Duration NEAR = Duration.ofHours(2);
	/** How long after its resolution a ticket is offered for rating on the home page (the portal has all). */
	static final Duration RATING_OFFERED = Duration.ofDays(30);
	/** Resolved tickets examined for ratings: a customer who rates some and not others still sees a few. */
	private static final int RATING_CANDIDATES = 20;

	private final Actors actors;
	private final Tickets tickets;
	private final CustomerSatisfaction satisfaction;
	private final NotificationInbox inbox;
	private final Approvals approvals;

	HomeSections(Actors actors, Tickets tickets, CustomerSatisfaction satisfaction, NotificationInbox inbox,
			Approvals approvals) {
		this.approvals = approvals;
		this.actors = actors;
		this.tickets = tickets;
		this.satisfaction = satisfaction;
		this.inbox = inbox;
	}

	HomePage of() {
		Actor actor = actors.current();
		return new HomePage(actor, requests(actor), work(actor), desk(actor), month(actor),
				inbox.unread(NOTIFICATIONS),
				actor.can(Permission.PARTY_MANAGE) || actor.can(Permission.USER_MANAGE)
						|| actor.can(Permission.USER_READ),
				actor.can(Permission.AUDIT_READ), approvals.waitingForMe());
	}

	private HomePage.Requests requests(Actor actor) {
		if (actor.partyKind() != PartyKind.CUSTOMER) {
			return null;
		}
		List<HomeTicket> open = tickets.myOpenRequests(SHOWN).stream()
			.map(r -> HomeTicket.forReporter(r.ticket(), r.awaiting()))
			.toList();
		List<TicketReference> finished = tickets.myRecentlyFinished(RATING_OFFERED, RATING_CANDIDATES);
		Set<Long> rated = satisfaction.ratedAmong(finished.stream().map(TicketReference::id).toList());
		List<HomeTicket> toRate = finished.stream()
			.filter(t -> !rated.contains(t.id()))
			.limit(SHOWN)
			.map(t -> HomeTicket.forReporter(t, OwnRequest.Awaiting.NOTHING))
			.toList();
		return new HomePage.Requests(open, toRate);
	}

	private HomePage.Work work(Actor actor) {
		if (!worksTickets(actor)) {
			return null;
		}
		return new HomePage.Work(agent(tickets.assignedToMe(SHOWN)), agent(tickets.dueSoonForMe(NEAR, SHOWN)),
				agent(tickets.unassignedInMyGroups(SHOWN)));
	}

	private HomePage.Desk desk(Actor actor) {
		if (!actor.can(Permission.TICKET_ADMIN)) {
			return null;
		}
		return new HomePage.Desk(tickets.groupLoads(), agent(tickets.overdue(SHOWN)));
	}

	private HomePage.Month month(Actor actor) {
		boolean overseer = actor.partyKind() == PartyKind.MANAGEMENT || actor.partyKind() == PartyKind.SUPERVISION;
		if (!overseer || !actor.can(Permission.TICKET_REPORT)) {
			return null;
		}
		YearMonth month = YearMonth.now(tickets.zone());
		DateRange period = DateRange.month(month);
		return new HomePage.Month(period.from(), period.to(), tickets.figures(period), satisfaction.summary(period),
				actor.can(Permission.SLA_REPORT), tickets.isAgent());
	}

	/** An agent's sections: the people who work tickets, as the ticket module's intake and queues require. */
	private static boolean worksTickets(Actor actor) {
		return actor.can(Permission.TICKET_WORK) && actor.partyKind() != PartyKind.CUSTOMER
				&& actor.partyKind() != PartyKind.SUPERVISION;
	}

	private List<HomeTicket> agent(List<DueTicket> due) {
		ZoneId zone = tickets.zone();
		Instant now = Instant.now();
		return due.stream().map(t -> HomeTicket.forAgent(t, zone, now)).toList();
	}
}
