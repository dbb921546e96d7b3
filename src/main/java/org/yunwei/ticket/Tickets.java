package org.yunwei.ticket;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.Permission;
import org.yunwei.ticket.internal.statistics.AssigneeTimeliness;
import org.yunwei.ticket.internal.statistics.HeadlineFigures;
import org.yunwei.ticket.internal.TicketFacade;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.web.DateRange;
import org.yunwei.web.RejectedRequest;

/**
 * What other modules may ask of the service desk (服务台): find a ticket, the open incidents of a configuration item,
 * a service or a customer unit, link two tickets, how each person handled tickets in a period, what waits for the
 * signed-in person (their queue, the tickets near their deadline, the unassigned ones of their groups, the groups'
 * load and breaches, the requests they reported) and the headline figures of a period for a home page, and — for the
 * evaluation module — write a rating or return visit
 * to a ticket's timeline and open (or add to) a dissatisfied customer's follow-up. Everything else about a ticket
 * (its lifecycle, clocks and timeline) stays inside this module; what happens to tickets is published as events
 * ({@link TicketOpened}, {@link TicketAssigned}, {@link TicketResolved}, {@link TicketClosed},
 * {@link TicketReopened}).
 * <p>
 * Methods named for the signed-in person apply their scope ({@code Actors}): a ticket outside it is "not found",
 * never "forbidden", so that its existence is not revealed. Methods named {@code …ForSystem} apply none and are for
 * listeners and jobs, which act for nobody in particular. No method returns {@code null}; ids are never {@code null}.
 */
@Service
public class Tickets {

	/** The most tickets one call of the {@code openIncidentsOf…} methods returns. */
	public static final int MAX_LIMIT = 200;

	private final TicketFacade tickets;
	private final AssigneeTimeliness timeliness;
	private final HeadlineFigures headline;
	private final Actors actors;

	Tickets(TicketFacade tickets, AssigneeTimeliness timeliness, HeadlineFigures headline, Actors actors) {
		this.tickets = tickets;
		this.timeliness = timeliness;
		this.headline = headline;
		this.actors = actors;
	}

	/**
	 * The ticket if the signed-in person may read it: they need a right to read tickets (a customer's people,
	 * TICKET_WORK or TICKET_REPORT) and the ticket in their scope.
	 *
	 * @return empty when there is no such ticket, the person may read no ticket, or it lies outside their scope
	 */
	@Transactional(readOnly = true)
	public Optional<TicketReference> find(long id) {
		return tickets.findVisible(id);
	}

	/**
	 * The ticket with this business number (e.g. {@code INC-20261122-0001}, in any case) if the signed-in person may
	 * read it, as {@link #find} decides.
	 *
	 * @param number never {@code null}
	 */
	@Transactional(readOnly = true)
	public Optional<TicketReference> findByNumber(String number) {
		return tickets.findVisibleByNumber(number);
	}

	/**
	 * Opens an incident for what another module found (an inspection's anomaly), checked like every ticket and
	 * routed by the provider's rules. Applies no scope: the caller has checked its own.
	 *
	 * @throws RejectedRequest 400 naming the refused fields, e.g. a customer unit that is no enabled customer's
	 */
	@Transactional
	public TicketReference openIncidentForSystem(SystemIncident incident) {
		return tickets.openIncidentForSystem(incident);
	}

	/**
	 * Tells an incident the system opened on the monitoring channel that what it reported has gone away (an automated
	 * check recovered), for a job with nobody signed in: an incident nobody has started on (new, or only routed to a
	 * group or person) is resolved (SOLVED) with {@code text} as its resolution; one an agent is working (in
	 * progress, pending) gets {@code text} as an internal note and its workers are told, the agent resolves it. The
	 * timeline entry and the audit trail name {@code systemName}. Applies no scope: the caller opened the incident.
	 *
	 * @param text what recovered, in the service desk's language; never {@code null}
	 * @param systemName who acts, e.g. "运维平台自动巡检"; never {@code null}
	 * @return what was done; {@link SystemResolution#UNCHANGED} (nothing written) for a ticket resolved or closed
	 *         already, one of another type or channel, or none
	 */
	@Transactional
	public SystemResolution resolveForSystem(long ticketId, String text, String systemName) {
		return tickets.resolveForSystem(ticketId, text, systemName);
	}

