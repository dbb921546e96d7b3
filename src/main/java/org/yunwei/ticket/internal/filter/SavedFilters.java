package org.yunwei.ticket.internal.filter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Saved filters of the agents' workspace, shown as queues: each person's own, and those colleagues of the same party
 * share. Only the owner changes or deletes one; a filter someone may not see is "not found". Supervision keeps queues
 * of its own but shares none (its scope only reads). The query is checked as the list would read it and kept in one
 * canonical form. Every change is audited.
 */
@Service
public class SavedFilters {

	static final int MAX_PER_PERSON = 100;

	private final SavedFilterRecords records;
	private final Actors actors;
	private final TicketAccess access;
	private final AuditTrail audit;

	SavedFilters(SavedFilterRecords records, Actors actors, TicketAccess access, AuditTrail audit) {
		this.records = records;
		this.actors = actors;
		this.access = access;
		this.audit = audit;
	}

	/** The queues of the signed-in person: their own first, then the shared ones. */
	@Transactional(readOnly = true)
	public List<SavedFilter> list() {
		Actor actor = worker();
		return records.visibleTo(actor.userId(), actor.partyId()).stream().map(r -> r.as(actor.userId())).toList();
	}

	@Transactional(readOnly = true)
	public SavedFilter get(long id) {
		Actor actor = worker();
		return visible(id, actor).as(actor.userId());
	}

	@Transactional
	public SavedFilter create(SavedFilterDraft draft) {
		Actor actor = worker();
		Checked checked = check(draft, actor, null);
		if (records.countOf(actor.userId()) >= MAX_PER_PERSON) {
			throw RejectedRequest.unprocessable("too-many-filters", "savedfilter.too-many", MAX_PER_PERSON);
		}
		long id = records.insert(actor.userId(), actor.partyId(), checked.name(), checked.query(), checked.shared());
		SavedFilter created = records.find(id).orElseThrow().as(actor.userId());
		audit.record(AuditEntry.of("TICKET_FILTER_SAVED", "ticket_saved_filter", id).after(snapshot(created)));
		return created;
	}

	@Transactional
	public SavedFilter update(long id, SavedFilterDraft draft) {
		Actor actor = worker();
		SavedFilter before = owned(id, actor);
		Checked checked = check(draft, actor, id);
		records.update(id, checked.name(), checked.query(), checked.shared());
		SavedFilter after = records.find(id).orElseThrow().as(actor.userId());
		audit.record(AuditEntry.of("TICKET_FILTER_CHANGED", "ticket_saved_filter", id).before(snapshot(before))
			.after(snapshot(after)));
		return after;
	}

	@Transactional
	public void delete(long id) {
		Actor actor = worker();
		SavedFilter before = owned(id, actor);
		records.delete(id);
		audit.record(AuditEntry.of("TICKET_FILTER_DELETED", "ticket_saved_filter", id).before(snapshot(before)));
	}

	private Actor worker() {
		if (!access.isAgent()) {
			throw RejectedRequest.forbidden("ticket.agent-only");
		}
		return actors.current();
	}

	private SavedFilterRecords.Row visible(long id, Actor actor) {
		return records.find(id)
			.filter(r -> r.userId() == actor.userId() || r.shared() && r.partyId() != null
					&& r.partyId() == actor.partyId())
			.orElseThrow(() -> RejectedRequest.notFound("saved-filter"));
	}

	private SavedFilter owned(long id, Actor actor) {
		SavedFilterRecords.Row row = visible(id, actor);
		if (row.userId() != actor.userId()) {
			throw RejectedRequest.forbidden("savedfilter.not-owner");
		}
		return row.as(actor.userId());
	}

	private Checked check(SavedFilterDraft draft, Actor actor, Long exceptId) {
		FieldErrors errors = new FieldErrors();
		String name = FieldErrors.clean(draft.name());
		errors.required("name", name, 100);
		String query = null;
		try {
			query = SavedFilterQuery.parse(draft.query()).checked();
		}
		catch (RejectedRequest refused) {
			refused.fieldErrors().forEach(errors::add);
		}
		errors.throwIfAny();
		if (records.nameTaken(actor.userId(), name, exceptId)) {
			throw FieldErrors.taken("name", "savedfilter.name.taken");
		}
		boolean shared = Boolean.TRUE.equals(draft.shared());
		if (shared && !mayShare()) {
			throw RejectedRequest.forbidden("savedfilter.share-read-only");
		}
		return new Checked(name, query, shared);
	}

	/**
	 * Whether the signed-in person may share a queue with their party: sharing changes what colleagues' workspaces
	 * show, a write that a read-only scope (supervision) may not make; a queue of one's own is a personal view.
	 */
	public boolean mayShare() {
		return actors.scope().mayWrite();
	}

	private static Map<String, Object> snapshot(SavedFilter filter) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", filter.name());
		values.put("query", filter.query());
		values.put("shared", filter.shared());
		return values;
	}

	private record Checked(String name, String query, boolean shared) {
	}
}
