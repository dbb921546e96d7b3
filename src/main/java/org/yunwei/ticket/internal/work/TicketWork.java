package org.yunwei.ticket.internal.work;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;
import org.yunwei.ticket.internal.record.Author;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.PendingReason;
import org.yunwei.ticket.internal.record.PriorityMatrix;
import org.yunwei.ticket.internal.record.ResolutionCode;
import org.yunwei.ticket.internal.record.TicketAccess;
import org.yunwei.ticket.internal.record.TicketAction;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketStatus;
import org.yunwei.ticket.internal.record.TicketTime;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.web.RejectedRequest;

/**
 * Working a ticket: assigning, starting, pending, resolving, closing, reopening, replying, internal notes, work log,
 * field changes and the major-incident flag. Each change locks the ticket and checks the person's right, lets the
 * {@link Ticket} apply its rules, then writes the ticket, its timeline, its SLA clocks and the audit trail, and
 * publishes the ticket's events, in one transaction, and tells the people concerned.
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
	private final ApplicationEventPublisher events;

	TicketWork(TicketAccess access, Actors actors, TicketRecords tickets, Timeline timeline, TicketClocks clocks,
			TicketNotices notices, AssignmentGroups groups, PriorityMatrix matrix, People people, AuditTrail audit,
			ApplicationEventPublisher events) {
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
		this.events = events;
	}

	/**
	 * Hands the ticket to a group and, optionally, one of its members. The ticket's provider becomes the group's
	 * party; only management may hand a ticket to another party's group.
	 */
	@Transactional
	public TicketRow assign(long id, Long groupId, Long assigneeUserId, String comment) {
		Ticket ticket = Ticket.of(access.lockForAgent(id));
		Actor actor = actors.current();
		AssignmentGroup group = groupId == null ? null : groups.find(groupId).orElse(null);
		Instant now = TicketTime.now();
		String note = ticket.assign(groupId, group, assigneeUserId, actor, comment, now);
		TicketRow after = save(ticket, TicketAction.ASSIGN, now);
		timeline.append(id, EntryKind.ASSIGNED, false, actor.userId(), actor.displayName(), note,
				Timeline.assignment(groupId, assigneeUserId), null);
		notices.to(after, "assigned", notices.text("ticket.notice.assigned.body", after.number()),
				notices.workers(after));
		return after;
	}

	/** Work starts (处理中): the agent takes the ticket if nobody has; the response clock stops. */
	@Transactional
	public TicketRow start(long id) {
		Ticket ticket = Ticket.of(access.lockForAgent(id));
		Actor actor = actors.current();
		Instant now = TicketTime.now();
		ticket.start(actor, groups::find, now);
		ticket.clocked(t -> clocks.responded(t, now));
		TicketRow after = save(ticket, TicketAction.START, now);
		statusEntry(ticket, null, Author.of(actor));
		return after;
	}

	/** The ticket waits for the customer or a third party (挂起): its SLA clocks pause. */
	@Transactional
	public TicketRow pend(long id, String reason, String comment) {
		Ticket ticket = Ticket.of(access.lockForAgent(id));
		String text = ticket.pend(reason, comment);
		Instant now = TicketTime.now();
		ticket.clocked(t -> clocks.paused(t, now));
		TicketRow after = save(ticket, TicketAction.PEND, now);
		statusEntry(ticket, text, Author.of(actors.current()));
		if (after.pendingReason() == PendingReason.CUSTOMER) {
			notices.toReporter(after, "pending", text);
		}
		return after;
	}

	/** Work goes on after pending: the SLA clocks resume. */
	@Transactional
	public TicketRow resume(long id, String comment) {
		Ticket ticket = Ticket.of(access.lockForAgent(id));
		String text = ticket.resume(comment);
		return resumed(ticket, text, TicketTime.now(), Author.of(actors.current()));
	}

	/** Resolved (已解决): needs a resolution code and text; the customer is asked to confirm. */
	@Transactional
	public TicketRow resolve(long id, String code, String text) {
		Ticket ticket = Ticket.of(access.lockForAgent(id));
		Instant now = TicketTime.now();
		String resolutionText = ticket.resolve(code, text, actors.current().userId(), now);
		return resolved(ticket, resolutionText, now);
	}

	/**
	 * Resolves a ticket its caller has locked and checked, e.g. monitoring's recovery.
	 *
	 * @param takerUserId who becomes the assignee when nobody is; {@code null} leaves it unassigned
	 */
	public TicketRow resolveLocked(TicketRow locked, ResolutionCode resolution, String resolutionText,
			Long takerUserId) {
		Ticket ticket = Ticket.of(locked);
		Instant now = TicketTime.now();
		ticket.resolve(resolution, resolutionText, takerUserId, now);
		return resolved(ticket, resolutionText, now);
	}

	/**
	 * What the system does when the trouble behind an incident it opened has gone away (an automated check
	 * recovered), with nobody signed in: an incident nobody has started on (new, or only routed) is resolved (SOLVED)
	 * with the system's text; one an agent works (in progress, pending) keeps its course and gets an internal note
	 * with the same text, its workers told, for the agent resolves what they have been diagnosing. Resolved, closed,
	 * missing tickets and tickets of other channels are left alone. Audited under the system's name.
	 *
	 * @return {@code RESOLVED}, {@code NOTED} or {@code UNCHANGED}, as {@link org.yunwei.ticket.SystemResolution}
	 */
	@Transactional
	public String resolveForSystem(long id, String text, Author system) {
		TicketRow locked = tickets.lock(id).orElse(null);
		if (locked == null || locked.type() != org.yunwei.ticket.TicketType.INCIDENT
				|| locked.channel() != org.yunwei.ticket.internal.record.Channel.MONITORING) {
			return "UNCHANGED";
		}
		Instant now = TicketTime.now();
		switch (locked.status()) {
			case NEW, ASSIGNED -> {
				Ticket ticket = Ticket.of(locked);
				ticket.resolve(ResolutionCode.SOLVED, text, null, now);
				ticket.clocked(t -> clocks.resolved(t, now));
				save(ticket, TicketAction.RESOLVE, now, system.name());
				statusEntry(ticket, text, system);
				TicketRow after = ticket.state();
				notices.toReporter(after, "resolved", text, "/tickets/" + id + "/rating");
				notices.to(after, "monitoring-recovered", text, notices.workers(after));
				return "RESOLVED";
			}
			case IN_PROGRESS, PENDING -> {
				timeline.append(id, EntryKind.NOTE, false, null, system.name(), text, null, null);
				tickets.update(locked, now);
				audit.record(AuditEntry.of("TICKET_NOTE", "ticket", id).after(Map.of("note", text))
					.detail(locked.number()).actor(system.name()));
				notices.to(locked, "monitoring-recovered", text, notices.workers(locked));
				return "NOTED";
			}
			default -> {
				return "UNCHANGED";
			}
		}
	}

	private TicketRow resolved(Ticket ticket, String resolutionText, Instant now) {
		ticket.clocked(t -> clocks.resolved(t, now));
		TicketRow after = save(ticket, TicketAction.RESOLVE, now);
		statusEntry(ticket, resolutionText, Author.of(actors.current()));
		// the reporter lands where they can rate the resolution (and reach the ticket to confirm or reopen it)
		notices.toReporter(after, "resolved", resolutionText, "/tickets/" + ticket.id() + "/rating");
		return after;
	}

	/** Closed by the service desk after resolution. */
	@Transactional
	public TicketRow close(long id) {
		TicketRow ticket = access.lockForAgent(id);
		return closeLocked(ticket, TicketAction.CLOSE, null, TicketTime.now());
	}

	/** The customer confirms the resolution (确认解决): the ticket closes. Theirs alone, never the service desk's. */
	@Transactional
	public TicketRow confirm(long id) {
		TicketRow ticket = access.lockFor(TicketAction.CONFIRM, id);
		return closeLocked(ticket, TicketAction.CONFIRM, null, TicketTime.now());
	}

	/** Closes a resolved ticket nobody confirmed in time, for the system. */
	@Transactional
	public void closeUnconfirmed(long id, String reason) {
		tickets.lock(id).filter(t -> t.status() == TicketStatus.RESOLVED)
			.ifPresent(t -> closeLocked(t, TicketAction.CLOSE, reason, TicketTime.now()));
	}

	/** The resolution did not hold: back to work, the resolution clock runs again. */
	@Transactional
	public TicketRow reopen(long id, String comment) {
		Ticket ticket = Ticket.of(access.lockFor(TicketAction.REOPEN, id));
		Instant now = TicketTime.now();
		String text = ticket.reopen(comment, now);
		return reopened(ticket, text, now);
	}

	/** Reopens a resolved ticket its caller has locked and checked, e.g. when monitoring's alert fires again. */
	public TicketRow reopenLocked(TicketRow locked, String text) {
		Ticket ticket = Ticket.of(locked);
		Instant now = TicketTime.now();
		ticket.reopen(now);
		return reopened(ticket, text, now);
	}

	private TicketRow reopened(Ticket ticket, String text, Instant now) {
		ticket.clocked(t -> clocks.reopened(t, now));
		TicketRow after = save(ticket, TicketAction.REOPEN, now);
		statusEntry(ticket, text, Author.of(actors.current()));
		notices.to(after, "reopened", text, notices.workers(after));
		return after;
	}

	/**
	 * A public reply. From an agent it is the first response if none was given; from the customer it tells the
	 * people working the ticket and, when the ticket waited for the customer, work goes on.
	 */
	@Transactional
	public TicketRow reply(long id, String body) {
		TicketRow ticket = access.lockFor(TicketAction.REPLY, id);
		Actor actor = actors.current();
		return replyLocked(ticket, body, Author.of(actor), TicketAccess.works(actor));
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
		String text = Ticket.of(ticket).note(body);
		Actor actor = actors.current();
		timeline.append(id, EntryKind.NOTE, false, actor.userId(), actor.displayName(), text, null, null);
		touch(ticket, TicketAction.NOTE);
		return ticket;
	}

	/** Time spent (工时), in minutes, with what was done. */
	@Transactional
	public TicketRow logWork(long id, Integer minutes, String body) {
		TicketRow ticket = access.lockForAgent(id);
		String text = Ticket.of(ticket).logWork(minutes, body);
		Actor actor = actors.current();
		timeline.append(id, EntryKind.WORK_LOG, false, actor.userId(), actor.displayName(), text, null, minutes);
		touch(ticket, TicketAction.LOG_WORK);
		return ticket;
	}

	/** Changes fields of an open ticket; a new priority retargets its SLA clocks. */
	@Transactional
	public TicketRow update(long id, TicketChanges changes) {
		Ticket ticket = Ticket.of(access.lockForAgent(id));
		if (!ticket.update(changes, (impact, urgency) -> matrix.priorityOf(impact, urgency).name())) {
			return ticket.before();
		}
		Instant now = TicketTime.now();
		if (ticket.reprioritised()) {
			ticket.clocked(t -> clocks.reprioritised(t, now));
			ticket.priorityChanged(now);
		}
		Actor actor = actors.current();
		TicketRow after = save(ticket, TicketAction.UPDATE, now);
		timeline.append(id, EntryKind.FIELD_CHANGED, false, actor.userId(), actor.displayName(), null,
				ticket.changeLog(), null);
		return after;
	}

	/**
	 * Marks a ticket as a major incident (重大事件) with a coordinator, or takes the mark off; stakeholders are told.
	 */
	@Transactional
	public TicketRow setMajor(long id, boolean major, Long coordinatorUserId) {
		Ticket ticket = Ticket.of(access.lockForAgent(id));
		// looked up only when it is needed, as the ticket's own checks come first
		Person coordinator = major && coordinatorUserId != null && TicketAction.MAJOR.allowedFrom(
				ticket.before().status()) ? people.find(coordinatorUserId).orElse(null) : null;
		if (!ticket.markMajor(major, coordinatorUserId, coordinator)) {
			return ticket.before();
		}
		Instant now = TicketTime.now();
		Actor actor = actors.current();
		TicketRow after = save(ticket, TicketAction.MAJOR, now);
		timeline.append(id, EntryKind.FIELD_CHANGED, false, actor.userId(), actor.displayName(), null,
				ticket.changeLog(), null);
		if (major) {
			notices.to(after, "major", notices.text("ticket.notice.major.body", after.number()), stakeholders(after));
		}
		return after;
	}

	/** A stakeholder update of a major incident (重大事件通报): public, and sent to every stakeholder. */
	@Transactional
	public TicketRow majorUpdate(long id, String body) {
		TicketRow ticket = access.lockForAgent(id);
		String text = Ticket.of(ticket).majorUpdate(body);
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
	private TicketRow resumed(Ticket ticket, String text, Instant now, Author author) {
		ticket.clocked(t -> clocks.resumed(t, now));
		TicketRow after = save(ticket, TicketAction.RESUME, now, author.auditActor());
		statusEntry(ticket, text, author);
		return after;
	}

	private TicketRow closeLocked(TicketRow locked, TicketAction action, String systemReason, Instant now) {
		Ticket ticket = Ticket.of(locked);
		ticket.close(action, now);
		ticket.clocked(t -> clocks.closed(t, now));
		if (systemReason != null) {
			TicketRow after = ticket.state();
			tickets.update(after, now);
			timeline.append(ticket.id(), EntryKind.STATUS_CHANGED, true, null, systemReason, null,
					Map.of("status", Timeline.change(locked.status(), after.status())), null);
			audit.record(AuditEntry.of("TICKET_CLOSE", "ticket", ticket.id()).before(ticket.previous())
				.after(ticket.differences()).detail(locked.number()).actor(systemReason));
			publish(ticket);
			return after;
		}
		TicketRow after = save(ticket, action, now);
		statusEntry(ticket, null, Author.of(actors.current()));
		return after;
	}

	private TicketRow replyLocked(TicketRow ticket, String body, Author author, boolean fromAgent) {
		String text = Ticket.of(ticket).reply(body);
		Instant now = TicketTime.now();
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
			Ticket waiting = Ticket.of(tickets.find(ticket.id()).orElseThrow());
			waiting.resume();
			return resumed(waiting, null, now, author);
		}
		return after;
	}

	private void touch(TicketRow ticket, TicketAction action) {
		Instant now = TicketTime.now();
		tickets.update(ticket, now);
		audit.record(AuditEntry.of("TICKET_" + action.name(), "ticket", ticket.id()).detail(ticket.number()));
	}

	private TicketRow save(Ticket ticket, TicketAction action, Instant now) {
		return save(ticket, action, now, null);
	}

	/** Writes the ticket, audits what changed and publishes what happened, all in the caller's transaction. */
	private TicketRow save(Ticket ticket, TicketAction action, Instant now, String auditActor) {
		TicketRow after = ticket.state();
		tickets.update(after, now);
		audit.record(AuditEntry.of("TICKET_" + action.name(), "ticket", ticket.id()).before(ticket.previous())
			.after(ticket.differences()).detail(ticket.before().number()).actor(auditActor));
		publish(ticket);
		return after;
	}

	private void publish(Ticket ticket) {
		ticket.events().forEach(events::publishEvent);
	}

	private void statusEntry(Ticket ticket, String text, Author actor) {
		TicketRow before = ticket.before();
		TicketRow after = ticket.state();
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
}