	/** The ticket whoever asks, for listeners and jobs; empty when there is no such ticket. */
	@Transactional(readOnly = true)
	public Optional<TicketReference> findForSystem(long id) {
		return tickets.find(id);
	}

	/**
	 * The ticket, locked until the caller's transaction ends, for a change only its customer makes, such as a
	 * rating. Call it within a transaction.
	 *
	 * @throws RejectedRequest 403 for anyone but a person of a customer; 404 when there is no such ticket or it lies
	 *         outside the person's unit and the units below it
	 */
	@Transactional
	public TicketReference lockForCustomer(long id) {
		return tickets.lockForCustomer(id);
	}

	/**
	 * The ticket, locked until the caller's transaction ends, for a change an agent makes, such as recording a
	 * return visit: the person needs TICKET_WORK and a writable scope (supervision has none).
	 *
	 * @throws RejectedRequest 403 for customers, supervision and people without TICKET_WORK; 404 when there is no
	 *         such ticket or it lies outside the person's scope
	 */
	@Transactional
	public TicketReference lockForAgent(long id) {
		return tickets.lockForAgent(id);
	}

	/**
	 * Whether the signed-in person belongs to the service desk's side with a ticket role (TICKET_WORK or
	 * TICKET_REPORT, of a provider, management or supervision): they see internal entries and the service desk's own
	 * records. A customer does not, nor does anyone without such a role (administrators, integration accounts).
	 */
	public boolean isAgent() {
		return tickets.isAgent();
	}

	/**
	 * Whether the signed-in person works tickets: TICKET_WORK in a provider or management (the actions
	 * {@link #lockForAgent} allows).
	 */
	public boolean mayWork() {
		return tickets.mayWork();
	}

	/**
	 * The assignment groups the signed-in person sees: every group for management and supervision, their own
	 * party's otherwise; by name.
	 */
	@Transactional(readOnly = true)
	public List<TicketGroup> groups() {
		return tickets.groups(actors.scope());
	}

	/**
	 * One assignment group by id, whoever asks (its name is shown beside the tickets of it that the asker sees).
	 *
	 * @return empty when there is no such group
	 */
	@Transactional(readOnly = true)
	public Optional<TicketGroup> group(long id) {
		return tickets.group(id);
	}

	/**
	 * Adds an entry to the timeline of a ticket the caller has checked (e.g. with {@link #lockForCustomer}),
	 * written by the signed-in person, in the caller's transaction.
	 *
	 * @param note the entry; never {@code null}
	 */
	@Transactional
	public void addNote(long ticketId, TimelineNote note) {
		tickets.addNote(ticketId, note.kind().name(), note.visibleToCustomer(), note.body(),
				note.details().isEmpty() ? null : new LinkedHashMap<>(note.details()));
	}

	/**
	 * Opens a follow-up of a dissatisfied customer (回访跟进): a service request "回访跟进：&lt;subject&gt;" for the
	 * original's customer, for the group that resolved it, linked to it as related, its group lead told; opened by the
	 * signed-in person through {@code via}.
	 *
	 * @param reason what the customer said, in the service desk's language; never {@code null}
	 * @return the follow-up; empty when the original does not exist or its customer unit is gone or disabled
	 */
	@Transactional
	public Optional<TicketReference> openFollowUp(long originalTicketId, String reason, Via via) {
		return tickets.openFollowUp(originalTicketId, reason, via.name());
	}

