package org.yunwei.ticket.internal.work;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

import org.yunwei.identity.Actor;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Person;
import org.yunwei.ticket.TicketAssigned;
import org.yunwei.ticket.TicketClosed;
import org.yunwei.ticket.TicketOpened;
import org.yunwei.ticket.TicketPriorityChanged;
import org.yunwei.ticket.TicketReopened;
import org.yunwei.ticket.TicketResolved;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.internal.boundary.PartyBoundary;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.record.PendingReason;
import org.yunwei.ticket.internal.record.PriorityMatrix;
import org.yunwei.ticket.internal.record.ResolutionCode;
import org.yunwei.ticket.internal.record.TicketAction;
import org.yunwei.ticket.internal.record.TicketFields;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketStatus;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * A ticket and its lifecycle rules: each transition checks that it is allowed from the ticket's status
 * ({@link TicketAction}) and that its input is complete, or refuses and changes nothing; otherwise it moves the
 * ticket on, and registers the past-tense event other modules may react to. The ticket keeps the state it was loaded
 * in, so that it can say what changed ({@link #differences()}, {@link #changeLog()}) for the audit trail and the
 * timeline.
 * <p>
 * It knows no database, clock or person directory: the caller ({@link TicketWork},
 * {@link org.yunwei.ticket.internal.intake.TicketIntake}, {@link TicketEscalation}) loads and locks it, hands it what
 * it needs to look up (a group, a coordinator), applies the SLA clocks' answer to it ({@link #clocked}), saves
 * {@link #state()} and publishes {@link #events()}.
 */
public final class Ticket {

	/** What the matrix says for an impact and an urgency (see {@link PriorityMatrix}). */
	@FunctionalInterface
	interface Priorities {
		public String of(int impact, int urgency);
	}

	private final TicketRow before;
	private TicketRow state;
	private final List<Object> events = new ArrayList<>(2);

	private Ticket(TicketRow row) {
		this.before = row;
		this.state = row;
	}

	/** The ticket as loaded (and locked) by the caller. */
	public static Ticket of(TicketRow row) {
		return new Ticket(row);
	}

	/**
	 * A ticket just stored, numbered: it was opened and, when it was created in a group, assigned.
	 */
	public static Ticket opened(TicketRow stored) {
		Ticket ticket = new Ticket(stored);
		ticket.events.add(new TicketOpened(stored.id(), stored.number(), stored.type(), stored.customerOrgUnitId(),
				stored.providerPartyId(), stored.serviceId(), stored.configurationItem(), stored.createdAt(),
				stored.priority()));
		if (stored.groupId() != null) {
			ticket.events.add(new TicketAssigned(stored.id(), stored.number(), stored.providerPartyId(),
					stored.groupId(), stored.assigneeUserId(), stored.createdAt()));
		}
		return ticket;
	}

	/** The status a new ticket starts in: assigned when it is opened in a group, new otherwise. */
	public static TicketStatus openingStatus(Long groupId) {
		return groupId == null ? TicketStatus.NEW : TicketStatus.ASSIGNED;
	}

	long id() {
		return before.id();
	}

	/** The ticket as it was loaded. */
	TicketRow before() {
		return before;
	}

	/** The ticket as the transitions so far left it. */
	public TicketRow state() {
		return state;
	}

	/** The events the transitions so far registered, in order, to be published when the ticket is saved. */
	public List<Object> events() {
		return List.copyOf(events);
	}

	/** Applies what the SLA clocks answered to a transition: their due times and the response time. */
	void clocked(UnaryOperator<TicketRow> clocks) {
		state = clocks.apply(state);
	}

	/**
	 * Hands the ticket to a group and, optionally, one of its members; the ticket's provider becomes the group's
	 * party. Only management may hand a ticket to another party's group.
	 *
	 * @param group the group of {@code groupId} as found, {@code null} when there is none
	 * @param comment why, for the timeline; optional
	 * @return the comment, cleaned
	 */
	String assign(Long groupId, AssignmentGroup group, Long assigneeUserId, Actor actor, String comment,
			Instant now) {
		TicketAction.ASSIGN.requireFrom(state.status());
		FieldErrors errors = new FieldErrors();
		if (groupId == null) {
			errors.add("groupId", "field.required");
		}
		else if (group == null || !group.enabled()
				|| actor.partyKind() != PartyKind.MANAGEMENT && group.partyId() != actor.partyId()) {
			errors.add("groupId", "ticket.group.invalid");
		}
		else if (assigneeUserId != null && !group.hasMember(assigneeUserId)) {
			errors.add("assigneeUserId", "ticket.assignee.not-member");
		}
		String note = FieldErrors.clean(comment);
		errors.optional("comment", note, 2000);
		errors.throwIfAny();
		TicketStatus status = state.status() == TicketStatus.NEW ? TicketStatus.ASSIGNED : state.status();
		boolean handedOver = !groupId.equals(state.groupId()) || !Objects.equals(assigneeUserId, state.assigneeUserId());
		state = state.withGroupId(groupId).withAssigneeUserId(assigneeUserId).withStatus(status)
			.withProviderPartyId(group.partyId());
		// assigning to whom it already has is recorded (timeline, audit) but hands nothing over
		if (handedOver) {
			assigned(now);
		}
		return note;
	}

	/**
	 * A functional escalation (职能升级) hands the ticket to another group, nobody in it yet; a pending ticket stays
	 * pending.
	 */
	void escalateTo(AssignmentGroup group, Instant now) {
		TicketStatus status = state.status() == TicketStatus.PENDING ? TicketStatus.PENDING : TicketStatus.ASSIGNED;
		state = state.withGroupId(group.id()).withAssigneeUserId(null).withStatus(status)
			.withProviderPartyId(group.partyId());
		assigned(now);
	}

	/**
	 * Work starts (处理中). When nobody has the ticket, {@code actor} takes it: a member of its group, anyone when it
	 * has no group, or management.
	 *
	 * @param groups finds a group by id
	 */
	void start(Actor actor, LongFunction<Optional<AssignmentGroup>> groups, Instant now) {
		TicketAction.START.requireFrom(state.status());
		state = state.withStatus(TicketStatus.IN_PROGRESS);
		if (state.assigneeUserId() == null) {
			boolean member = state.groupId() == null
					|| groups.apply(state.groupId()).map(g -> g.hasMember(actor.userId())).orElse(false);
			if (!member && actor.partyKind() != PartyKind.MANAGEMENT) {
				throw RejectedRequest.unprocessable("not-group-member", "ticket.start.not-member");
			}
			state = state.withAssigneeUserId(actor.userId());
			if (state.groupId() != null) {
				assigned(now);
			}
		}
	}

	/**
	 * The ticket waits (挂起) for the customer or a third party.
	 *
	 * @param reason a {@link PendingReason}'s name
	 * @param comment what it waits for; required
	 * @return the comment, cleaned
	 */
	String pend(String reason, String comment) {
		TicketAction.PEND.requireFrom(state.status());
		FieldErrors errors = new FieldErrors();
		PendingReason why = errors.constant(PendingReason.class, reason, "reason");
		String text = FieldErrors.clean(comment);
		errors.required("comment", text, 2000).throwIfAny();
		state = state.withStatus(TicketStatus.PENDING).withPendingReason(why);
		return text;
	}

	/**
	 * Work goes on after pending.
	 *
	 * @param comment optional
	 * @return the comment, cleaned
	 */
	String resume(String comment) {
		TicketAction.RESUME.requireFrom(state.status());
		String text = FieldErrors.clean(comment);
		new FieldErrors().optional("comment", text, 2000).throwIfAny();
		resume();
		return text;
	}

	/** Work goes on after pending, e.g. because the customer answered. */
	void resume() {
		TicketAction.RESUME.requireFrom(state.status());
		state = state.withStatus(TicketStatus.IN_PROGRESS).withPendingReason(null);
	}

	/**
	 * Resolved (已解决), with a resolution code and text, both required.
	 *
	 * @param code a {@link ResolutionCode}'s name
	 * @param takerUserId who becomes the assignee when nobody is; {@code null} leaves it unassigned
	 * @return the resolution text, cleaned
	 */
	String resolve(String code, String text, Long takerUserId, Instant now) {
		TicketAction.RESOLVE.requireFrom(state.status());
		FieldErrors errors = new FieldErrors();
		ResolutionCode resolution = errors.constant(ResolutionCode.class, code, "resolutionCode");
		String resolutionText = FieldErrors.clean(text);
		errors.required("resolutionText", resolutionText, 10000).throwIfAny();
		resolve(resolution, resolutionText, takerUserId, now);
		return resolutionText;
	}

	/** Resolved for the system (e.g. monitoring's recovery), with a code and text the system wrote. */
	void resolve(ResolutionCode resolution, String resolutionText, Long takerUserId, Instant now) {
		TicketAction.RESOLVE.requireFrom(state.status());
		state = state.withStatus(TicketStatus.RESOLVED).withPendingReason(null).withResolutionCode(resolution.name())
			.withResolutionText(resolutionText).withResolvedAt(now);
		if (state.assigneeUserId() == null) {
			state = state.withAssigneeUserId(takerUserId);
		}
		events.add(new TicketResolved(state.id(), state.number(), state.type(), state.customerOrgUnitId(),
				state.providerPartyId(), state.assigneeUserId(), state.reporterUserId(), resolution.name(), now));
	}

	/**
	 * Closed (已关闭) after resolution.
	 *
	 * @param action {@link TicketAction#CLOSE} by the service desk or the system, {@link TicketAction#CONFIRM} by
	 *     the customer
	 */
	void close(TicketAction action, Instant now) {
		action.requireFrom(state.status());
		state = state.withStatus(TicketStatus.CLOSED).withClosedAt(now);
		events.add(new TicketClosed(state.id(), state.number(), state.type(), state.customerOrgUnitId(),
				state.providerPartyId(), state.assigneeUserId(), state.reporterUserId(), now));
	}

	/**
	 * The resolution did not hold.
	 *
	 * @param comment why; required
	 * @return the comment, cleaned
	 */
	String reopen(String comment, Instant now) {
		TicketAction.REOPEN.requireFrom(state.status());
		String text = FieldErrors.clean(comment);
		new FieldErrors().required("comment", text, 2000).throwIfAny();
		reopen(now);
		return text;
	}

	/**
	 * The resolution did not hold, said by the system (e.g. the alert fired again): back to whoever worked it, or
	 * to its group, or new; the resolution is forgotten.
	 */
	void reopen(Instant now) {
		TicketAction.REOPEN.requireFrom(state.status());
		TicketStatus status = state.assigneeUserId() != null ? TicketStatus.IN_PROGRESS
				: state.groupId() != null ? TicketStatus.ASSIGNED : TicketStatus.NEW;
		state = state.withStatus(status).withResolvedAt(null).withResolutionCode(null).withResolutionText(null);
		events.add(new TicketReopened(state.id(), state.number(), state.providerPartyId(), state.assigneeUserId(),
				now));
	}

	/**
	 * A closed incident gives its monitoring alert key up to the new incident that the same trouble opens; it keeps
	 * its history. An open or resolved one keeps the key: the alert adds to it, or reopens it.
	 */
	public void releaseAlertKey() {
		if (state.status() != TicketStatus.CLOSED) {
			throw new IllegalStateException("only a closed ticket gives its alert key up: " + state.number());
		}
		state = state.withAlertKey(null);
	}

	/**
	 * Changes fields of an open ticket; {@code null} leaves a field as it is. A new impact or urgency gives a new
	 * priority from the matrix, which is asked only when everything else is valid.
	 *
	 * @return whether anything changed
	 */
	boolean update(TicketChanges changes, Priorities priorities) {
		TicketAction.UPDATE.requireFrom(state.status());
		FieldErrors errors = new FieldErrors();
		String subject = changes.subject() == null ? state.subject() : FieldErrors.clean(changes.subject());
		errors.required("subject", subject, 200);
		String category = changes.category() == null ? state.category() : FieldErrors.clean(changes.category());
		errors.optional("category", category, 100);
		String item = changes.configurationItem() == null ? state.configurationItem()
				: FieldErrors.clean(changes.configurationItem());
		errors.optional("configurationItem", item, 200);
		String object = changes.serviceObject() == null ? state.serviceObject()
				: TicketFields.serviceObject(changes.serviceObject(), errors);
		int impact = changes.impact() == null ? state.impact() : TicketFields.level(changes.impact(), "impact", errors);
		int urgency = changes.urgency() == null ? state.urgency()
				: TicketFields.level(changes.urgency(), "urgency", errors);
		errors.throwIfAny();
		TicketRow changed = state.withSubject(subject).withCategory(category).withConfigurationItem(item)
			.withServiceObject(object).withImpact(impact).withUrgency(urgency)
			.withPriority(priorities.of(impact, urgency));
		if (differences(state, changed).isEmpty()) {
			return false;
		}
		state = changed;
		return true;
	}

	/** Whether the transitions so far gave the ticket another priority (its SLA targets then change). */
	boolean reprioritised() {
		return !Objects.equals(before.priority(), state.priority());
	}

	/** Publishes the change of priority (see {@link #reprioritised()}) with its instant. */
	void priorityChanged(Instant at) {
		events.add(new TicketPriorityChanged(state.id(), state.number(), state.type(), state.providerPartyId(),
				before.priority(), state.priority(), at));
	}

	/**
	 * Marks the ticket as a major incident (重大事件) with a coordinator, or takes the mark off.
	 *
	 * @param coordinator the person of {@code coordinatorUserId} as found, {@code null} when there is none
	 * @return whether anything changed
	 */
	boolean markMajor(boolean major, Long coordinatorUserId, Person coordinator) {
		TicketAction.MAJOR.requireFrom(state.status());
		if (major && state.type() != TicketType.INCIDENT) {
			throw RejectedRequest.unprocessable("not-an-incident", "ticket.major.incidents-only");
		}
		if (major && (coordinatorUserId == null || coordinator == null
				|| !PartyBoundary.mayCoordinate(coordinator, state.providerPartyId()))) {
			throw RejectedRequest.invalidField("coordinatorUserId", "ticket.major.coordinator-invalid");
		}
		TicketRow changed = state.withMajor(major).withCoordinatorUserId(major ? coordinatorUserId : null);
		if (changed.equals(state)) {
			return false;
		}
		state = changed;
		return true;
	}

	/**
	 * A public reply, allowed until the ticket is closed.
	 *
	 * @return the body, cleaned; required
	 */
	String reply(String body) {
		TicketAction.REPLY.requireFrom(state.status());
		String text = FieldErrors.clean(body);
		new FieldErrors().required("body", text, 10000).throwIfAny();
		return text;
	}

	/**
	 * An internal note (内部备注).
	 *
	 * @return the body, cleaned; required
	 */
	String note(String body) {
		TicketAction.NOTE.requireFrom(state.status());
		String text = FieldErrors.clean(body);
		new FieldErrors().required("body", text, 10000).throwIfAny();
		return text;
	}

	/**
	 * Time spent (工时): between a minute and a day, with what was done.
	 *
	 * @return the body, cleaned; required
	 */
	String logWork(Integer minutes, String body) {
		TicketAction.LOG_WORK.requireFrom(state.status());
		String text = FieldErrors.clean(body);
		FieldErrors errors = new FieldErrors().required("body", text, 2000);
		if (minutes == null) {
			errors.add("minutes", "field.required");
		}
		else if (minutes < 1 || minutes > 24 * 60) {
			errors.add("minutes", "ticket.minutes.invalid");
		}
		errors.throwIfAny();
		return text;
	}

	/**
	 * A stakeholder update (重大事件通报), for a major incident only.
	 *
	 * @return the body, cleaned; required
	 */
	String majorUpdate(String body) {
		if (!state.major()) {
			throw RejectedRequest.unprocessable("not-major", "ticket.major.not-major");
		}
		String text = FieldErrors.clean(body);
		new FieldErrors().required("body", text, 10000).throwIfAny();
		return text;
	}

	/** The fields that the transitions changed, with their new values (the audit entry's "after"). */
	Map<String, Object> differences() {
		return differences(before, state);
	}

	/** The fields that the transitions changed, with their old values (the audit entry's "before"). */
	Map<String, Object> previous() {
		return differences(state, before);
	}

	/** Each field that changed with its old and new value, for the timeline. */
	Map<String, Object> changeLog() {
		Map<String, Object> old = previous();
		Map<String, Object> log = new LinkedHashMap<>();
		differences().forEach((field, value) -> log.put(field, Timeline.change(old.get(field), value)));
		return log;
	}

	/** The fields that differ from {@code before} to {@code after}, with the values of {@code after}. */
	static Map<String, Object> differences(TicketRow before, TicketRow after) {
		Map<String, Object> changed = new LinkedHashMap<>();
		compare(changed, "status", before.status(), after.status());
		compare(changed, "pendingReason", before.pendingReason(), after.pendingReason());
		compare(changed, "subject", before.subject(), after.subject());
		compare(changed, "category", before.category(), after.category());
		compare(changed, "serviceObject", before.serviceObject(), after.serviceObject());
		compare(changed, "configurationItem", before.configurationItem(), after.configurationItem());
		compare(changed, "impact", before.impact(), after.impact());
		compare(changed, "urgency", before.urgency(), after.urgency());
		compare(changed, "priority", before.priority(), after.priority());
		compare(changed, "groupId", before.groupId(), after.groupId());
		compare(changed, "assigneeUserId", before.assigneeUserId(), after.assigneeUserId());
		compare(changed, "providerPartyId", before.providerPartyId(), after.providerPartyId());
		compare(changed, "major", before.major(), after.major());
		compare(changed, "coordinatorUserId", before.coordinatorUserId(), after.coordinatorUserId());
		compare(changed, "resolutionCode", before.resolutionCode(), after.resolutionCode());
		return changed;
	}

	private static void compare(Map<String, Object> changed, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.put(field, after);
		}
	}

	private void assigned(Instant now) {
		events.add(new TicketAssigned(state.id(), state.number(), state.providerPartyId(), state.groupId(),
				state.assigneeUserId(), now));
	}
}
