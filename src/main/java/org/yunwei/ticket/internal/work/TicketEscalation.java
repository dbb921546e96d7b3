package org.yunwei.ticket.internal.work;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.identity.Person;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.EscalationStep;
import org.yunwei.sla.ServiceLevels;
import org.yunwei.sla.SlaBreached;
import org.yunwei.sla.SlaThresholdReached;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;
import org.yunwei.ticket.internal.group.EscalationTargetGroups;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.TicketTime;
import org.yunwei.ticket.internal.record.Timeline;

/**
 * What a ticket does when one of its SLA clocks passes a warning threshold (预警) or its due time (超时): the timeline
 * records it, the people working the ticket and its group lead are told, and the agreement's escalation chain for
 * that threshold runs — functionally (职能升级: the ticket goes to the group the step names, by code, or to its
 * group's second line, within the party boundary; a step that reaches no such group is a recorded, notified failure
 * and the ticket stays) and hierarchically (层级升级: the group lead, the provider's service desk managers or
 * management's are told). A ticket no longer open only records the event. Each event is handled once per ticket,
 * clock and threshold, even when the event registry delivers it again after a crash.
 */
@Component
class TicketEscalation {

	private static final String SLA_AUTHOR = "SLA";

	private final TicketRecords tickets;
	private final Timeline timeline;
	private final TicketNotices notices;
	private final AssignmentGroups groups;
	private final EscalationTargetGroups targets;
	private final ServiceLevels serviceLevels;
	private final People people;
	private final Organisations organisations;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final TicketStatisticsBreaches breaches;
	private final ApplicationEventPublisher events;

