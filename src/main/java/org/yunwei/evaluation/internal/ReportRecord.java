package org.yunwei.evaluation.internal;

import java.time.Instant;

import org.yunwei.web.KeysetCursor;

/**
 * One record behind a figure of the return-visit report: a planned or reached ticket, a call, a rating or a
 * follow-up.
 *
 * @param at when it happened (resolved, called, rated, followed up)
 * @param detail the result, the score or the follow-up's number; {@code null} for a planned or reached ticket
 * @param followUpTicketId the follow-up it opened or joined; {@code null} for none
 */
record ReportRecord(long ticketId, String number, String subject, Instant at, String detail,
		Long followUpTicketId) {

	/** Where a page of records starts: after this time and ticket. */
	record Cursor(Instant at, long ticketId) {

		String encode() {
			return KeysetCursor.encode(ticketId, at);
		}

		static Cursor decode(String text) {
			try {
				return KeysetCursor.decode(text, 2)
					.map(parts -> new Cursor(Instant.parse(parts[1]), Long.parseLong(parts[0])))
					.orElse(null);
			}
			catch (RuntimeException malformed) {
				return null;
			}
		}
	}
}
