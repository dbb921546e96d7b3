package org.yunwei.ticket.internal.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.catalog.CatalogService;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.DataScope;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.identity.Person;
import org.yunwei.sla.ClockState;
import org.yunwei.sla.Priority;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.boundary.PartyBoundary;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;
import org.yunwei.ticket.internal.record.Author;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.NewTicket;
import org.yunwei.ticket.internal.record.TicketFields;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketSettings;
import org.yunwei.ticket.internal.record.TicketStatus;
import org.yunwei.ticket.internal.record.TicketTime;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.ticket.internal.record.TimelineEntry;
import org.yunwei.ticket.internal.routing.RoutingRequest;
import org.yunwei.ticket.internal.routing.TicketRouter;
import org.yunwei.ticket.internal.routing.UnassignedWatch;
import org.yunwei.ticket.internal.work.Ticket;
import org.yunwei.ticket.internal.work.TicketClocks;
import org.yunwei.ticket.internal.work.TicketNotices;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Opens tickets from every channel into one model. A customer submits for their own unit (or one below it), as
 * their own reporter, about a service their unit may order; an agent (TICKET_WORK) records a ticket for a customer
 * unit their party serves, reported by one of that unit's people or a caller by name ({@link PartyBoundary}); the
 * mailbox and monitoring intakes open tickets for the system. Everything is checked before anything is written;
 * the ticket, its first timeline entries, its SLA clocks, its audit entry and its number are written in one
 * transaction, which publishes {@link org.yunwei.ticket.TicketOpened} (and {@link org.yunwei.ticket.TicketAssigned}
 * for a ticket opened in a group).
 */
@Service
public class TicketIntake {

	private final Actors actors;
	private final Organisations organisations;
	private final People people;
	private final TicketPlacement placement;
	private final AssignmentGroups groups;
	private final TicketRecords tickets;
	private final TicketNumbers numbers;
	private final Timeline timeline;
	private final TicketClocks clocks;
	private final TicketNotices notices;
	private final AuditTrail audit;
	private final TicketSettings settings;
	private final ApplicationEventPublisher events;
	private final TicketRouter router;
	private final UnassignedWatch unassigned;
	private final PartyBoundary boundary;

	TicketIntake(Actors actors, Organisations organisations, People people, TicketPlacement placement,
			AssignmentGroups groups, TicketRecords tickets, TicketNumbers numbers, Timeline timeline,
			TicketClocks clocks, TicketNotices notices, AuditTrail audit, TicketSettings settings,
			ApplicationEventPublisher events, TicketRouter router, UnassignedWatch unassigned,
			PartyBoundary boundary) {
		this.boundary = boundary;
		this.actors = actors;
		this.organisations = organisations;
		this.people = people;
		this.placement = placement;
		this.groups = groups;
		this.tickets = tickets;
		this.numbers = numbers;
		this.timeline = timeline;
		this.clocks = clocks;
		this.notices = notices;
		this.audit = audit;
		this.settings = settings;
		this.events = events;
		this.router = router;
		this.unassigned = unassigned;
	}

	/**
	 * A ticket submitted by the signed-in person.
	 *
	 * @param viaPortal whether a customer used the portal's form (channel PORTAL) rather than the API
	 */
	@Transactional
	public TicketRow submit(TicketDraft draft, boolean viaPortal) {
		return accept(draft, viaPortal).ticket();
	}

