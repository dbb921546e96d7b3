package org.yunwei.ticket.internal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small formats the ticket pages share, as {@code fmt} in their models. */
public final class TicketPageFormat {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ZoneId zone;

	TicketPageFormat(ZoneId zone) {
		this.zone = zone;
	}

	/** A moment in the service desk's zone, to the minute; empty for none. */
	public String time(Instant instant) {
		return instant == null ? "" : MINUTES.format(instant.atZone(zone));
	}

	/** The same moment as an ISO instant, for {@code <time datetime>}. */
	public String iso(Instant instant) {
		return instant == null ? "" : instant.toString();
	}

	public String bytes(long bytes) {
		return size(bytes);
	}

	/** "512 B", "3.4 KB", "2.0 MB". */
	static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}
}
