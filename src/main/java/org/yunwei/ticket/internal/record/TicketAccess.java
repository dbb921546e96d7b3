package org.yunwei.ticket.internal.record;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * Who may see and touch a ticket. A ticket is placed by its provider party and its customer unit; the foundation's
 * {@link DataScope} decides visibility. Agents' work needs TICKET_WORK and a writable scope; a customer may reply,
 * confirm, reopen and rate tickets of their own subtree. A ticket out of scope is "not found", never "forbidden", so
 * that its existence is not revealed.
 */
@Component
public class TicketAccess {

	private final Actors actors;
	private final TicketRecords tickets;

	TicketAccess(Actors actors, TicketRecords tickets) {
		this.actors = actors;
		this.tickets = tickets;
	}

	/** The ticket if the signed-in person may see it. */
	public TicketRow visible(long id) {
		DataScope scope = actors.scope();
		return tickets.find(id).filter(t -> scope.includes(t.providerPartyId(), t.customerOrgUnitId()))
			.orElseThrow(() -> RejectedRequest.notFound("ticket"));
	}

	/** The ticket, locked, for an agent's change: TICKET_WORK, a writable scope and the ticket in it. */
	public TicketRow lockForAgent(long id) {
		Actor actor = actors.current();
		if (!actor.can(Permission.TICKET_WORK) || actor.partyKind() == PartyKind.CUSTOMER) {
			throw RejectedRequest.forbidden("ticket.agent-only");
		}
		return lockInScope(id);
	}

	/** The ticket, locked, for a change its customer (or an agent) makes: reply, confirm, reopen, rate. */
	public TicketRow lockForParticipant(long id) {
		return lockInScope(id);
	}

	/** Whether the signed-in person works tickets (sees internal notes and the agent's actions). */
	public boolean isAgent() {
		return isAgent(actors.current());
	}

	/** Whether a person works or oversees tickets: the workspace's lists and pages are theirs. */
	public boolean isAgent(Actor actor) {
		return actor.partyKind() != PartyKind.CUSTOMER
				&& (actor.can(Permission.TICKET_WORK) || actor.partyKind() == PartyKind.SUPERVISION
						|| actor.partyKind() == PartyKind.MANAGEMENT);
	}

	/**
	 * Whether a person reads ticket lists at all: a customer (the portal's, their units' tickets) or someone the
	 * workspace is for; within their {@link DataScope} either way.
	 */
	public boolean readsLists(Actor actor) {
		return actor.partyKind() == PartyKind.CUSTOMER || isAgent(actor);
	}

	private TicketRow lockInScope(long id) {
		DataScope scope = actors.writableScope();
		TicketRow ticket = tickets.lock(id).orElseThrow(() -> RejectedRequest.notFound("ticket"));
		if (!scope.includes(ticket.providerPartyId(), ticket.customerOrgUnitId())) {
			throw RejectedRequest.notFound("ticket");
		}
		return ticket;
	}
}