	/**
	 * {@link #submit}, answering also what the intake read and wrote on the way, so that the answer to the
	 * submitter can be shown without reading it back.
	 */
	@Transactional
	public Opened accept(TicketDraft draft, boolean viaPortal) {
		Actor actor = actors.current();
		DataScope scope = actors.writableScope();
		FieldErrors errors = new FieldErrors();
		boolean customer = actor.partyKind() == PartyKind.CUSTOMER;
		if (!customer && !actor.can(Permission.TICKET_WORK)) {
			throw RejectedRequest.forbidden("ticket.agent-only");
		}
		// boxed on purpose: a mixed long/Long conditional would unbox an agent's missing unit into a NullPointerException
		Long unitId = draft.customerOrgUnitId() == null && customer ? Long.valueOf(actor.orgUnitId())
				: draft.customerOrgUnitId();
		if (unitId != null && customer && !scope.orgUnitIds().contains(unitId)) {
			errors.add("customerOrgUnitId", "ticket.customer.not-yours");
		}
		// read once: the party boundary and the placement both look at it
		Optional<OrganisationUnit> found = unitId == null ? Optional.empty() : organisations.find(unitId);
		Channel channel;
		Reporter reporter;
		if (customer) {
			channel = viaPortal ? Channel.PORTAL : Channel.API;
			reporter = new Reporter(actor.userId(), actor.displayName(), FieldErrors.clean(draft.reporterContact()));
			if (draft.serviceId() == null) {
				errors.add("serviceId", "field.required");
			}
			if (draft.groupId() != null) {
				errors.add("groupId", "ticket.customer.cannot-assign");
			}
			if (draft.assigneeUserId() != null) {
				errors.add("assigneeUserId", "ticket.customer.cannot-assign");
			}
		}
		else {
			channel = parseChannel(draft.channel(), errors);
			Optional<OrganisationUnit> unit = found.filter(u -> u.partyKind() == PartyKind.CUSTOMER);
			if (unit.isPresent() && !boundary.serves(actor, unit.get())) {
				errors.add("customerOrgUnitId", "ticket.customer.not-served");
			}
			reporter = reporter(draft, unit, person -> boundary.reportsFor(person, unit.get()), errors);
		}
		Checked checked = check(draft, unitId, found, errors);
		Long providerPartyId = checked.providerPartyId();
		if (providerPartyId == null && actor.partyKind() == PartyKind.PROVIDER) {
			providerPartyId = actor.partyId();
		}
		if (actor.partyKind() == PartyKind.PROVIDER && providerPartyId != actor.partyId()) {
			throw FieldErrors.ruleBroken("ticket-other-provider", draft.groupId() != null ? "groupId" : "serviceId",
					"ticket.provider.other");
		}
		return open(checked, channel, reporter, providerPartyId, null, Author.of(actor));
	}

	/**
	 * A ticket opened by an intake for the system (mailbox, monitoring), checked like any other.
	 *
	 * @param alertKey the alert source's key that later repeats add to; {@code null} for none
	 */
	@Transactional
	public TicketRow openForSystem(TicketDraft draft, Channel channel, Author author, String alertKey) {
		return openForSystem(draft, channel, author, alertKey, null);
	}

	/**
	 * {@link #openForSystem(TicketDraft, Channel, Author, String)} for a finding of another module, worked by the
	 * provider given when neither a service nor a group names one.
	 */
	@Transactional
	public TicketRow openForSystem(TicketDraft draft, Channel channel, Author author, String alertKey,
			Long providerPartyId) {
		FieldErrors errors = new FieldErrors();
		Optional<OrganisationUnit> unit = draft.customerOrgUnitId() == null ? Optional.empty()
				: organisations.find(draft.customerOrgUnitId());
		// a mailbox or an alert route names its unit itself; a reporter found by address need only be of its party
		Reporter reporter = reporter(draft, unit, person -> person.partyId() == unit.get().partyId(), errors);
		Checked checked = check(draft, draft.customerOrgUnitId(), unit, errors);
		Long provider = checked.providerPartyId() != null ? checked.providerPartyId() : providerPartyId;
		return open(checked, channel, reporter, provider, alertKey, author).ticket();
	}

