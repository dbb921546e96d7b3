package org.yunwei.ticket.internal.web;

import java.time.Instant;
import java.util.List;

import org.yunwei.ticket.internal.record.EntryKind;

/**
 * A timeline entry as a page shows it: what happened, by whom, when, and each detail in words.
 *
 * @param internal internal notes, work logs, assignments: the customer never sees these
 * @param fromCustomer a reply the customer wrote
 */
public record TicketPageEntry(long id, EntryKind kind, boolean internal, boolean fromCustomer, String author,
		Instant at, String body, Integer minutes, List<Line> lines) {

	/** One detail: a label and its value, or a change from one value to another. */
	public record Line(String label, String from, String to) {

		public boolean change() {
			return from != null;
		}
	}
}
