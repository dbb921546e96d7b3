package org.yunwei.ticket.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.ticket.DueTicket;
import org.yunwei.ticket.GroupLoad;
import org.yunwei.ticket.OwnRequest;
import org.yunwei.ticket.SystemIncident;
import org.yunwei.ticket.TicketGroup;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.internal.agenda.TicketAgenda;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;
import org.yunwei.ticket.internal.intake.TicketDraft;
import org.yunwei.ticket.internal.intake.TicketIntake;
import org.yunwei.ticket.internal.link.TicketLinkDraft;
import org.yunwei.ticket.internal.link.TicketLinking;
import org.yunwei.ticket.internal.list.TicketQuery;
import org.yunwei.ticket.internal.list.TicketSearch;
import org.yunwei.ticket.internal.record.Author;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.PendingReason;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketStatus;
import org.yunwei.ticket.internal.record.Timeline;

/**
 * What {@link org.yunwei.ticket.Tickets} delegates to: the module's internals, translated into the public records.
 * Public only so that the module's API package can reach it; no other module may (Modulith's verification refuses).
 */
@Component
public class TicketFacade {

	private final TicketRecords tickets;
	private final TicketAccess access;
	private final Timeline timeline;
	private final FollowUpTickets followUps;
	private final OpenIncidents openIncidents;
	private final FinishedTickets finished;
	private final TicketLinking linking;
	private final AssignmentGroups groups;
	private final TicketAgenda agenda;
	private final Actors actors;
	private final TicketSearch search;
	private final TicketIntake intake;
	private final org.yunwei.ticket.internal.work.TicketWork work;

	TicketFacade(TicketRecords tickets, TicketAccess access, Timeline timeline, FollowUpTickets followUps,
			OpenIncidents openIncidents, FinishedTickets finished, TicketLinking linking, AssignmentGroups groups,
			TicketAgenda agenda, Actors actors, TicketSearch search, TicketIntake intake,
			org.yunwei.ticket.internal.work.TicketWork work) {
		this.work = work;
		this.search = search;
		this.intake = intake;
		this.agenda = agenda;
		this.tickets = tickets;
		this.access = access;
		this.timeline = timeline;
		this.followUps = followUps;
		this.openIncidents = openIncidents;
		this.finished = finished;
		this.linking = linking;
		this.groups = groups;
		this.actors = actors;
	}

	public TicketReference openIncidentForSystem(SystemIncident incident) {
		TicketDraft draft = new TicketDraft("INCIDENT", incident.subject(), incident.description(),
				incident.customerOrgUnitId(), null, incident.reporterName(), null, null, null, null,
				incident.configurationItem(), incident.category(), incident.impact(), incident.urgency(), null, null);
		return reference(intake.openForSystem(draft, Channel.MONITORING,
				new Author(incident.authorUserId(), incident.authorName()), null, incident.providerPartyId()));
	}

	public org.yunwei.ticket.SystemResolution resolveForSystem(long id, String text, String systemName) {
		return org.yunwei.ticket.SystemResolution.valueOf(work.resolveForSystem(id, text, Author.system(systemName)));
	}

	public Optional<TicketReference> find(long id) {
		return tickets.find(id).map(TicketFacade::reference);
	}

	public Optional<TicketReference> findVisible(long id) {
		return access.find(id).map(TicketFacade::reference);
	}

	public Optional<TicketReference> findVisibleByNumber(String number) {
		return tickets.findByNumber(number.strip().toUpperCase(java.util.Locale.ROOT))
			.flatMap(row -> access.find(row.id()))
			.map(TicketFacade::reference);
	}

	public Optional<DataScope> readerScope() {
		return access.readerScope();
	}

	public TicketReference lockForCustomer(long id) {
		return reference(access.lockForCustomer(id));
	}

	public TicketReference lockForAgent(long id) {
		return reference(access.lockForAgent(id));
	}

	public boolean isAgent() {
		return access.isAgent();
	}

	public boolean mayWork() {
		return access.mayWork();
	}

	public List<TicketGroup> groups(DataScope scope) {
		return groups.visibleTo(scope).stream()
			.map(TicketFacade::group)
			.toList();
	}

	public Optional<TicketGroup> group(long id) {
		return groups.find(id).map(TicketFacade::group);
	}

	public void addNote(long ticketId, String kind, boolean visibleToCustomer, String body,
			Map<String, Object> details) {
		Actor actor = actors.current();
		timeline.append(ticketId, EntryKind.valueOf(kind), visibleToCustomer, actor.userId(), actor.displayName(),
				body, details, null);
	}

	public Optional<TicketReference> openFollowUp(long originalTicketId, String reason, String via) {
		return tickets.find(originalTicketId)
			.flatMap(original -> followUps.open(original, reason, Channel.valueOf(via), Author.of(actors.current())))
			.map(TicketFacade::reference);
	}

