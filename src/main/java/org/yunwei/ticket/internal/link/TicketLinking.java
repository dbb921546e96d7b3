package org.yunwei.ticket.internal.link;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.ticket.internal.record.TicketAction;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Links two tickets (关联工单): parent and child, duplicate, related. Both must be tickets the agent may work; a ticket
 * is not linked to itself, a pair is linked once per kind (whichever way), and parent links never form a cycle. Both
 * tickets are locked (lower id first, so that two agents linking the same pair cannot deadlock), both timelines get
 * an internal LINKED entry, and the change is audited.
 */
@Service
public class TicketLinking {

	private final TicketAccess access;
	private final Actors actors;
	private final TicketRecords tickets;
	private final TicketLinkRecords links;
	private final Timeline timeline;
	private final AuditTrail audit;

	TicketLinking(TicketAccess access, Actors actors, TicketRecords tickets, TicketLinkRecords links,
			Timeline timeline, AuditTrail audit) {
		this.access = access;
		this.actors = actors;
		this.tickets = tickets;
		this.links = links;
		this.timeline = timeline;
		this.audit = audit;
	}

	/** The links of a ticket to the tickets the signed-in person sees. */
	@Transactional(readOnly = true)
	public List<TicketLinkView> of(long ticketId) {
		access.visible(ticketId);
		return links.of(ticketId, actors.scope());
	}

	@Transactional
	public List<TicketLinkView> link(long ticketId, TicketLinkDraft draft) {
		access.requireRight(TicketAction.LINK);
		TicketRow ticket = access.visible(ticketId);
		FieldErrors errors = new FieldErrors();
		LinkKind kind = errors.constant(LinkKind.class, draft.kind(), "kind");
		TicketRow other = other(draft, errors);
		if (other != null && other.id() == ticketId) {
			errors.add("otherNumber", "ticket.link.self");
		}
		errors.throwIfAny();
		Pair pair = lock(ticketId, other.id());
		TicketAction.LINK.requireFrom(pair.of(ticketId).status());
		if (kind == LinkKind.PARENT_OF && links.isDescendant(ticketId, other.id())) {
			throw FieldErrors.ruleBroken("link-cycle", "otherNumber", "ticket.link.cycle");
		}
		if (links.exists(ticketId, other.id(), kind)) {
			throw FieldErrors.taken("otherNumber", "ticket.link.exists");
		}
		links.insert(ticketId, other.id(), kind);
		record(ticket, other, kind, false);
		return links.of(ticketId, actors.scope());
	}

	@Transactional
	public List<TicketLinkView> unlink(long ticketId, long otherTicketId, String kindName) {
		access.requireRight(TicketAction.LINK);
		TicketRow ticket = access.visible(ticketId);
		FieldErrors errors = new FieldErrors();
		LinkKind kind = errors.constant(LinkKind.class, kindName, "kind");
		errors.throwIfAny();
		TicketRow other = tickets.find(otherTicketId).filter(this::inScope)
			.orElseThrow(() -> RejectedRequest.notFound("link"));
		lock(ticketId, otherTicketId);
		if (links.delete(ticketId, otherTicketId, kind) == 0) {
			throw RejectedRequest.notFound("link");
		}
		record(ticket, other, kind, true);
		return links.of(ticketId, actors.scope());
	}

	private TicketRow other(TicketLinkDraft draft, FieldErrors errors) {
		String number = FieldErrors.clean(draft.otherNumber());
		if (number == null && draft.otherTicketId() == null) {
			errors.add("otherNumber", "field.required");
			return null;
		}
		Optional<TicketRow> found = draft.otherTicketId() != null ? tickets.find(draft.otherTicketId())
				: tickets.findByNumber(number.toUpperCase(java.util.Locale.ROOT));
		TicketRow other = found.filter(this::inScope).orElse(null);
		if (other == null) {
			errors.add("otherNumber", "ticket.link.other-unknown");
		}
		return other;
	}

	private boolean inScope(TicketRow ticket) {
		DataScope scope = actors.scope();
		return scope.includes(ticket.providerPartyId(), ticket.customerOrgUnitId());
	}

	private Pair lock(long a, long b) {
		TicketRow first = access.lockForAgent(Math.min(a, b));
		TicketRow second = access.lockForAgent(Math.max(a, b));
		return new Pair(first, second);
	}

	private void record(TicketRow ticket, TicketRow other, LinkKind kind, boolean removed) {
		Actor actor = actors.current();
		timeline.append(ticket.id(), EntryKind.LINKED, false, actor.userId(), actor.displayName(), null,
				details(kind, true, other, removed), null);
		timeline.append(other.id(), EntryKind.LINKED, false, actor.userId(), actor.displayName(), null,
				details(kind, false, ticket, removed), null);
		Map<String, Object> link = new LinkedHashMap<>();
		link.put("kind", kind);
		link.put("ticketId", ticket.id());
		link.put("otherTicketId", other.id());
		link.put("otherNumber", other.number());
		AuditEntry entry = AuditEntry.of(removed ? "TICKET_UNLINKED" : "TICKET_LINKED", "ticket", ticket.id())
			.detail(ticket.number());
		audit.record(removed ? entry.before(link) : entry.after(link));
	}

	private static Map<String, Object> details(LinkKind kind, boolean outgoing, TicketRow other, boolean removed) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("kind", kind);
		details.put("role", TicketLinkView.roleOf(kind, outgoing));
		details.put("otherTicketId", other.id());
		details.put("otherNumber", other.number());
		if (removed) {
			details.put("removed", true);
		}
		return details;
	}

	private record Pair(TicketRow first, TicketRow second) {

		TicketRow of(long id) {
			return first.id() == id ? first : second;
		}
	}
}
