package org.yunwei.inspection.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.inspection.InspectionTaskOverdue;
import org.yunwei.inspection.internal.InspectionTasks.TaskRow;
import org.yunwei.notification.Notice;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Tasks not done by their due time: the plan's owner is told once per task (a notice, topic
 * {@code inspection.overdue}), the escalation is audited and {@link InspectionTaskOverdue} published, all in one
 * transaction per batch. Once per cluster (ShedLock); rows are locked with SKIP LOCKED besides.
 */
@Component
public class OverdueEscalation {

	private static final Logger log = LoggerFactory.getLogger(OverdueEscalation.class);
	private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;
	static final int BATCH = 200;

	private final InspectionTasks tasks;
	private final People people;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final MessageSource messages;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	OverdueEscalation(InspectionTasks tasks, People people, AuditTrail audit, ApplicationEventPublisher events,
			MessageSource messages, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.tasks = tasks;
		this.people = people;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Scheduled(fixedDelayString = "${yunwei.inspections.tick:PT5M}", initialDelayString = "PT45S")
	@SchedulerLock(name = "inspection-overdue", lockAtMostFor = "PT10M")
	void onSchedule() {
		Instant now = jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
		int told = escalate(now);
		if (told > 0) {
			log.info("Told plan owners of {} overdue inspection tasks", told);
		}
	}

	/** Escalates every task overdue at {@code now} that was not yet; how many. */
	public int escalate(Instant now) {
		int told = 0;
		while (true) {
			int batch = transactions.execute(status -> {
				List<TaskRow> due = tasks.overdueUntold(now, BATCH);
				due.forEach(task -> escalate(task, now));
				return due.size();
			});
			told += batch;
			if (batch < BATCH) {
				return told;
			}
		}
	}

	private void escalate(TaskRow task, Instant now) {
		tasks.markEscalated(task.id(), now);
		String assignee = people.find(task.assigneeId()).map(Person::displayName).orElse("");
		String subject = text("inspection.notice.overdue") + ": " + task.planName() + " · " + task.targetLabel();
		String body = text("inspection.notice.overdue.body", task.planName(), task.targetLabel(),
				task.scheduledOn().toString(), assignee);
		events.publishEvent(new Notice("inspection.overdue", subject, body, "/inspections/tasks/" + task.id(),
				Set.of(task.ownerId()), Set.of(), null));
		audit.record(AuditEntry.of("INSPECTION_TASK_ESCALATED", "inspection_task", task.id())
			.after(Map.of("owner", task.ownerId(), "dueAt", task.dueAt().toString())).actor("system")
			.detail(task.planName() + " · " + task.targetLabel()));
		events.publishEvent(new InspectionTaskOverdue(task.id(), task.planId(), task.assigneeId(), task.dueAt()));
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LANGUAGE);
	}
}
