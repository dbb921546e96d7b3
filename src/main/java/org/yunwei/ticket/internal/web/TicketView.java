package org.yunwei.ticket.internal.web;

import java.util.List;

import org.yunwei.ticket.internal.attachment.AttachmentView;
import org.yunwei.ticket.internal.link.TicketLinkView;
import org.yunwei.ticket.internal.record.TicketAction;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TimelineEntry;
import org.yunwei.ticket.internal.work.ClockView;

/**
 * A ticket with what its detail page and the API show beside it: the names of what it refers to, its SLA
 * countdowns, its timeline (public entries only for a customer), time spent, the actions the asker may take now, its
 * links to the tickets the asker sees and its attachments.
 *
 * @param response {@code null} when no SLA applies
 */
public record TicketView(TicketRow ticket, String customerUnitName, String serviceName, String groupName,
		String assigneeName, String coordinatorName, ClockView response, ClockView resolution,
		List<TimelineEntry> timeline, int minutesSpent, List<TicketAction> actions, List<TicketLinkView> links,
		List<AttachmentView> attachments) {
}
