package org.yunwei.ticket;

import java.util.List;

/**
 * The changes recorded as fixing an incident: implemented by change management, so that the service desk depends on
 * nothing of it. Without an implementation, a ticket's page shows no changes.
 */
public interface ChangesOfTicket {

	/** A change as a ticket's page shows it; {@code statusKey} is the message key of its state's name. */
	record FixingChange(long id, String number, String title, String statusKey) {
	}

	/** The changes the signed-in person may read that fix the ticket, newest first. */
	List<FixingChange> fixing(long ticketId);
}
