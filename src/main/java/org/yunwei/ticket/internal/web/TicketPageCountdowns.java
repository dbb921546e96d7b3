package org.yunwei.ticket.internal.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.yunwei.sla.ClockKind;
import org.yunwei.ticket.internal.list.TicketSummary;
import org.yunwei.ticket.internal.record.TicketStatus;
import org.yunwei.ticket.internal.work.ClockView;
import org.yunwei.ticket.internal.work.TicketClocks;

/**
 * Words and colours for SLA countdowns, in the reader's language, from where the clock stands when the page is drawn
 * (the page asks again every minute).
 */
@Component
class TicketPageCountdowns {

	private final MessageSource messages;
	private final TicketClocks clocks;

	TicketPageCountdowns(MessageSource messages, TicketClocks clocks) {
		this.messages = messages;
		this.clocks = clocks;
	}

	/** The countdowns of each ticket of a list, by id. */
	java.util.Map<Long, TicketPageRow> rows(java.util.Collection<TicketSummary> tickets) {
		java.util.Map<Long, TicketPageRow> rows = new java.util.HashMap<>();
		for (TicketSummary t : tickets) {
			rows.put(t.id(), row(t.id(), t.status()));
		}
		return rows;
	}

	TicketPageRow row(long ticketId, TicketStatus status) {
		TicketPageCountdown response = null;
		if (status == TicketStatus.NEW || status == TicketStatus.ASSIGNED) {
			response = clocks.state(ticketId, ClockKind.RESPONSE)
				.filter(s -> s.status() == org.yunwei.sla.ClockState.Status.RUNNING)
				.map(s -> of(ClockView.of(s)))
				.orElse(null);
		}
		return new TicketPageRow(of(ticketId, ClockKind.RESOLUTION), response);
	}

	/** The countdown of a ticket's clock now; "no SLA" when it has none. */
	TicketPageCountdown of(long ticketId, ClockKind kind) {
		return of(clocks.state(ticketId, kind).map(ClockView::of).orElse(null));
	}

	TicketPageCountdown of(ClockView clock) {
		if (clock == null) {
			return new TicketPageCountdown(text("ticketui.countdown.none"), "light", 0);
		}
		String left = duration(Math.abs(clock.remainingSeconds()));
		int percent = Math.max(0, clock.percentElapsed());
		return switch (clock.status()) {
			case "STOPPED" -> clock.breached() || clock.remainingSeconds() < 0
					? new TicketPageCountdown(text("ticketui.countdown.stopped.late"), "danger", percent)
					: new TicketPageCountdown(text("ticketui.countdown.stopped.met"), "secondary", percent);
			case "PAUSED" -> new TicketPageCountdown(text("ticketui.countdown.paused", left), "secondary", percent);
			default -> clock.breached() || clock.remainingSeconds() < 0
					? new TicketPageCountdown(text("ticketui.countdown.overdue", left), "danger", percent)
					: new TicketPageCountdown(text("ticketui.countdown.left", left), tone(percent), percent);
		};
	}

	private static String tone(int percent) {
		return percent >= 90 ? "orange" : percent >= 75 ? "warning" : percent >= 50 ? "info" : "success";
	}

	/** "2 天 3 小时", "3 小时 20 分", "12 分". */
	String duration(long seconds) {
		Duration d = Duration.ofSeconds(seconds);
		long days = d.toDays();
		int hours = d.toHoursPart();
		int minutes = d.toMinutesPart();
		if (days > 0) {
			return text("ticketui.duration.days", days, hours);
		}
		if (hours > 0) {
			return text("ticketui.duration.hours", hours, minutes);
		}
		return text("ticketui.duration.minutes", Math.max(minutes, seconds > 0 ? 1 : 0));
	}

	private String text(String key, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, arguments, key, locale);
	}
}
