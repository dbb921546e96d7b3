package org.yunwei.inspection.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.sla.Calendars;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Generates the tasks of the active plans for the day, once per cluster: ShedLock keeps two nodes from running the
 * tick together, and the task's unique key (plan, target, day) keeps a retried or overlapping run from making a task
 * twice. A node that was down catches up from the day after the last one generated, at most a week back. The day is
 * the plan's calendar's; its time is the database's, as ShedLock's.
 */
@Component
public class TaskGeneration {

	private static final Logger log = LoggerFactory.getLogger(TaskGeneration.class);
	static final int CATCH_UP_DAYS = 7;

	private final InspectionPlans plans;
	private final InspectionTemplates templates;
	private final InspectionTasks tasks;
	private final Calendars calendars;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	TaskGeneration(InspectionPlans plans, InspectionTemplates templates, InspectionTasks tasks, Calendars calendars,
			JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.plans = plans;
		this.templates = templates;
		this.tasks = tasks;
		this.calendars = calendars;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Scheduled(fixedDelayString = "${yunwei.inspections.tick:PT5M}", initialDelayString = "PT30S")
	@SchedulerLock(name = "inspection-tasks", lockAtMostFor = "PT10M")
	void onSchedule() {
		Instant now = jdbc.sql("select now()").query(Timestamp.class).single().toInstant();
		int made = generateUpTo(now);
		if (made > 0) {
			log.info("Generated {} inspection tasks", made);
		}
	}

	/** Generates every active plan's tasks up to the day of {@code now} in its calendar; how many were made. */
	public int generateUpTo(Instant now) {
		int made = 0;
		for (InspectionPlan plan : plans.active()) {
			try {
				made += generateUpTo(plan, now);
			}
			catch (RuntimeException failed) {
				// one plan whose calendar is gone must not keep the others from their tasks
				log.warn("Inspection plan {} made no tasks: {}", plan.id(), failed.toString());
			}
		}
		return made;
	}

	private int generateUpTo(InspectionPlan plan, Instant now) {
		BusinessCalendar calendar = calendars.get(plan.calendarId());
		LocalDate today = LocalDate.ofInstant(now, calendar.zone());
		LocalDate from = today.minusDays(CATCH_UP_DAYS);
		if (plan.generatedThrough() != null && plan.generatedThrough().plusDays(1).isAfter(from)) {
			from = plan.generatedThrough().plusDays(1);
		}
		if (from.isBefore(plan.startsOn())) {
			from = plan.startsOn();
		}
		LocalDate first = from;
		return transactions.execute(status -> {
			int count = 0;
			for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
				count += generate(plan, day, calendar);
			}
			plans.markGenerated(plan.id(), today);
			return count;
		});
	}

	/** The tasks of one plan for one day, unless they exist already; how many were made. */
	public int generate(long planId, LocalDate day) {
		InspectionPlan plan = plans.find(planId).orElseThrow();
		return transactions.execute(status -> generate(plan, day, calendars.get(plan.calendarId())));
	}

	private int generate(InspectionPlan plan, LocalDate day, BusinessCalendar calendar) {
		if (!plan.runsOn(day) || !plan.schedule().fallsOn(day, calendar)) {
			return 0;
		}
		long version = templates.current(plan.templateId()).id();
		List<PlanTarget> targets = plans.targets(plan.id());
		List<Long> rota = plans.assignees(plan.id());
		Instant dueAt = day.atTime(plan.dueTime()).atZone(calendar.zone()).toInstant();
		List<Long> targetIds = new java.util.ArrayList<>(targets.size());
		List<Long> assignees = new java.util.ArrayList<>(targets.size());
		for (int i = 0; i < targets.size(); i++) {
			// the rota turns by day, and within a day by target, so that each person gets a share
			targetIds.add(targets.get(i).id());
			assignees.add(rota.get((int) Math.floorMod(day.toEpochDay() + i, (long) rota.size())));
		}
		// one statement for the day's tasks: 10,000 tasks a day are 20 statements, not 10,000
		return tasks.insertDay(plan.id(), plan.partyId(), version, day, dueAt, targetIds, assignees);
	}
}
