package org.yunwei.ticket.internal.routing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.sla.ClockKind;
import org.yunwei.sla.EscalationStep;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;
import org.yunwei.ticket.internal.record.EntryKind;
import org.yunwei.ticket.internal.record.TicketRecords;
import org.yunwei.ticket.internal.record.TicketRow;
import org.yunwei.ticket.internal.record.Timeline;
import org.yunwei.ticket.internal.work.TicketNotices;

/**
 * Escalates a routed ticket that nobody has taken when the share of its response target its rule names is used
 * (未及时受理升级): the group lead and the provider's service desk managers are told, and the timeline and the audit
 * trail record it, as for an SLA threshold. The moment is fixed when the ticket is routed, from its response due
 * time then; a watch is settled once it escalated or found the ticket taken or finished, and each runs in its own
 * transaction with the ticket locked, so that a watch looked at twice escalates once. Runs every
 * {@code yunwei.tickets.unassigned-watch-interval} (a minute by default), once per cluster.
 */
@Component
public class UnassignedWatch {

	static final String AUTHOR = "SLA";

	private static final Logger log = LoggerFactory.getLogger(UnassignedWatch.class);
	private static final int BATCH = 200;

	private final JdbcClient jdbc;
	private final TicketRecords tickets;
	private final AssignmentGroups groups;
	private final People people;
	private final Timeline timeline;
	private final TicketNotices notices;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;

	UnassignedWatch(JdbcClient jdbc, TicketRecords tickets, AssignmentGroups groups, People people, Timeline timeline,
			TicketNotices notices, AuditTrail audit, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.groups = groups;
		this.people = people;
		this.timeline = timeline;
		this.notices = notices;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Starts watching a ticket just routed to a group without a person, when its rule asks for it and the ticket has
	 * a response target; in the transaction that opens the ticket.
	 */
	public void watch(TicketRow ticket, RoutingRule rule) {
		Integer percent = rule.unassignedEscalationPercent();
		if (percent == null || ticket.assigneeUserId() != null || ticket.responseDueAt() == null) {
			return;
		}
		Duration target = Duration.between(ticket.createdAt(), ticket.responseDueAt());
		Instant at = ticket.createdAt().plus(target.multipliedBy(percent).dividedBy(100));
		jdbc.sql("insert into ticket_unassigned_watch (ticket_id, percent, escalate_at) values (?, ?, ?)")
			.params(ticket.id(), percent, Timestamp.from(at))
			.update();
	}

	@Scheduled(fixedDelayString = "${yunwei.tickets.unassigned-watch-interval:PT1M}",
			initialDelayString = "${yunwei.tickets.unassigned-watch-interval:PT1M}")
	@SchedulerLock(name = "ticket-unassigned-watch", lockAtMostFor = "PT10M")
	void onSchedule() {
		// the database's clock, as ShedLock uses: nodes with drifting clocks agree on what is due
		Instant now = jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
		int escalated = escalateDue(now);
		if (escalated > 0) {
			log.info("Escalated {} routed tickets that nobody took in time", escalated);
		}
	}

	/**
	 * Looks at every watch due at {@code now}.
	 *
	 * @return how many tickets were escalated
	 */
	public int escalateDue(Instant now) {
		int escalated = 0;
		while (true) {
			List<Long> due = jdbc.sql("""
					select ticket_id from ticket_unassigned_watch where settled_at is null and escalate_at <= ?
					order by escalate_at, ticket_id limit ?""")
				.params(Timestamp.from(now), BATCH)
				.query(Long.class)
				.list();
			for (long ticketId : due) {
				if (Boolean.TRUE.equals(transactions.execute(status -> escalate(ticketId, now)))) {
					escalated++;
				}
			}
			if (due.size() < BATCH) {
				return escalated;
			}
		}
	}

	private boolean escalate(long ticketId, Instant now) {
		Optional<TicketRow> locked = tickets.lock(ticketId);
		Integer percent = jdbc.sql("""
				select percent from ticket_unassigned_watch where ticket_id = ? and settled_at is null for update""")
			.param(ticketId)
			.query(Integer.class)
			.optional()
			.orElse(null);
		if (percent == null) {
			return false;
		}
		jdbc.sql("update ticket_unassigned_watch set settled_at = ? where ticket_id = ?")
			.params(Timestamp.from(now), ticketId)
			.update();
		if (locked.isEmpty() || locked.get().assigneeUserId() != null || !locked.get().status().open()) {
			return false;
		}
		TicketRow ticket = locked.get();
		Set<Long> told = new LinkedHashSet<>();
		Optional.ofNullable(ticket.groupId()).flatMap(groups::find).map(AssignmentGroup::leadUserId)
			.ifPresent(told::add);
		if (ticket.providerPartyId() != null) {
			people.holding(Permission.TICKET_ADMIN, ticket.providerPartyId()).forEach(p -> told.add(p.id()));
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("clock", ClockKind.RESPONSE.name());
		details.put("percent", percent);
		details.put("kind", EscalationStep.Kind.HIERARCHICAL.name());
		details.put("target", EscalationStep.PROVIDER_MANAGER);
		details.put("unassigned", true);
		details.put("notifiedUserIds", List.copyOf(told));
		timeline.append(ticketId, EntryKind.ESCALATED, false, null, AUTHOR, null, details, null);
		audit.record(AuditEntry.of("TICKET_ESCALATED", "ticket", ticketId).after(details).detail(ticket.number())
			.actor(AUTHOR));
		notices.to(ticket, "escalated", notices.text("ticket.notice.escalated.unassigned", ticket.number(), percent),
				told);
		return true;
	}
}