	/**
	 * Adds another complaint to a follow-up that is still open, as an internal note, and tells its group lead.
	 *
	 * @param reason what the customer said; never {@code null}
	 * @return the follow-up; empty when it is no longer open (nothing is written then), or either ticket is missing
	 */
	@Transactional
	public Optional<TicketReference> addToFollowUp(long followUpTicketId, long originalTicketId, String reason) {
		return tickets.addToFollowUp(followUpTicketId, originalTicketId, reason);
	}

	/**
	 * Resolved and closed tickets with an id above {@code afterTicketId}, in id order, whoever asks: for a module
	 * that rebuilds what it keeps of finished tickets (the data generator, a backfill). Pass the last id of a page
	 * to read the next; an empty list is the end.
	 *
	 * @param limit 1 to 10,000
	 */
	@Transactional(readOnly = true)
	public List<TicketReference> finishedForSystem(long afterTicketId, int limit) {
		if (limit < 1 || limit > 10_000) {
			throw new IllegalArgumentException("limit must be 1 to 10000, not " + limit);
		}
		return tickets.finishedAfter(afterTicketId, limit);
	}

	/**
	 * The texts of the resolved and closed tickets with an id above {@code afterTicketId}, in id order, whoever asks:
	 * a page of a rebuild of what another module keeps of them (the knowledge base's index of resolved tickets). Pass
	 * the last id of a page to read the next; an empty list is the end.
	 *
	 * @param limit 1 to 10,000
	 */
	@Transactional(readOnly = true)
	public List<ResolvedTicketText> resolvedTextsForSystem(long afterTicketId, int limit) {
		if (limit < 1 || limit > 10_000) {
			throw new IllegalArgumentException("limit must be 1 to 10000, not " + limit);
		}
		return tickets.finishedTextsAfter(afterTicketId, limit);
	}

	/**
	 * Of these tickets, the texts of those resolved or closed now, whoever asks, in no particular order: a ticket
	 * missing from the answer is not finished (reopened, or never resolved) or does not exist.
	 *
	 * @param ticketIds at most 10,000; never {@code null}
	 */
	@Transactional(readOnly = true)
	public List<ResolvedTicketText> resolvedTextsForSystem(Collection<Long> ticketIds) {
		if (ticketIds.size() > 10_000) {
			throw new IllegalArgumentException("at most 10000 tickets at once, not " + ticketIds.size());
		}
		return tickets.finishedTexts(ticketIds);
	}

	/** How many tickets are resolved or closed now, whoever asks: the total a rebuild's progress is shown against. */
	@Transactional(readOnly = true)
	public long countFinishedForSystem() {
		return tickets.finishedCount();
	}

	/**
	 * Of these tickets, those resolved or closed now that the signed-in person may read (as {@link #find} decides), in
	 * no particular order, in one query: a module's search over finished tickets checks its hits with it, so that a
	 * ticket reopened a moment ago or outside the reader's scope never shows.
	 *
	 * @param ticketIds at most {@link #MAX_LIMIT}; never {@code null}
	 * @return empty also for a person who may read no ticket
	 */
	@Transactional(readOnly = true)
	public List<TicketReference> finishedVisible(Collection<Long> ticketIds) {
		if (ticketIds.size() > MAX_LIMIT) {
			throw new IllegalArgumentException("at most " + MAX_LIMIT + " tickets at once, not " + ticketIds.size());
		}
		return tickets.finishedVisible(ticketIds);
	}

	/**
	 * The scope in which the signed-in person reads tickets — management and supervision every ticket, a provider's
	 * staff their party's, a customer's person those of their unit and the units below — so that another module
	 * filtering what it keeps of tickets applies the ticket module's rule and not one of its own.
	 *
	 * @return empty when the person may read no ticket (no ticket role on the service side, e.g. an administrator)
	 */
	public Optional<DataScope> readerScope() {
		return tickets.readerScope();
	}

	/**
	 * The open incidents naming a configuration item, newest first, of those the signed-in person may see.
	 *
	 * @param configurationItem as the tickets name it; never {@code null}
	 * @param limit 1 to {@link #MAX_LIMIT}
	 */
	@Transactional(readOnly = true)
	public List<TicketReference> openIncidentsOfConfigurationItem(String configurationItem, int limit) {
		return openIncidents("configuration_item", configurationItem, checked(limit));
	}

