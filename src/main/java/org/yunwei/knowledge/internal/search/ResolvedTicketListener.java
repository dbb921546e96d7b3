package org.yunwei.knowledge.internal.search;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yunwei.ticket.TicketClosed;
import org.yunwei.ticket.TicketReopened;
import org.yunwei.ticket.TicketResolved;

/**
 * Records in {@code knowledge_ticket_change} every resolution, closing and reopening of a ticket, in the transaction
 * that completes the event's publication, and has the index apply it once that commits. A crash before the commit
 * leaves the publication incomplete (delivered again at start); one after it leaves the change in the log (applied at
 * start). Safe to receive twice: the index reads the ticket as it is now.
 */
@Component
class ResolvedTicketListener {

	private final ResolvedTicketChangeLog changes;
	private final ResolvedTicketFollower follower;

	ResolvedTicketListener(ResolvedTicketChangeLog changes, ResolvedTicketFollower follower) {
		this.changes = changes;
		this.follower = follower;
	}

	@ApplicationModuleListener
	void on(TicketResolved event) {
		changed(event.ticketId());
	}

	@ApplicationModuleListener
	void on(TicketClosed event) {
		changed(event.ticketId());
	}

	@ApplicationModuleListener
	void on(TicketReopened event) {
		changed(event.ticketId());
	}

	private void changed(long ticketId) {
		changes.record(ticketId);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				follower.afterChange();
			}
		});
	}
}
