package org.yunwei.evaluation.internal;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.RejectedRequest;

/**
 * Who may see and write evaluation's records (docs/security.md, "Access model"), in one place; the data scope comes
 * from the ticket module's access policy through {@link Tickets}, so a right here never widens what a person sees.
 * <ul>
 * <li>Return visits, their worklist (with the customers' phone numbers) and the return-visit report are the service
 * desk's own records: the service desk's side with a ticket role reads them (TICKET_WORK or TICKET_REPORT), agents
 * record them; customers, administrators, integration accounts and people without a ticket role get 403.</li>
 * <li>A rating is the customer's: only people of a customer rate a ticket of their unit or a unit below it; whoever
 * may read the ticket reads its rating.</li>
 * </ul>
 */
@Component
class EvaluationAccess {

	private final Tickets tickets;
	private final Actors actors;

	EvaluationAccess(Tickets tickets, Actors actors) {
		this.tickets = tickets;
		this.actors = actors;
	}

	/** Refuses (403) anyone but the service desk's side with a ticket role. */
	void requireVisitReader() {
		if (!tickets.isAgent()) {
			throw RejectedRequest.forbidden("return-visit.agents-only");
		}
	}

	/** Whether the signed-in person records return visits (the page offers the form only then). */
	boolean recordsVisits() {
		return tickets.mayWork();
	}

	/** The ticket, locked, for the signed-in person to record a visit: an agent with the ticket in scope. */
	TicketReference lockForVisit(long ticketId) {
		return tickets.lockForAgent(ticketId);
	}

	/** The ticket, locked, for the signed-in customer to rate: 403 for anyone else, 404 outside their unit. */
	TicketReference lockForRating(long ticketId) {
		if (!isCustomer()) {
			throw RejectedRequest.forbidden("satisfaction.customers-only");
		}
		return tickets.lockForCustomer(ticketId);
	}

	/** Whether the signed-in person is of a customer: the only ones who rate. */
	boolean isCustomer() {
		return actors.find().filter(a -> a.partyKind() == PartyKind.CUSTOMER).isPresent();
	}

	/**
	 * The ticket if the signed-in person may read it.
	 *
	 * @throws RejectedRequest 403 for a person who may read no ticket (the right comes before the record), 404 when
	 *         there is no such ticket or it lies outside their scope
	 */
	TicketReference visible(long ticketId) {
		if (!isCustomer() && !tickets.isAgent()) {
			throw RejectedRequest.forbidden("ticket.no-access");
		}
		return tickets.find(ticketId).orElseThrow(() -> RejectedRequest.notFound("ticket"));
	}
}