	/** The open incidents about a catalogue service, newest first, of those the signed-in person may see. */
	@Transactional(readOnly = true)
	public List<TicketReference> openIncidentsOfService(long serviceId, int limit) {
		return openIncidents("service_id", serviceId, checked(limit));
	}

	/** The open incidents of one customer unit, newest first, of those the signed-in person may see. */
	@Transactional(readOnly = true)
	public List<TicketReference> openIncidentsOfCustomer(long customerOrgUnitId, int limit) {
		return openIncidents("customer_org_unit_id", customerOrgUnitId, checked(limit));
	}

	/**
	 * The incidents the signed-in agent may see whose number is the text or whose subject contains it, newest first,
	 * for a picker (a problem opened from incidents). Empty for a blank text and for anyone but the service side's
	 * readers of tickets (TICKET_WORK or TICKET_REPORT).
	 *
	 * @param limit 1 to {@link #MAX_LIMIT}
	 */
	@Transactional(readOnly = true)
	public List<TicketReference> findIncidents(String text, int limit) {
		return tickets.findIncidents(text, checked(limit));
	}

	/**
	 * Links two tickets for the signed-in agent, as the ticket page does: both timelines get an entry and the link
	 * is audited.
	 *
	 * @param kind {@code PARENT_OF} (the first is the parent), {@code DUPLICATE_OF} or {@code RELATED}
	 * @throws RejectedRequest 404 for a ticket outside the person's scope, 400 for an unknown kind or a ticket
	 *         linked to itself, 409 for a pair linked already, 422 for a parent link that would form a cycle
	 */
	@Transactional
	public void link(long ticketId, long otherTicketId, String kind) {
		tickets.link(ticketId, otherTicketId, kind);
	}

	/**
	 * Per assignee, the tickets assigned, resolved and closed in the period, their times to respond and to resolve,
	 * SLA attainment and reopened tickets ({@link AssigneeFigures}), most resolved first; the tickets nobody is
	 * assigned to are a row of their own ({@code assigneeUserId} {@code null}).
	 * <p>
	 * Needs TICKET_REPORT (403 otherwise); management and supervision see every provider's people, a provider its
	 * own, a customer nothing (403).
	 *
	 * @param period days in the service desk's zone, both given, both included
	 * @param providerPartyId only the tickets of this provider party; {@code null} for all the asker may see. An id
	 *        that is no provider the asker may see is refused (400 naming {@code provider})
	 */
	public List<AssigneeFigures> figuresByAssignee(DateRange period, Long providerPartyId) {
		return timeliness.figures(period, providerPartyId);
	}

	/** Nothing for a person who may read no ticket, whatever their party's scope would include. */
	private List<TicketReference> openIncidents(String column, Object value, int limit) {
		return tickets.readerScope().map(scope -> tickets.openIncidents(column, value, scope, limit))
			.orElse(List.of());
	}

	/**
	 * The open tickets assigned to the signed-in agent, the earliest resolution due first (those without a due time
	 * last): their queue.
	 *
	 * @param limit 1 to {@link #MAX_LIMIT}
	 * @throws RejectedRequest 403 for anyone who does not work tickets (TICKET_WORK, not a customer or supervision)
	 */
	@Transactional(readOnly = true)
	public List<DueTicket> assignedToMe(int limit) {
		Actor actor = worker();
		return tickets.assignedTo(actor.userId(), actors.scopeOf(actor), checked(limit));
	}

	/**
	 * The open tickets nobody has taken in the assignment groups the signed-in agent belongs to, the earliest
	 * resolution due first.
	 *
	 * @throws RejectedRequest 403 as {@link #assignedToMe}
	 */
	@Transactional(readOnly = true)
	public List<DueTicket> unassignedInMyGroups(int limit) {
		Actor actor = worker();
		return tickets.unassignedInGroupsOf(actor.userId(), actors.scopeOf(actor), checked(limit));
	}

