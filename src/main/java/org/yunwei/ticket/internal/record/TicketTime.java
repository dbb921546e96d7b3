package org.yunwei.ticket.internal.record;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The service desk's "now": to the microsecond, as PostgreSQL's {@code timestamptz} keeps it, so that a time
 * written and read back compares equal to the one that was used (an event's time, the row's, the clocks').
 */
public final class TicketTime {

	private TicketTime() {
	}

	public static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}
}