	private Opened open(Checked submitted, Channel channel, Reporter reporter, Long providerPartyId,
			String alertKey, Author author) {
		Instant now = TicketTime.now();
		// the id and priority first: routing and the clocks depend on the priority, and the row is written once,
		// numbered, at the end
		TicketRecords.Reserved reserved = tickets.reserve(submitted.impact(), submitted.urgency());
		Optional<TicketRouter.Route> route = submitted.groupId() != null || providerPartyId == null ? Optional.empty()
				: router.route(new RoutingRequest(providerPartyId, submitted.serviceId(), submitted.category(),
						submitted.unit().ancestorIds(), channel, Priority.valueOf(reserved.priority())));
		Checked checked = route.map(r -> submitted.routedTo(r.group(), r.assigneeUserId())).orElse(submitted);
		TicketStatus status = Ticket.openingStatus(checked.groupId());
		NewTicket draft = new NewTicket(checked.type(), status, channel, checked.subject(), checked.description(),
				reporter.userId(), reporter.name(), reporter.contact(), checked.customerOrgUnitId(), providerPartyId,
				checked.serviceId(), checked.serviceObject(), checked.configurationItem(), checked.category(),
				checked.impact(), checked.urgency(), checked.groupId(), checked.assigneeUserId(), alertKey);
		TicketRow ticket = reserved.ticket(draft, now);
		List<Timeline.Addition> additions = new ArrayList<>(2);
		additions.add(new Timeline.Addition(EntryKind.CREATED, true, author.userId(), author.name(), null,
				Map.of("channel", channel.name(), "priority", ticket.priority()), null));
		if (checked.groupId() != null) {
			Map<String, Object> assignment = Timeline.assignment(checked.groupId(), checked.assigneeUserId());
			route.ifPresent(r -> assignment.put("routingRule", r.rule().name()));
			additions.add(new Timeline.Addition(EntryKind.ASSIGNED, false, author.userId(), author.name(), null,
					assignment, null));
		}
		TicketClocks.Started started = clocks.start(ticket, checked.unit(), now);
		// prepared before the number is taken: nothing but the number's own writes should wait while the counter is
		// locked
		Set<Long> workers = TicketNotices.workers(checked.assigneeUserId(), checked.group());
		TicketNumbers.Numbered stored = numbers.numberAndInsert(started.ticket(), new Timeline.FirstEntries(additions),
				LocalDate.ofInstant(now, settings.zone()));
		TicketRow numbered = stored.ticket();
		String number = numbered.number();
		long id = numbered.id();
		audit.record(AuditEntry.of("TICKET_CREATED", "ticket", id).after(snapshot(numbered)).detail(number)
			.actor(author.auditActor()));
		tellWhoWorksIt(numbered, checked, workers, route.isPresent());
		route.ifPresent(r -> unassigned.watch(numbered, r.rule()));
		Ticket.opened(numbered).events().forEach(events::publishEvent);
		return new Opened(numbered, checked.unit(), checked.service(), checked.group(), started.response(),
				started.resolution(), stored.timeline());
	}

	/**
	 * Whoever must act on a new ticket hears of it: its assignee, else its whole group (a ticket nobody has taken yet
	 * must not sit unseen), else the provider's service desk managers, who dispatch what no rule placed.
	 */
	private void tellWhoWorksIt(TicketRow ticket, Checked checked, Set<Long> workers, boolean routed) {
		String number = ticket.number();
		if (checked.assigneeUserId() != null || checked.groupId() != null && !routed) {
			notices.to(ticket, "assigned", notices.text("ticket.notice.assigned.body", number), workers);
		}
		else if (checked.groupId() != null) {
			notices.to(ticket, "unassigned", notices.text("ticket.notice.unassigned.body", number,
					checked.group().name()), workers);
		}
		else if (ticket.providerPartyId() != null) {
			notices.to(ticket, "unassigned", notices.text("ticket.notice.unrouted.body", number),
					people.holding(Permission.TICKET_ADMIN, ticket.providerPartyId()).stream().map(Person::id)
						.toList());
		}
	}

	/**
	 * A ticket just opened, with what the intake read and wrote for it: its customer unit, service and group
	 * ({@code null} for none), its clocks' states at the start ({@code null}: no SLA) and its first timeline entries.
	 */
	public record Opened(TicketRow ticket, OrganisationUnit customerUnit, CatalogService service,
			AssignmentGroup group, ClockState response, ClockState resolution, List<TimelineEntry> timeline) {
	}