	public Optional<TicketReference> addToFollowUp(long followUpTicketId, long originalTicketId, String reason) {
		Optional<TicketRow> original = tickets.find(originalTicketId);
		if (original.isEmpty()) {
			return Optional.empty();
		}
		return tickets.lock(followUpTicketId)
			.filter(t -> t.status() != TicketStatus.RESOLVED && t.status() != TicketStatus.CLOSED)
			.map(t -> followUps.join(t, original.get(), reason, Author.of(actors.current())))
			.map(TicketFacade::reference);
	}

	public List<TicketReference> openIncidents(String column, Object value, DataScope scope, int limit) {
		return openIncidents.where(column, value, scope, limit).stream().map(TicketFacade::reference).toList();
	}

	public List<TicketReference> finishedAfter(long ticketId, int limit) {
		return finished.after(ticketId, limit).stream().map(TicketFacade::reference).toList();
	}

	public List<org.yunwei.ticket.ResolvedTicketText> finishedTextsAfter(long ticketId, int limit) {
		return finished.textsAfter(ticketId, limit);
	}

	public List<org.yunwei.ticket.ResolvedTicketText> finishedTexts(java.util.Collection<Long> ids) {
		return finished.texts(ids);
	}

	public long finishedCount() {
		return finished.count();
	}

	/** Of these ids, the finished tickets the signed-in person may read; nothing for one who may read none. */
	public List<TicketReference> finishedVisible(java.util.Collection<Long> ids) {
		return access.readerScope().map(scope -> finished.visible(ids, scope).stream()
			.map(TicketFacade::reference).toList()).orElse(List.of());
	}

	public void link(long ticketId, long otherTicketId, String kind) {
		linking.link(ticketId, new TicketLinkDraft(null, otherTicketId, kind));
	}

	public List<DueTicket> assignedTo(long userId, DataScope scope, int limit) {
		return due(agenda.assignedTo(userId, scope, limit));
	}

	public List<DueTicket> unassignedInGroupsOf(long userId, DataScope scope, int limit) {
		return due(agenda.unassignedIn(groups.groupsOf(userId), scope, limit));
	}

	public List<DueTicket> dueSoonFor(long userId, Duration within, DataScope scope, int limit) {
		return due(agenda.dueSoon(userId, groups.groupsOf(userId), within, scope, limit));
	}

	public List<GroupLoad> loads(List<TicketGroup> visible, DataScope scope) {
		return agenda.loads(visible, scope);
	}

	public List<DueTicket> overdue(DataScope scope, int limit) {
		return due(agenda.overdue(scope, limit));
	}

	public List<OwnRequest> reportedOpen(long userId, DataScope scope, int limit) {
		return agenda.reportedOpen(userId, scope, limit).stream()
			.map(t -> new OwnRequest(reference(t), awaiting(t)))
			.toList();
	}

	public List<TicketReference> reportedFinishedWithin(long userId, Duration within, DataScope scope, int limit) {
		return agenda.reportedFinishedSince(userId, Instant.now().minus(within), scope, limit).stream()
			.map(TicketFacade::reference)
			.toList();
	}

	private static OwnRequest.Awaiting awaiting(TicketRow t) {
		if (t.status() == TicketStatus.RESOLVED) {
			return OwnRequest.Awaiting.CONFIRMATION;
		}
		if (t.status() == TicketStatus.PENDING && t.pendingReason() == PendingReason.CUSTOMER) {
			return OwnRequest.Awaiting.REPLY;
		}
		return OwnRequest.Awaiting.NOTHING;
	}

	private static List<DueTicket> due(List<TicketRow> rows) {
		return rows.stream().map(t -> new DueTicket(reference(t), t.resolutionDueAt())).toList();
	}

	private static TicketGroup group(AssignmentGroup g) {
		return new TicketGroup(g.id(), g.code(), g.name(), g.partyId(), g.enabled());
	}

	public List<TicketReference> findIncidents(String text, int limit) {
		String sought = org.yunwei.web.FieldErrors.clean(text);
		Actor reader = actors.find().orElse(null);
		if (sought == null || sought.length() > 100 || reader == null || !TicketAccess.seesInternal(reader)) {
			return List.of();
		}
		TicketQuery query = TicketQuery.of(null, "INCIDENT", null, null, null, null, null, null, null, null, null,
				sought, null, limit, null);
		return search.rows(query, actors.scopeOf(reader)).stream().limit(limit).map(TicketFacade::reference).toList();
	}

	static TicketReference reference(TicketRow t) {
		return new TicketReference(t.id(), t.number(), t.type(), t.status().name(), t.priority(), t.subject(),
				t.customerOrgUnitId(), t.providerPartyId(), t.groupId(), t.assigneeUserId(), t.reporterUserId(),
				t.reporterName(), t.reporterContact(), t.serviceId(), t.configurationItem(), t.major(),
				t.resolutionText(), t.resolvedAt(), t.closedAt(), t.createdAt());
	}
}