	/**
	 * The open tickets assigned to the signed-in agent or lying in their groups whose resolution target falls within
	 * {@code within} from now or has passed, the earliest due first.
	 *
	 * @param within how far ahead "near" reaches; not negative
	 * @throws RejectedRequest 403 as {@link #assignedToMe}
	 */
	@Transactional(readOnly = true)
	public List<DueTicket> dueSoonForMe(Duration within, int limit) {
		if (within.isNegative()) {
			throw new IllegalArgumentException("within must not be negative, not " + within);
		}
		Actor actor = worker();
		return tickets.dueSoonFor(actor.userId(), within, actors.scopeOf(actor), checked(limit));
	}

	/**
	 * The load of each enabled assignment group the signed-in person sees ({@link #groups()}): open, unassigned and
	 * overdue tickets within their scope, by group name; at most {@link #MAX_LIMIT} groups.
	 *
	 * @throws RejectedRequest 403 without TICKET_ADMIN (the service desk manager's permission)
	 */
	@Transactional(readOnly = true)
	public List<GroupLoad> groupLoads() {
		Actor actor = administrator();
		DataScope scope = actors.scopeOf(actor);
		return tickets.loads(tickets.groups(scope).stream().filter(TicketGroup::enabled).limit(MAX_LIMIT).toList(),
				scope);
	}

	/**
	 * The open tickets within the signed-in person's scope past their resolution target (breached), the longest
	 * overdue first.
	 *
	 * @throws RejectedRequest 403 without TICKET_ADMIN
	 */
	@Transactional(readOnly = true)
	public List<DueTicket> overdue(int limit) {
		Actor actor = administrator();
		return tickets.overdue(actors.scopeOf(actor), checked(limit));
	}

	/**
	 * The tickets the signed-in person reported that still concern them (open, or resolved and awaiting their
	 * confirmation), newest first, each with what it waits for from them. Anyone may ask; their scope applies.
	 */
	@Transactional(readOnly = true)
	public List<OwnRequest> myOpenRequests(int limit) {
		Actor actor = actors.current();
		return tickets.reportedOpen(actor.userId(), actors.scopeOf(actor), checked(limit));
	}

	/**
	 * The tickets the signed-in person reported that were resolved within {@code within} of now (and may since have
	 * been closed), newest first: those a customer may still want to rate.
	 */
	@Transactional(readOnly = true)
	public List<TicketReference> myRecentlyFinished(Duration within, int limit) {
		Actor actor = actors.current();
		return tickets.reportedFinishedWithin(actor.userId(), within, actors.scopeOf(actor), checked(limit));
	}

	/**
	 * The headline figures of a period within the signed-in person's scope ({@link PeriodFigures}), as the ticket
	 * statistics count them.
	 *
	 * @param period days in the service desk's zone, both given, both included
	 * @throws RejectedRequest 403 without TICKET_REPORT
	 */
	public PeriodFigures figures(DateRange period) {
		return headline.of(period);
	}

	/** The service desk's time zone, in which days and months begin. */
	public ZoneId zone() {
		return headline.zone();
	}

	private Actor worker() {
		Actor actor = actors.current();
		if (!TicketAccess.works(actor)) {
			throw RejectedRequest.forbidden("ticket.agent-only");
		}
		return actor;
	}

	private Actor administrator() {
		Actor actor = actors.current();
		if (!actor.can(Permission.TICKET_ADMIN)) {
			throw RejectedRequest.forbidden("problem.forbidden");
		}
		return actor;
	}

	private static int checked(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
		}
		return limit;
	}

	/** How a follow-up's complaint came in: the channel the follow-up is opened on. */
	public enum Via {
		/** A rating on the portal's page. */
		PORTAL,
		/** A rating through the API. */
		API,
		/** A return-visit call. */
		PHONE
	}
}