	static Map<String, Object> snapshot(TicketRow t) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("number", t.number());
		values.put("type", t.type());
		values.put("status", t.status());
		values.put("channel", t.channel());
		values.put("subject", t.subject());
		values.put("customerOrgUnitId", t.customerOrgUnitId());
		values.put("providerPartyId", t.providerPartyId());
		values.put("serviceId", t.serviceId());
		values.put("priority", t.priority());
		values.put("groupId", t.groupId());
		values.put("assigneeUserId", t.assigneeUserId());
		values.put("agreementId", t.agreementId());
		return values;
	}

	/**
	 * The reporter the draft names: a user who {@code belongs} to the ticket's unit (asked only when the unit is
	 * known), or a caller by name.
	 */
	private Reporter reporter(TicketDraft draft, Optional<OrganisationUnit> unit, Predicate<Person> belongs,
			FieldErrors errors) {
		String contact = FieldErrors.clean(draft.reporterContact());
		errors.optional("reporterContact", contact, 200);
		if (draft.reporterUserId() != null) {
			Optional<Person> person = people.find(draft.reporterUserId());
			if (person.isEmpty() || !person.get().enabled() || unit.isPresent() && !belongs.test(person.get())) {
				errors.add("reporterUserId", "ticket.reporter.invalid");
				return new Reporter(null, "?", contact);
			}
			String personContact = contact != null ? contact
					: person.get().email() != null ? person.get().email() : person.get().phone();
			return new Reporter(person.get().id(), person.get().displayName(), personContact);
		}
		String name = FieldErrors.clean(draft.reporterName());
		errors.required("reporterName", name, 100);
		return new Reporter(null, name, contact);
	}

	/** @param found the unit of {@code unitId} as the caller read it; empty for none */
	private Checked check(TicketDraft draft, Long unitId, Optional<OrganisationUnit> found, FieldErrors errors) {
		TicketType type = errors.constant(TicketType.class, draft.type(), "type");
		String subject = FieldErrors.clean(draft.subject());
		String description = FieldErrors.clean(draft.description());
		errors.required("subject", subject, 200).required("description", description, 10000);
		OrganisationUnit unit = placement.customerUnit(unitId, found, errors);
		CatalogService service = placement.service(draft.serviceId(), unit, errors);
		// an assignment group's party serves the ticket (below); the service's provider only when there is none
		Long providerPartyId = service == null || draft.groupId() != null ? null : placement.providerOf(service);
		String serviceObject = TicketFields.serviceObject(draft.serviceObject(), errors);
		String configurationItem = FieldErrors.clean(draft.configurationItem());
		String category = FieldErrors.clean(draft.category());
		errors.optional("configurationItem", configurationItem, 200).optional("category", category, 100);
		int impact = TicketFields.level(draft.impact(), "impact", errors);
		int urgency = TicketFields.level(draft.urgency(), "urgency", errors);
		AssignmentGroup group = null;
		if (draft.groupId() != null) {
			group = groups.find(draft.groupId()).filter(AssignmentGroup::enabled).orElse(null);
			if (group == null) {
				errors.add("groupId", "ticket.group.invalid");
			}
			else {
				providerPartyId = group.partyId();
				if (draft.assigneeUserId() != null && !group.hasMember(draft.assigneeUserId())) {
					errors.add("assigneeUserId", "ticket.assignee.not-member");
				}
			}
		}
		else if (draft.assigneeUserId() != null) {
			errors.add("groupId", "ticket.assignee.needs-group");
		}
		errors.throwIfAny();
		return new Checked(type, subject, description, unitId, draft.serviceId(), serviceObject, configurationItem,
				category, impact, urgency, draft.groupId(), draft.assigneeUserId(), providerPartyId, unit, service,
				group);
	}

	private static Channel parseChannel(String value, FieldErrors errors) {
		if (value == null || value.isBlank()) {
			return Channel.PHONE;
		}
		Channel channel = errors.constant(Channel.class, value, "channel");
		if (channel == Channel.PORTAL || channel == Channel.MONITORING) {
			errors.add("channel", "ticket.channel.not-for-agents");
		}
		return channel;
	}

	private record Reporter(Long userId, String name, String contact) {
	}

	private record Checked(TicketType type, String subject, String description, Long customerOrgUnitId,
			Long serviceId, String serviceObject, String configurationItem, String category, int impact, int urgency,
			Long groupId, Long assigneeUserId, Long providerPartyId, OrganisationUnit unit, CatalogService service,
			AssignmentGroup group) {

		Checked routedTo(AssignmentGroup routed, Long assignee) {
			return new Checked(type, subject, description, customerOrgUnitId, serviceId, serviceObject,
					configurationItem, category, impact, urgency, routed.id(), assignee, providerPartyId, unit, service,
					routed);
		}
	}
}
