package org.yunwei.ticket.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.ticket.TicketType;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Working a ticket: assigning, starting, pending, resolving, closing, reopening, replying, internal notes, work log,
 * field changes and the major-incident flag. Each change locks the ticket, checks the lifecycle
 * ({@link TicketAction}) and the person's right, then writes the ticket, its timeline, its SLA clocks and the audit
 * trail in one transaction, and tells the people concerned.
 */
@Service
public class TicketWork {

	private final TicketAccess access;
	private final Actors actors;
	private final TicketRecords tickets;
	private final Timeline timeline;
	private final TicketClocks clocks;
	private final TicketNotices notices;
	private final AssignmentGroups groups;
	private final PriorityMatrix matrix;
	private final People people;
	private final AuditTrail audit;
	private final TicketLifecycleEvents lifecycle;

	TicketWork(TicketAccess access, Actors actors, TicketRecords tickets, Timeline timeline, TicketClocks clocks,
			TicketNotices notices, AssignmentGroups groups, PriorityMatrix matrix, People people, AuditTrail audit,
			TicketLifecycleEvents lifecycle) {
		this.access = access;
		this.actors = actors;
		this.tickets = tickets;
		this.timeline = timeline;
		this.clocks = clocks;
		this.notices = notices;
		this.groups = groups;
		this.matrix = matrix;
		this.people = people;
		this.audit = audit;
		this.lifecycle = lifecycle;
	}

	/**
	 * Hands the ticket to a group and, optionally, one of its members. The ticket's provider becomes the group's
	 * party; only management may hand a ticket to another party's group.
	 */
	@Transactional
	public TicketRow assign(long id, Long groupId, Long assigneeUserId, String comment) {
		TicketRow ticket = access.lockForAgent(id);
		TicketAction.ASSIGN.requireFrom(ticket.status());
		Actor actor = actors.current();
		FieldErrors errors = new FieldErrors();
		AssignmentGroup group = null;
		if (groupId == null) {
			errors.add("groupId", "field.required");
		}
		else {
			group = groups.find(groupId).filter(AssignmentGroup::enabled).orElse(null);
			if (group == null || actor.partyKind() != PartyKind.MANAGEMENT && group.partyId() != actor.partyId()) {
				errors.add("groupId", "ticket.group.invalid");
			}
			else if (assigneeUserId != null && !group.hasMember(assigneeUserId)) {
				errors.add("assigneeUserId", "ticket.assignee.not-member");
			}
		}
		String note = FieldErrors.clean(comment);
		errors.optional("comment", note, 2000);
		errors.throwIfAny();
		TicketStatus status = ticket.status() == TicketStatus.NEW ? TicketStatus.ASSIGNED : ticket.status();
		TicketRow after = ticket.withGroupId(groupId).withAssigneeUserId(assigneeUserId).withStatus(status)
			.withProviderPartyId(group.partyId());
		Instant now = now();
		save(ticket, after, TicketAction.ASSIGN, now);
		timeline.append(id, EntryKind.ASSIGNED, false, actor.userId(), actor.displayName(), note,
				TicketIntake.assignment(groupId, assigneeUserId), null);
		notices.to(after, "assigned", notices.text("ticket.notice.assigned.body", after.number()),
				notices.workers(after));
		return after;
	}

	/** Work starts (处理中): the agent takes the ticket if nobody has; the response clock stops. */
	@Transactional
	public TicketRow start(long id) {
		TicketRow ticket = access.lockForAgent(id);
		TicketAction.START.requireFrom(ticket.status());
		Actor actor = actors.current();
		TicketRow after = ticket.withStatus(TicketStatus.IN_PROGRESS);
		if (ticket.assigneeUserId() == null) {
			boolean member = ticket.groupId() == null
					|| groups.find(ticket.groupId()).map(g -> g.hasMember(actor.userId())).orElse(false);
			if (!member && actor.partyKind() != PartyKind.MANAGEMENT) {
				throw RejectedRequest.unprocessable("not-group-member", "ticket.start.not-member");
			}
			after = after.withAssigneeUserId(actor.userId());
		}
		Instant now = now();
		after = clocks.responded(after, now);
		save(ticket, after, TicketAction.START, now);
		statusEntry(ticket, after, null, now);
		return after;
	}

