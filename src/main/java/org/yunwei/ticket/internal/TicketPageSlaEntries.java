package org.yunwei.ticket.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.yunwei.sla.ClockEvent;
import org.yunwei.sla.ClockKind;

/**
 * The warnings and breaches the SLA engine raised on a ticket's clock, as timeline entries for the agents' page: which
 * clock, how much of the target was used, when it fell due. Transitions (start, pause, stop) are left out: the
 * ticket's own status changes already tell them.
 */
final class TicketPageSlaEntries {

	private TicketPageSlaEntries() {
	}

	static List<TicketPageEntry> of(ClockKind kind, List<ClockEvent> events, MessageSource messages,
			TicketPageFormat format, Locale locale) {
		String clock = messages.getMessage("ticketui.sla." + kind.name().toLowerCase(Locale.ROOT), null, kind.name(),
				locale);
		List<TicketPageEntry> entries = new ArrayList<>();
		for (ClockEvent event : events) {
			if (event.type() != ClockEvent.Type.THRESHOLD_REACHED && event.type() != ClockEvent.Type.BREACHED) {
				continue;
			}
			boolean breach = event.type() == ClockEvent.Type.BREACHED;
			List<TicketPageEntry.Line> lines = new ArrayList<>();
			lines.add(new TicketPageEntry.Line(messages.getMessage("ticketui.sla.clock", null, locale), null, clock));
			if (!breach && event.percent() != null) {
				lines.add(new TicketPageEntry.Line(messages.getMessage("ticketui.sla.threshold", null, locale), null,
						event.percent() + "%"));
			}
			if (event.deadline() != null) {
				lines.add(new TicketPageEntry.Line(messages.getMessage("ticketui.sla.deadline", null, locale), null,
						format.time(event.deadline())));
			}
			// ids below zero: entries of the clock's history, not rows of the timeline
			entries.add(new TicketPageEntry(-(kind.ordinal() * 100_000L + event.seq()),
					breach ? EntryKind.SLA_BREACHED : EntryKind.SLA_WARNING, true, false,
					messages.getMessage("ticketui.sla.engine", null, locale), event.occurredAt(), null, null, lines));
		}
		return entries;
	}
}
