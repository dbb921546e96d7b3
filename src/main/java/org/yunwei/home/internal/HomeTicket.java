package org.yunwei.home.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.yunwei.ticket.DueTicket;
import org.yunwei.ticket.OwnRequest;
import org.yunwei.ticket.TicketReference;

/**
 * A ticket as a home page lists it: enough for a line and a link.
 *
 * @param link the ticket's page for this reader: the portal's for a customer, the workspace's for an agent
 * @param due the resolution due time in the service desk's zone; {@code null} when none
 * @param awaiting what it waits for from the reader, as {@link OwnRequest.Awaiting}'s name; {@code NOTHING} when
 *        nothing
 */
record HomeTicket(long id, String number, String subject, String priority, String status, String link,
		LocalDateTime due, boolean overdue, String awaiting) {

	static HomeTicket forAgent(DueTicket due, ZoneId zone, Instant now) {
		TicketReference t = due.ticket();
		return new HomeTicket(t.id(), t.number(), t.subject(), t.priority(), t.status(), "/tickets/" + t.id(),
				due.resolutionDueAt() == null ? null : LocalDateTime.ofInstant(due.resolutionDueAt(), zone),
				due.overdueAt(now), OwnRequest.Awaiting.NOTHING.name());
	}

	static HomeTicket forReporter(TicketReference t, OwnRequest.Awaiting awaiting) {
		return new HomeTicket(t.id(), t.number(), t.subject(), t.priority(), t.status(), "/portal/tickets/" + t.id(),
				null, false, awaiting.name());
	}
}