	/** The ticket waits for the customer or a third party (挂起): its SLA clocks pause. */
	@Transactional
	public TicketRow pend(long id, String reason, String comment) {
		TicketRow ticket = access.lockForAgent(id);
		TicketAction.PEND.requireFrom(ticket.status());
		FieldErrors errors = new FieldErrors();
		PendingReason why = TicketIntake.parse(PendingReason.class, reason, "reason", errors);
		String text = FieldErrors.clean(comment);
		errors.required("comment", text, 2000).throwIfAny();
		Instant now = now();
		TicketRow after = clocks.paused(ticket.withStatus(TicketStatus.PENDING).withPendingReason(why), now);
		save(ticket, after, TicketAction.PEND, now);
		statusEntry(ticket, after, text, now);
		if (why == PendingReason.CUSTOMER) {
			notices.toReporter(after, "pending", text);
		}
		return after;
	}

	/** Work goes on after pending: the SLA clocks resume. */
	@Transactional
	public TicketRow resume(long id, String comment) {
		TicketRow ticket = access.lockForAgent(id);
		TicketAction.RESUME.requireFrom(ticket.status());
		String text = FieldErrors.clean(comment);
		new FieldErrors().optional("comment", text, 2000).throwIfAny();
		return resumeLocked(ticket, text, now(), Author.of(actors.current()));
	}

	/** Resolved (已解决): needs a resolution code and text; the customer is asked to confirm. */
	@Transactional
	public TicketRow resolve(long id, String code, String text) {
		TicketRow ticket = access.lockForAgent(id);
		TicketAction.RESOLVE.requireFrom(ticket.status());
		FieldErrors errors = new FieldErrors();
		ResolutionCode resolution = TicketIntake.parse(ResolutionCode.class, code, "resolutionCode", errors);
		String resolutionText = FieldErrors.clean(text);
		errors.required("resolutionText", resolutionText, 10000).throwIfAny();
		return resolveLocked(ticket, resolution, resolutionText, actors.current().userId());
	}

	/**
	 * Resolves a ticket its caller has locked and checked, e.g. monitoring's recovery.
	 *
	 * @param takerUserId who becomes the assignee when nobody is; {@code null} leaves it unassigned
	 */
	TicketRow resolveLocked(TicketRow ticket, ResolutionCode resolution, String resolutionText, Long takerUserId) {
		TicketAction.RESOLVE.requireFrom(ticket.status());
		Instant now = now();
		TicketRow after = ticket.withStatus(TicketStatus.RESOLVED).withPendingReason(null)
			.withResolutionCode(resolution.name()).withResolutionText(resolutionText).withResolvedAt(now);
		if (after.assigneeUserId() == null) {
			after = after.withAssigneeUserId(takerUserId);
		}
		after = clocks.resolved(after, now);
		save(ticket, after, TicketAction.RESOLVE, now);
		statusEntry(ticket, after, resolutionText, now);
		// the reporter lands where they can rate the resolution (and reach the ticket to confirm or reopen it)
		notices.toReporter(after, "resolved", resolutionText, "/tickets/" + ticket.id() + "/rating");
		lifecycle.resolved(after);
		return after;
	}

	/** Closed by the service desk after resolution. */
	@Transactional
	public TicketRow close(long id) {
		TicketRow ticket = access.lockForAgent(id);
		return closeLocked(ticket, TicketAction.CLOSE, null, now());
	}

	/** The customer confirms the resolution (确认解决): the ticket closes. */
	@Transactional
	public TicketRow confirm(long id) {
		TicketRow ticket = access.lockForParticipant(id);
		return closeLocked(ticket, TicketAction.CONFIRM, null, now());
	}

	/** Closes a resolved ticket nobody confirmed in time, for the system. */
	@Transactional
	public void closeUnconfirmed(long id, String reason) {
		tickets.lock(id).filter(t -> t.status() == TicketStatus.RESOLVED)
			.ifPresent(t -> closeLocked(t, TicketAction.CLOSE, reason, now()));
	}

	/** The resolution did not hold: back to work, the resolution clock runs again. */
	@Transactional
	public TicketRow reopen(long id, String comment) {
		TicketRow ticket = access.lockForParticipant(id);
		TicketAction.REOPEN.requireFrom(ticket.status());
		String text = FieldErrors.clean(comment);
		new FieldErrors().required("comment", text, 2000).throwIfAny();
		return reopenLocked(ticket, text);
	}

