package org.yunwei.ticket.internal.record;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * The service desk's access model (docs/security.md, "Access model"), in one place: every read and every change of a
 * ticket asks here, and each answer needs both a right and the data scope — the scope alone says which tickets a
 * person could see, never that they may see or touch any.
 * <ul>
 * <li>Customers (使用方) read, reply to, confirm, reopen and rate the tickets of their unit and the units below it;
 * they never see internal entries. Confirming a resolution is theirs alone.</li>
 * <li>Agents (TICKET_WORK, of a provider or management) read and work the tickets of their scope, with the internal
 * entries; they close a resolved ticket but do not confirm it for the customer.</li>
 * <li>Reporting (TICKET_REPORT: service desk managers, the service-level manager, supervision) reads the tickets of
 * its scope, internal entries included, and changes none.</li>
 * <li>Anyone else — administrators, integration accounts, people without a ticket role — reads and changes no ticket
 * (403), whatever their party's scope would include.</li>
 * </ul>
 * A ticket out of scope is "not found", never "forbidden", so that its existence is not revealed; the right is checked
 * first, so a refusal for want of it says nothing about any ticket.
 */
@Component
public class TicketAccess {

	private final Actors actors;
	private final TicketRecords tickets;

	TicketAccess(Actors actors, TicketRecords tickets) {
		this.actors = actors;
		this.tickets = tickets;
	}

	/** Whether this person may read tickets at all: a customer's people, agents and reporting. */
	public static boolean reads(Actor actor) {
		return actor.partyKind() == PartyKind.CUSTOMER || seesInternal(actor);
	}

	/** Whether this person belongs to the service desk's side with a ticket role: they read internal entries. */
	public static boolean seesInternal(Actor actor) {
		return actor.partyKind() != PartyKind.CUSTOMER
				&& (actor.can(Permission.TICKET_WORK) || actor.can(Permission.TICKET_REPORT));
	}

	/** Whether this person works tickets: TICKET_WORK in a party that may write (not a customer, not supervision). */
	public static boolean works(Actor actor) {
		return actor.can(Permission.TICKET_WORK)
				&& (actor.partyKind() == PartyKind.PROVIDER || actor.partyKind() == PartyKind.MANAGEMENT);
	}

	/** Whether this person may take the action on tickets of their scope, whatever a ticket's status. */
	public static boolean permits(TicketAction action, Actor actor) {
		boolean customer = actor.partyKind() == PartyKind.CUSTOMER;
		return switch (action) {
			case CONFIRM -> customer;
			case REPLY, REOPEN, ATTACH -> customer || works(actor);
			default -> works(actor);
		};
	}

	/** The scope in which the signed-in person reads tickets. @throws RejectedRequest 403 without a right to read */
	public DataScope readableScope() {
		return readerScope().orElseThrow(() -> RejectedRequest.forbidden("ticket.no-access"));
	}

	/** The scope in which the signed-in person reads tickets; empty when they may read none. */
	public Optional<DataScope> readerScope() {
		return actors.find().filter(TicketAccess::reads).map(actors::scopeOf);
	}

	/** The ticket if the signed-in person may read it: 403 without the right, 404 outside their scope. */
	public TicketRow visible(long id) {
		DataScope scope = readableScope();
		return tickets.find(id).filter(t -> scope.includes(t.providerPartyId(), t.customerOrgUnitId()))
			.orElseThrow(() -> RejectedRequest.notFound("ticket"));
	}

	/** The ticket if the signed-in person may read it; empty without the right or outside their scope. */
	public Optional<TicketRow> find(long id) {
		return readerScope().flatMap(scope -> tickets.find(id)
			.filter(t -> scope.includes(t.providerPartyId(), t.customerOrgUnitId())));
	}

	/**
	 * The ticket, locked, for the signed-in person to take the action: 403 when they may not take it (or their scope
	 * only reads), 404 when the ticket is outside their scope. The action's allowed statuses are the caller's check.
	 */
	public TicketRow lockFor(TicketAction action, long id) {
		requireRight(action);
		DataScope scope = actors.writableScope();
		TicketRow ticket = tickets.lock(id).orElseThrow(() -> RejectedRequest.notFound("ticket"));
		if (!scope.includes(ticket.providerPartyId(), ticket.customerOrgUnitId())) {
			throw RejectedRequest.notFound("ticket");
		}
		return ticket;
	}

	/**
	 * Refuses (403) a person who may not take the action on any ticket. Call it before reading what the request
	 * asks, so that a refusal for want of the right comes first and says nothing about the request or any record.
	 */
	public void requireRight(TicketAction action) {
		Actor actor = actors.current();
		if (!permits(action, actor)) {
			throw RejectedRequest.forbidden(action == TicketAction.CONFIRM ? "ticket.customer-only"
					: actor.partyKind() == PartyKind.CUSTOMER ? "ticket.agent-only" : "ticket.no-access");
		}
	}

	/** The ticket, locked, for an agent's change: TICKET_WORK, a writable scope and the ticket in it. */
	public TicketRow lockForAgent(long id) {
		return lockFor(TicketAction.UPDATE, id);
	}

	/** The ticket, locked, for a change only its customer makes, such as a rating. */
	public TicketRow lockForCustomer(long id) {
		return lockFor(TicketAction.CONFIRM, id);
	}

	/** Whether the signed-in person sees internal entries and the service desk's own records. */
	public boolean isAgent() {
		return actors.find().filter(TicketAccess::seesInternal).isPresent();
	}

	/** Whether the signed-in person works tickets ({@link #works}). */
	public boolean mayWork() {
		return actors.find().filter(TicketAccess::works).isPresent();
	}

	/**
	 * Whether this person reads how the service desk is organised — its assignment groups and the priority matrix:
	 * the desk's own people (TICKET_WORK: they assign to groups and prioritise), whoever keeps its settings
	 * (TICKET_ADMIN) and whoever reports on it (TICKET_REPORT). Never a customer's people, whose view is the portal.
	 */
	public static boolean readsDesk(Actor actor) {
		return actor.partyKind() != PartyKind.CUSTOMER && (actor.can(Permission.TICKET_WORK)
				|| actor.can(Permission.TICKET_ADMIN) || actor.can(Permission.TICKET_REPORT));
	}

	/**
	 * Whether this person reads the desk's routing — routing rules and alert routes: whoever keeps them (TICKET_ADMIN)
	 * and whoever reports on the desk (TICKET_REPORT: supervision and the service-level manager read why tickets went
	 * where). An agent works the tickets routed to them and needs no rules.
	 */
	public static boolean readsRouting(Actor actor) {
		return actor.partyKind() != PartyKind.CUSTOMER
				&& (actor.can(Permission.TICKET_ADMIN) || actor.can(Permission.TICKET_REPORT));
	}

	/** Refuses (403) a person who may not read the desk's groups and priority matrix ({@link #readsDesk}). */
	public void requireDeskReader() {
		if (!readsDesk(actors.current())) {
			throw RejectedRequest.forbidden("ticket.no-desk-access");
		}
	}

	/** Refuses (403) a person who may not read routing rules and alert routes ({@link #readsRouting}). */
	public void requireRoutingReader() {
		if (!readsRouting(actors.current())) {
			throw RejectedRequest.forbidden("ticket.no-desk-access");
		}
	}
}
