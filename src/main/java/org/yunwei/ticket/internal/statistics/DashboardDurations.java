package org.yunwei.ticket.internal.statistics;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** Durations on the dashboard as a person reads them: "2 小时 5 分", "3 天 4 小时"; a dash when nothing was measured. */
record DashboardDurations(MessageSource messages, Locale locale) {

	public String format(Long seconds) {
		if (seconds == null) {
			return "–";
		}
		long minutes = Math.round(seconds / 60.0);
		if (minutes < 60) {
			return text("ticket-stats.duration.minutes", minutes);
		}
		if (minutes < 24 * 60) {
			return text("ticket-stats.duration.hours", minutes / 60, minutes % 60);
		}
		return text("ticket-stats.duration.days", minutes / (24 * 60), minutes % (24 * 60) / 60);
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale);
	}
}
