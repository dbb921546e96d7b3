package org.yunwei.ticket.internal.web;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a ticket's detail page together: the view the API gives, in words and with countdowns. SLA warnings,
 * breaches and escalations are entries of the ticket's own timeline ({@code work.TicketEscalation} records them).
 */
@Component
class TicketPageDetails {

	private final TicketDetails details;
	private final TicketPageTimelines timelines;
	private final TicketPageCountdowns countdowns;

	TicketPageDetails(TicketDetails details, TicketPageTimelines timelines, TicketPageCountdowns countdowns) {
		this.details = details;
		this.timelines = timelines;
		this.countdowns = countdowns;
	}

	@Transactional(readOnly = true)
	TicketPageDetail get(long id) {
		TicketView view = details.get(id);
		return new TicketPageDetail(view, view.ticket(), timelines.of(view.timeline()), countdowns.of(view.response()),
				countdowns.of(view.resolution()));
	}
}
