package org.yunwei.approval.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.Positions;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.sla.Calendars;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Stages that wait past their time limit: when the limit (business time on the installation's default calendar, the
 * SLA engine's) runs out, the approvers who have not decided are reminded; when as much business time again has
 * passed, each of them is escalated to their lead (负责人), who may then decide in the stage too. Once per cluster
 * (ShedLock), each stage once for each step.
 */
@Component
public class ApprovalReminders {

	private static final Logger log = LoggerFactory.getLogger(ApprovalReminders.class);
	private static final int BATCH = 200;

	private final ApprovalRequests requests;
	private final ApprovalAssignments assignments;
	private final ApprovalNotices notices;
	private final Positions positions;
	private final Calendars calendars;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	ApprovalReminders(ApprovalRequests requests, ApprovalAssignments assignments, ApprovalNotices notices,
			Positions positions, Calendars calendars, AuditTrail audit, JdbcClient jdbc,
			org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.requests = requests;
		this.assignments = assignments;
		this.notices = notices;
		this.positions = positions;
		this.calendars = calendars;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Scheduled(fixedDelayString = "${yunwei.approvals.reminder-interval:PT5M}",
			initialDelayString = "${yunwei.approvals.reminder-interval:PT5M}")
	@SchedulerLock(name = "approval-reminders", lockAtMostFor = "PT10M")
	void onSchedule() {
		// the database's clock, as ShedLock uses: nodes with drifting clocks agree on what is due
		Instant now = jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
		int sent = remindAndEscalate(now);
		if (sent > 0) {
			log.info("Reminded or escalated {} approval stages past their time limit", sent);
		}
	}

	/** The due time of a stage started at {@code start} with a time limit, in business time. */
	public Instant dueAt(Instant start, int minutes) {
		return calendar().addBusinessTime(start, Duration.ofMinutes(minutes));
	}

	/** Reminds and escalates what is due at {@code now}; how many stages it touched. */
	public int remindAndEscalate(Instant now) {
		int touched = 0;
		for (RequestStage stage : requests.overdue(now, false, BATCH)) {
			touched += transactions.execute(status -> remind(stage, now));
		}
		for (RequestStage stage : requests.overdue(now, true, BATCH)) {
			if (stage.remindedAt() == null) {
				continue;
			}
			Duration limit = calendar().businessTimeBetween(stage.startedAt(), stage.dueAt());
			if (!calendar().addBusinessTime(stage.dueAt(), limit).isAfter(now)) {
				touched += transactions.execute(status -> escalate(stage, now));
			}
		}
		return touched;
	}

	private int remind(RequestStage stage, Instant now) {
		ApprovalRequest request = requests.lock(stage.requestId()).orElseThrow();
		if (!request.open() || !Integer.valueOf(stage.position()).equals(request.stagePosition())) {
			return 0;
		}
		List<Long> waiting = waitingApprovers(stage);
		requests.markReminded(stage.requestId(), stage.position(), now);
		notices.reminder(request, stage.name(), waiting);
		audit.record(AuditEntry.of("APPROVAL_REMIND", "approval_request", request.id())
			.after(Map.of("stage", stage.position(), "approvers", waiting)).actor("system"));
		return 1;
	}

	private int escalate(RequestStage stage, Instant now) {
		ApprovalRequest request = requests.lock(stage.requestId()).orElseThrow();
		if (!request.open() || !Integer.valueOf(stage.position()).equals(request.stagePosition())) {
			return 0;
		}
		Set<Long> leads = new TreeSet<>();
		for (long approver : waitingApprovers(stage)) {
			positions.leadAbove(approver).filter(lead -> lead != request.requesterId()).ifPresent(leads::add);
		}
		for (long lead : leads) {
			assignments.add(request.id(), stage.position(), new Seat(lead, AssignmentVia.ESCALATION, null), now);
		}
		requests.markEscalated(stage.requestId(), stage.position(), now);
		notices.escalated(request, stage.name(), leads);
		audit.record(AuditEntry.of("APPROVAL_ESCALATE", "approval_request", request.id())
			.after(Map.of("stage", stage.position(), "leads", List.copyOf(leads))).actor("system"));
		return 1;
	}

	private List<Long> waitingApprovers(RequestStage stage) {
		return assignments.of(stage.requestId(), stage.position())
			.stream()
			.filter(Assignment::waiting)
			.map(Assignment::approverId)
			.distinct()
			.toList();
	}

	private BusinessCalendar calendar() {
		return calendars.defaultCalendar();
	}
}
