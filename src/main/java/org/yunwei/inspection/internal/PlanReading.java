package org.yunwei.inspection.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.identity.Actor;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.sla.CalendarSummary;
import org.yunwei.sla.Calendars;
import org.yunwei.web.RejectedRequest;

/** Plans as their readers see them: their party's, or every party's for management and supervision. */
@Service
public class PlanReading {

	static final int UPCOMING = 5;

	private final InspectionPlans plans;
	private final InspectionTemplates templates;
	private final InspectionAccess access;
	private final Calendars calendars;
	private final People people;

	PlanReading(InspectionPlans plans, InspectionTemplates templates, InspectionAccess access, Calendars calendars,
			People people) {
		this.plans = plans;
		this.templates = templates;
		this.access = access;
		this.calendars = calendars;
		this.people = people;
	}

	public record PlanLine(long id, String name, String templateName, String frequency, String dayOfWeek,
			Integer dayOfMonth, boolean workingDaysOnly, int targets, boolean active) {
	}

	public record Assignee(long id, String name) {
	}

	public record PlanView(long id, String name, long templateId, String templateName, String targetKind,
			String frequency, String dayOfWeek, Integer dayOfMonth, boolean workingDaysOnly, long calendarId,
			String calendarName, LocalTime dueTime, LocalDate startsOn, LocalDate endsOn, boolean active,
			String ownerName, List<PlanTarget> targets, List<Assignee> assignees, List<LocalDate> upcoming,
			String cron) {
	}

	@Transactional(readOnly = true)
	public List<PlanLine> list() {
		Actor reader = access.requireReader();
		Map<Long, String> names = new java.util.HashMap<>();
		return plans.list(access.readableParty(reader)).stream()
			.map(p -> new PlanLine(p.id(), p.name(),
					names.computeIfAbsent(p.templateId(), t -> templates.find(t).map(InspectionTemplate::name)
						.orElse("")),
					p.schedule().frequency().name(),
					p.schedule().dayOfWeek() == null ? null : p.schedule().dayOfWeek().name(),
					p.schedule().dayOfMonth(), p.schedule().workingDaysOnly(), plans.targets(p.id()).size(),
					p.active()))
			.toList();
	}

	@Transactional(readOnly = true)
	public PlanView view(long id) {
		Actor reader = access.requireReader();
		InspectionPlan p = plans.find(id).filter(plan -> access.reads(reader, plan.partyId()))
			.orElseThrow(() -> RejectedRequest.notFound("inspection-plan"));
		InspectionTemplate template = templates.find(p.templateId()).orElseThrow();
		List<Long> rota = plans.assignees(id);
		Map<Long, String> names = people.findAll(rota).stream()
			.collect(Collectors.toMap(Person::id, Person::displayName));
		String owner = people.find(p.ownerId()).map(Person::displayName).orElse("");
		String calendarName = calendars.list().stream().filter(c -> c.id() == p.calendarId()).findFirst()
			.map(CalendarSummary::name).orElse("");
		return new PlanView(p.id(), p.name(), template.id(), template.name(), template.targetKind().name(),
				p.schedule().frequency().name(),
				p.schedule().dayOfWeek() == null ? null : p.schedule().dayOfWeek().name(), p.schedule().dayOfMonth(),
				p.schedule().workingDaysOnly(), p.calendarId(), calendarName, p.dueTime(), p.startsOn(), p.endsOn(),
				p.active(), owner, plans.targets(id),
				rota.stream().map(u -> new Assignee(u, names.getOrDefault(u, ""))).toList(),
				upcoming(p, LocalDate.now(BusinessCalendar.SHANGHAI)), p.schedule().cron());
	}

	/** The next days tasks fall on, from {@code from}, at most {@link #UPCOMING} within a year. */
	private List<LocalDate> upcoming(InspectionPlan plan, LocalDate from) {
		BusinessCalendar calendar = calendars.get(plan.calendarId());
		List<LocalDate> days = new ArrayList<>();
		LocalDate day = from.isBefore(plan.startsOn()) ? plan.startsOn() : from;
		for (int i = 0; i < 366 && days.size() < UPCOMING; i++, day = day.plusDays(1)) {
			if (plan.endsOn() != null && day.isAfter(plan.endsOn())) {
				break;
			}
			if (plan.schedule().fallsOn(day, calendar)) {
				days.add(day);
			}
		}
		return days;
	}
}
