package org.yunwei.ticket.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.SlaClocks;

/**
 * Puts a ticket's detail page together: the view the API gives, in words and with countdowns. Agents also see the
 * SLA engine's warnings and breaches in the timeline, read from the clocks' own history, unless the timeline already
 * records them itself.
 */
@Component
class TicketPageDetails {

	private final TicketDetails details;
	private final TicketPageTimelines timelines;
	private final TicketPageCountdowns countdowns;
	private final TicketAccess access;
	private final SlaClocks clocks;
	private final MessageSource messages;
	private final TicketPageFormat format;

	TicketPageDetails(TicketDetails details, TicketPageTimelines timelines, TicketPageCountdowns countdowns,
			TicketAccess access, SlaClocks clocks, MessageSource messages, TicketSettings settings) {
		this.details = details;
		this.timelines = timelines;
		this.countdowns = countdowns;
		this.access = access;
		this.clocks = clocks;
		this.messages = messages;
		this.format = new TicketPageFormat(settings.zone());
	}

	@Transactional(readOnly = true)
	TicketPageDetail get(long id) {
		TicketView view = details.get(id);
		List<TicketPageEntry> timeline = new ArrayList<>(timelines.of(view.timeline()));
		boolean recorded = view.timeline().stream()
			.anyMatch(e -> e.kind() == EntryKind.SLA_WARNING || e.kind() == EntryKind.SLA_BREACHED);
		if (access.isAgent() && !recorded) {
			timeline.addAll(slaEvents(id));
			timeline.sort(Comparator.comparing(TicketPageEntry::at));
		}
		return new TicketPageDetail(view, view.ticket(), timeline, countdowns.of(view.response()),
				countdowns.of(view.resolution()));
	}

	private List<TicketPageEntry> slaEvents(long ticketId) {
		List<TicketPageEntry> entries = new ArrayList<>();
		for (ClockKind kind : ClockKind.values()) {
			entries.addAll(TicketPageSlaEntries.of(kind, clocks.timeline(TicketClocks.subject(ticketId), kind),
					messages, format, LocaleContextHolder.getLocale()));
		}
		return entries;
	}
}