	TicketEscalation(TicketRecords tickets, Timeline timeline, TicketNotices notices, AssignmentGroups groups,
			EscalationTargetGroups targets, ServiceLevels serviceLevels, People people, Organisations organisations,
			AuditTrail audit, JdbcClient jdbc, TicketStatisticsBreaches breaches, ApplicationEventPublisher events) {
		this.targets = targets;
		this.events = events;
		this.breaches = breaches;
		this.tickets = tickets;
		this.timeline = timeline;
		this.notices = notices;
		this.groups = groups;
		this.serviceLevels = serviceLevels;
		this.people = people;
		this.organisations = organisations;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/**
	 * Only a ticket's clock concerns this module. Said as the listener's condition, and not tested in the method,
	 * because the event publication registry asks the condition before it stores a publication: the SLA scheduler
	 * raises up to a thousand events per transaction, and a publication stored for every other module's clock
	 * would be written, delivered and deleted for nothing.
	 */
	static final String TICKET_CLOCKS_ONLY = "#p0.subjectType() == '" + TicketClocks.SUBJECT_TYPE + "'";

	@ApplicationModuleListener(condition = TICKET_CLOCKS_ONLY)
	void on(SlaThresholdReached event) {
		handle(Long.parseLong(event.subjectId()), event.kind(), event.percent(), event.deadline(),
				event.agreementId(), event.priority());
	}

	/**
	 * A breach is also copied onto the ticket for the statistics, in the same delivery: one publication per breach
	 * instead of one per purpose, as the registry writes and deletes a row for each.
	 */
	@ApplicationModuleListener(condition = TICKET_CLOCKS_ONLY)
	void on(SlaBreached event) {
		breaches.record(event);
		handle(Long.parseLong(event.subjectId()), event.kind(), 100, event.deadline(), event.agreementId(),
				event.priority());
	}

	void handle(long ticketId, ClockKind kind, int percent, Instant deadline, Long agreementId,
			org.yunwei.sla.Priority priority) {
		Optional<TicketRow> locked = tickets.lock(ticketId);
		if (locked.isEmpty() || alreadyHandled(ticketId, kind, percent)) {
			return;
		}
		TicketRow ticket = locked.get();
		EntryKind entryKind = percent >= 100 ? EntryKind.SLA_BREACHED : EntryKind.SLA_WARNING;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("clock", kind.name());
		details.put("percent", percent);
		details.put("deadline", deadline.toString());
		timeline.append(ticketId, entryKind, false, null, SLA_AUTHOR, null, details, null);
		if (!ticket.status().open()) {
			return;
		}
		String topic = percent >= 100 ? "sla-breached" : "sla-warning";
		Set<Long> told = new LinkedHashSet<>(notices.workers(ticket));
		lead(ticket).ifPresent(told::add);
		notices.to(ticket, topic, notices.text("ticket.notice." + topic + ".body", ticket.number(),
				notices.text("ticket.clock." + kind.name()), percent), told);
		if (agreementId == null) {
			return;
		}
		List<EscalationStep> steps = serviceLevels.target(agreementId, priority)
			.map(target -> target.escalations().stream().filter(step -> step.thresholdPercent() == percent)
				.sorted(Comparator.comparingInt(EscalationStep::order)).toList())
			.orElse(List.of());
		for (EscalationStep step : steps) {
			ticket = step.kind() == EscalationStep.Kind.FUNCTIONAL ? functional(ticket, step, kind, percent)
					: hierarchical(ticket, step, kind, percent);
		}
	}

	private TicketRow functional(TicketRow ticket, EscalationStep step, ClockKind kind, int percent) {
		EscalationTargetGroups.Reach reach = targets.reach(step.target(), ticket.groupId(), ticket.providerPartyId());
		if (reach.group() == null) {
			failed(ticket, step, kind, percent, reach.failure());
			return ticket;
		}
		AssignmentGroup group = reach.group();
		if (group.id() == (ticket.groupId() == null ? -1 : ticket.groupId())) {
			return ticket;
		}
		Instant now = TicketTime.now();
		Ticket escalated = Ticket.of(ticket);
		escalated.escalateTo(group, now);
		TicketRow after = escalated.state();
		tickets.update(after, now);
		Map<String, Object> details = escalation(step, kind, percent);
		details.put("fromGroupId", ticket.groupId());
		details.put("toGroupId", group.id());
		details.put("fromAssigneeUserId", ticket.assigneeUserId());
		timeline.append(ticket.id(), EntryKind.ESCALATED, false, null, SLA_AUTHOR, null, details, null);
		audit.record(AuditEntry.of("TICKET_ESCALATED", "ticket", ticket.id()).before(escalated.previous())
			.after(escalated.differences()).detail(ticket.number()).actor(SLA_AUTHOR));
		escalated.events().forEach(events::publishEvent);
		Set<Long> told = new LinkedHashSet<>(group.memberIds());
		if (ticket.assigneeUserId() != null) {
			told.add(ticket.assigneeUserId());
		}
		notices.to(after, "escalated", notices.text("ticket.notice.escalated.functional", ticket.number(),
				group.name()), told);
		return after;
	}

	/**
	 * A functional step that reached no group: the ticket stays where it is, and the failure is on its timeline, in
	 * the audit trail and with the people who must mend the chain — those working the ticket, its group's lead and
	 * the provider's service desk managers (management's, for a ticket no provider works yet).
	 */
	private void failed(TicketRow ticket, EscalationStep step, ClockKind kind, int percent,
			EscalationTargetGroups.Failure failure) {
		Map<String, Object> details = escalation(step, kind, percent);
		details.put("failure", failure.name());
		timeline.append(ticket.id(), EntryKind.ESCALATION_FAILED, false, null, SLA_AUTHOR, null, details, null);
		audit.record(AuditEntry.of("TICKET_ESCALATION_FAILED", "ticket", ticket.id()).after(details)
			.detail(ticket.number()).actor(SLA_AUTHOR));
		Set<Long> told = new LinkedHashSet<>(notices.workers(ticket));
		lead(ticket).ifPresent(told::add);
		told.addAll(managers(ticket.providerPartyId()));
		notices.to(ticket, "escalation-failed", notices.text("ticket.notice.escalation-failed.body", ticket.number(),
				step.target(), notices.text("ticket.escalation.failure." + failure.name())), told);
	}

	private TicketRow hierarchical(TicketRow ticket, EscalationStep step, ClockKind kind, int percent) {
		Set<Long> told = new LinkedHashSet<>();
		switch (step.target()) {
			case EscalationStep.GROUP_LEAD -> lead(ticket).ifPresent(told::add);
			case EscalationStep.PROVIDER_MANAGER -> {
				if (ticket.providerPartyId() != null) {
					told.addAll(managers(ticket.providerPartyId()));
				}
			}
			case EscalationStep.MANAGEMENT -> told.addAll(managers(null));
			default -> {
			}
		}
		Map<String, Object> details = escalation(step, kind, percent);
		details.put("notifiedUserIds", List.copyOf(told));
		timeline.append(ticket.id(), EntryKind.ESCALATED, false, null, SLA_AUTHOR, null, details, null);
		audit.record(AuditEntry.of("TICKET_ESCALATED", "ticket", ticket.id()).after(details).detail(ticket.number())
			.actor(SLA_AUTHOR));
		notices.to(ticket, "escalated", notices.text("ticket.notice.escalated.hierarchical", ticket.number(),
				notices.text("ticket.escalation.level." + step.target())), told);
		return ticket;
	}

	/** The service desk managers (TICKET_ADMIN) of a provider, or of management for {@code null}. */
	private List<Long> managers(Long providerPartyId) {
		List<Long> parties = providerPartyId != null ? List.of(providerPartyId)
				: organisations.parties(PartyKind.MANAGEMENT).stream().map(Party::id).toList();
		return parties.stream().flatMap(party -> people.holding(Permission.TICKET_ADMIN, party).stream())
			.map(Person::id).toList();
	}

	private Optional<Long> lead(TicketRow ticket) {
		return Optional.ofNullable(ticket.groupId()).flatMap(groups::find).map(AssignmentGroup::leadUserId);
	}

	private static Map<String, Object> escalation(EscalationStep step, ClockKind kind, int percent) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("clock", kind.name());
		details.put("percent", percent);
		details.put("kind", step.kind().name());
		details.put("target", step.target());
		return details;
	}

	private boolean alreadyHandled(long ticketId, ClockKind kind, int percent) {
		return jdbc.sql("""
				select exists (select 1 from ticket_entry where ticket_id = ? and kind in ('SLA_WARNING', 'SLA_BREACHED')
				  and details ->> 'clock' = ? and (details ->> 'percent')::int = ?)""")
			.params(ticketId, kind.name(), percent)
			.query(Boolean.class)
			.single();
	}
}