	/** Reopens a resolved ticket its caller has locked and checked, e.g. when monitoring's alert fires again. */
	TicketRow reopenLocked(TicketRow ticket, String text) {
		TicketAction.REOPEN.requireFrom(ticket.status());
		Instant now = now();
		TicketStatus status = ticket.assigneeUserId() != null ? TicketStatus.IN_PROGRESS
				: ticket.groupId() != null ? TicketStatus.ASSIGNED : TicketStatus.NEW;
		TicketRow after = clocks.reopened(ticket.withStatus(status).withResolvedAt(null).withResolutionCode(null)
			.withResolutionText(null), now);
		save(ticket, after, TicketAction.REOPEN, now);
		statusEntry(ticket, after, text, now);
		notices.to(after, "reopened", text, notices.workers(after));
		lifecycle.reopened(after, now);
		return after;
	}

	/**
	 * A public reply. From an agent it is the first response if none was given; from the customer it tells the
	 * people working the ticket and, when the ticket waited for the customer, work goes on.
	 */
	@Transactional
	public TicketRow reply(long id, String body) {
		TicketRow ticket = access.lockForParticipant(id);
		return replyLocked(ticket, body, Author.of(actors.current()), access.isAgent());
	}

	/** A reply that came by e-mail from the reporter's address, for the system. */
	@Transactional
	public TicketRow replyByMail(long id, String body, Author author) {
		TicketRow ticket = tickets.lock(id).orElseThrow(() -> RejectedRequest.notFound("ticket"));
		return replyLocked(ticket, body, author, false);
	}

	/** An internal note (内部备注), never shown to the customer. */
	@Transactional
	public TicketRow note(long id, String body) {
		TicketRow ticket = access.lockForAgent(id);
		TicketAction.NOTE.requireFrom(ticket.status());
		String text = FieldErrors.clean(body);
		new FieldErrors().required("body", text, 10000).throwIfAny();
		Actor actor = actors.current();
		timeline.append(id, EntryKind.NOTE, false, actor.userId(), actor.displayName(), text, null, null);
		touch(ticket, TicketAction.NOTE);
		return ticket;
	}

	/** Time spent (工时), in minutes, with what was done. */
	@Transactional
	public TicketRow logWork(long id, Integer minutes, String body) {
		TicketRow ticket = access.lockForAgent(id);
		TicketAction.LOG_WORK.requireFrom(ticket.status());
		String text = FieldErrors.clean(body);
		FieldErrors errors = new FieldErrors().required("body", text, 2000);
		if (minutes == null) {
			errors.add("minutes", "field.required");
		}
		else if (minutes < 1 || minutes > 24 * 60) {
			errors.add("minutes", "ticket.minutes.invalid");
		}
		errors.throwIfAny();
		Actor actor = actors.current();
		timeline.append(id, EntryKind.WORK_LOG, false, actor.userId(), actor.displayName(), text, null, minutes);
		touch(ticket, TicketAction.LOG_WORK);
		return ticket;
	}

	/** Changes fields of an open ticket; a new priority retargets its SLA clocks. */
	@Transactional
	public TicketRow update(long id, TicketChanges changes) {
		TicketRow ticket = access.lockForAgent(id);
		TicketAction.UPDATE.requireFrom(ticket.status());
		FieldErrors errors = new FieldErrors();
		String subject = changes.subject() == null ? ticket.subject() : FieldErrors.clean(changes.subject());
		errors.required("subject", subject, 200);
		String category = changes.category() == null ? ticket.category() : FieldErrors.clean(changes.category());
		errors.optional("category", category, 100);
		String item = changes.configurationItem() == null ? ticket.configurationItem()
				: FieldErrors.clean(changes.configurationItem());
		errors.optional("configurationItem", item, 200);
		String object = changes.serviceObject() == null ? ticket.serviceObject()
				: FieldErrors.clean(changes.serviceObject());
		if (object != null && !Set.of("OFFICE_EQUIPMENT", "INFRASTRUCTURE", "GOVERNMENT_CLOUD", "NETWORK_SECURITY")
			.contains(object)) {
			errors.add("serviceObject", "ticket.service-object.invalid");
		}
		int impact = changes.impact() == null ? ticket.impact() : TicketIntake.level(changes.impact(), "impact", errors);
		int urgency = changes.urgency() == null ? ticket.urgency()
				: TicketIntake.level(changes.urgency(), "urgency", errors);
		errors.throwIfAny();
		String priority = matrix.priorityOf(impact, urgency).name();
		TicketRow after = ticket.withSubject(subject).withCategory(category).withConfigurationItem(item)
			.withServiceObject(object).withImpact(impact).withUrgency(urgency).withPriority(priority);
		Map<String, Object> changed = differences(ticket, after);
		if (changed.isEmpty()) {
			return ticket;
		}
		Instant now = now();
		if (!priority.equals(ticket.priority())) {
			after = clocks.reprioritised(after, now);
		}
		Actor actor = actors.current();
		save(ticket, after, TicketAction.UPDATE, now);
		timeline.append(id, EntryKind.FIELD_CHANGED, false, actor.userId(), actor.displayName(), null,
				changeLog(ticket, after), null);
		return after;
	}

