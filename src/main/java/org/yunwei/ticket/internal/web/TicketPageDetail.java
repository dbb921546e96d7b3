package org.yunwei.ticket.internal.web;

import java.util.List;

import org.yunwei.ticket.internal.record.TicketAction;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketStatus;

/**
 * A ticket as its detail page shows it: the view, its timeline in words and its two countdowns.
 */
public record TicketPageDetail(TicketView view, TicketRow ticket, List<TicketPageEntry> timeline,
		TicketPageCountdown response, TicketPageCountdown resolution) {

	/** Whether the person looking may take this action now (a {@link TicketAction} name). */
	public boolean may(String action) {
		return view.actions().stream().anyMatch(a -> a.name().equals(action));
	}

	/** Whether the ticket is resolved or closed: the time for ratings and return visits. */
	public boolean finished() {
		return ticket.status() == TicketStatus.RESOLVED || ticket.status() == TicketStatus.CLOSED;
	}
}
