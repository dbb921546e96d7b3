package org.yunwei.ticket;

import java.util.Objects;

/**
 * A ticket the signed-in person reported, with what it waits for from them.
 *
 * @param ticket the ticket; never {@code null}
 * @param awaiting what the reporter is asked to do now; never {@code null}
 */
public record OwnRequest(TicketReference ticket, Awaiting awaiting) {

	public OwnRequest {
		Objects.requireNonNull(ticket, "ticket");
		Objects.requireNonNull(awaiting, "awaiting");
	}

	/** What a reported ticket waits for from its reporter. */
	public enum Awaiting {
		/** Nothing: the service desk is working on it. */
		NOTHING,
		/** A reply: the service desk set it pending for information or a test from the customer. */
		REPLY,
		/** A confirmation: it is resolved, and the reporter confirms the resolution (closing it) or reopens it. */
		CONFIRMATION
	}
}