	/**
	 * Marks a ticket as a major incident (重大事件) with a coordinator, or takes the mark off; stakeholders are told.
	 */
	@Transactional
	public TicketRow setMajor(long id, boolean major, Long coordinatorUserId) {
		TicketRow ticket = access.lockForAgent(id);
		TicketAction.MAJOR.requireFrom(ticket.status());
		if (major && ticket.type() != TicketType.INCIDENT) {
			throw RejectedRequest.unprocessable("not-an-incident", "ticket.major.incidents-only");
		}
		if (major) {
			Person coordinator = coordinatorUserId == null ? null
					: people.find(coordinatorUserId).filter(Person::enabled).orElse(null);
			if (coordinator == null || coordinator.partyKind() == PartyKind.CUSTOMER) {
				throw RejectedRequest.invalidField("coordinatorUserId", "ticket.major.coordinator-invalid");
			}
		}
		TicketRow after = ticket.withMajor(major).withCoordinatorUserId(major ? coordinatorUserId : null);
		if (after.equals(ticket)) {
			return ticket;
		}
		Instant now = now();
		Actor actor = actors.current();
		save(ticket, after, TicketAction.MAJOR, now);
		timeline.append(id, EntryKind.FIELD_CHANGED, false, actor.userId(), actor.displayName(), null,
				changeLog(ticket, after), null);
		if (major) {
			notices.to(after, "major", notices.text("ticket.notice.major.body", after.number()), stakeholders(after));
		}
		return after;
	}

	/** A stakeholder update of a major incident (重大事件通报): public, and sent to every stakeholder. */
	@Transactional
	public TicketRow majorUpdate(long id, String body) {
		TicketRow ticket = access.lockForAgent(id);
		if (!ticket.major()) {
			throw RejectedRequest.unprocessable("not-major", "ticket.major.not-major");
		}
		String text = FieldErrors.clean(body);
		new FieldErrors().required("body", text, 10000).throwIfAny();
		Actor actor = actors.current();
		timeline.append(id, EntryKind.MAJOR_UPDATE, true, actor.userId(), actor.displayName(), text, null, null);
		touch(ticket, TicketAction.MAJOR);
		notices.to(ticket, "major-update", text, stakeholders(ticket));
		notices.toReporter(ticket, "major-update", text);
		return ticket;
	}

	private Set<Long> stakeholders(TicketRow ticket) {
		Set<Long> stakeholders = new LinkedHashSet<>(notices.workers(ticket));
		if (ticket.coordinatorUserId() != null) {
			stakeholders.add(ticket.coordinatorUserId());
		}
		if (ticket.groupId() != null) {
			groups.find(ticket.groupId()).map(AssignmentGroup::leadUserId).ifPresent(stakeholders::add);
		}
		if (ticket.providerPartyId() != null) {
			people.holding(org.yunwei.identity.Permission.TICKET_ADMIN, ticket.providerPartyId())
				.forEach(p -> stakeholders.add(p.id()));
		}
		return stakeholders;
	}

