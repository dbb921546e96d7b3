package org.yunwei.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.yunwei.sla.ClockEvent;
import org.yunwei.sla.ClockKind;

class TicketPageSlaEntriesTests {

	private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

	@Test
	void warningsAndBreachesBecomeTimelineEntriesAndTransitionsDoNot() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("ticketui.sla.resolution", Locale.SIMPLIFIED_CHINESE, "解决时限");
		messages.addMessage("ticketui.sla.clock", Locale.SIMPLIFIED_CHINESE, "时限");
		messages.addMessage("ticketui.sla.threshold", Locale.SIMPLIFIED_CHINESE, "已用");
		messages.addMessage("ticketui.sla.deadline", Locale.SIMPLIFIED_CHINESE, "到点时间");
		messages.addMessage("ticketui.sla.engine", Locale.SIMPLIFIED_CHINESE, "SLA 计时");
		List<ClockEvent> history = List.of(new ClockEvent(1, ClockEvent.Type.STARTED, START, null, null, null),
				new ClockEvent(2, ClockEvent.Type.THRESHOLD_REACHED, START.plusSeconds(7200), null, 50,
						START.plusSeconds(7199)),
				new ClockEvent(3, ClockEvent.Type.PAUSED, START.plusSeconds(8000), null, null, null),
				new ClockEvent(4, ClockEvent.Type.BREACHED, START.plusSeconds(14400), null, 100,
						START.plusSeconds(14400)));

		List<TicketPageEntry> entries = TicketPageSlaEntries.of(ClockKind.RESOLUTION, history, messages,
				new TicketPageFormat(ZoneId.of("Asia/Shanghai")), Locale.SIMPLIFIED_CHINESE);

		assertThat(entries).extracting(TicketPageEntry::kind).containsExactly(EntryKind.SLA_WARNING,
				EntryKind.SLA_BREACHED);
		assertThat(entries).allMatch(TicketPageEntry::internal).allMatch(e -> e.id() < 0);
		assertThat(entries.get(0).lines()).extracting(TicketPageEntry.Line::to).containsExactly("解决时限", "50%",
				"2026-03-02 10:59");
		assertThat(entries.get(1).lines()).extracting(TicketPageEntry.Line::to).containsExactly("解决时限",
				"2026-03-02 13:00");
	}
}