	/** Resumes for {@code author}, who may be the mailbox acting for the system with nobody signed in. */
	TicketRow resumeLocked(TicketRow ticket, String text, Instant now, Author author) {
		TicketRow after = clocks.resumed(ticket.withStatus(TicketStatus.IN_PROGRESS).withPendingReason(null), now);
		save(ticket, after, TicketAction.RESUME, now, author.auditActor());
		statusEntry(ticket, after, text, author);
		return after;
	}

	private TicketRow closeLocked(TicketRow ticket, TicketAction action, String systemReason, Instant now) {
		action.requireFrom(ticket.status());
		TicketRow after = clocks.closed(ticket.withStatus(TicketStatus.CLOSED).withClosedAt(now), now);
		if (systemReason != null) {
			tickets.update(after, now);
			timeline.append(ticket.id(), EntryKind.STATUS_CHANGED, true, null, systemReason, null,
					Map.of("status", Timeline.change(ticket.status(), after.status())), null);
			audit.record(AuditEntry.of("TICKET_CLOSE", "ticket", ticket.id()).before(differences(after, ticket))
				.after(differences(ticket, after)).detail(ticket.number()).actor(systemReason));
			lifecycle.closed(after);
			return after;
		}
		save(ticket, after, action, now);
		statusEntry(ticket, after, null, now);
		lifecycle.closed(after);
		return after;
	}

	private TicketRow replyLocked(TicketRow ticket, String body, Author author, boolean fromAgent) {
		TicketAction.REPLY.requireFrom(ticket.status());
		String text = FieldErrors.clean(body);
		new FieldErrors().required("body", text, 10000).throwIfAny();
		Instant now = now();
		timeline.append(ticket.id(), EntryKind.REPLY, true, author.userId(), author.name(), text,
				Map.of("from", fromAgent ? "AGENT" : "CUSTOMER"), null);
		TicketRow after = ticket;
		if (fromAgent) {
			after = clocks.responded(ticket, now);
			notices.toReporter(after, "agent-replied", text);
		}
		else {
			notices.to(ticket, "customer-replied", text, notices.workers(ticket));
		}
		tickets.update(after, now);
		audit.record(AuditEntry.of("TICKET_REPLY", "ticket", ticket.id()).detail(ticket.number())
			.actor(author.auditActor()));
		if (!fromAgent && ticket.status() == TicketStatus.PENDING
				&& ticket.pendingReason() == PendingReason.CUSTOMER) {
			return resumeLocked(tickets.find(ticket.id()).orElseThrow(), null, now, author);
		}
		return after;
	}

	private void touch(TicketRow ticket, TicketAction action) {
		Instant now = now();
		tickets.update(ticket, now);
		audit.record(AuditEntry.of("TICKET_" + action.name(), "ticket", ticket.id()).detail(ticket.number()));
	}

	private void save(TicketRow before, TicketRow after, TicketAction action, Instant now) {
		save(before, after, action, now, null);
	}

	private void save(TicketRow before, TicketRow after, TicketAction action, Instant now, String auditActor) {
		tickets.update(after, now);
		audit.record(AuditEntry.of("TICKET_" + action.name(), "ticket", before.id())
			.before(differences(after, before)).after(differences(before, after)).detail(before.number())
			.actor(auditActor));
	}

	private void statusEntry(TicketRow before, TicketRow after, String text, Instant now) {
		statusEntry(before, after, text, Author.of(actors.current()));
	}

	private void statusEntry(TicketRow before, TicketRow after, String text, Author actor) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", Timeline.change(before.status(), after.status()));
		if (after.pendingReason() != null) {
			details.put("pendingReason", after.pendingReason());
		}
		if (after.resolutionCode() != null && !Objects.equals(before.resolutionCode(), after.resolutionCode())) {
			details.put("resolutionCode", after.resolutionCode());
		}
		timeline.append(before.id(), EntryKind.STATUS_CHANGED, true, actor.userId(), actor.name(), text, details,
				null);
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

	/** Each field that changed with its old and new value, for the timeline. */
	static Map<String, Object> changeLog(TicketRow before, TicketRow after) {
		Map<String, Object> old = differences(after, before);
		Map<String, Object> log = new LinkedHashMap<>();
		differences(before, after).forEach((field, value) -> log.put(field, Timeline.change(old.get(field), value)));
		return log;
	}

	private static void compare(Map<String, Object> changed, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			changed.put(field, after);
		}
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}
}
