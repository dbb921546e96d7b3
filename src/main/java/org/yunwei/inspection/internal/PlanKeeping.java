package org.yunwei.inspection.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunwei.audit.AuditEntry;
import org.yunwei.audit.AuditTrail;
import org.yunwei.cmdb.ConfigurationItemClass;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.identity.Actor;
import org.yunwei.identity.People;
import org.yunwei.identity.Permission;
import org.yunwei.identity.Person;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.sla.Calendars;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * Keeping plans: a new plan of the keeper's party (the keeper is its owner), pausing and resuming. A plan is checked
 * whole before anything is written: the template readable and enabled, the items visible to the keeper and of the
 * template's class, the places named, the assignees people of the party who do inspections.
 */
@Service
public class PlanKeeping {

	static final int NAME_MAX = 200;
	static final int LOCATION_MAX = 200;
	static final int MAX_TARGETS = 500;
	static final int MAX_ASSIGNEES = 50;
	static final LocalTime DEFAULT_DUE = LocalTime.of(17, 30);

	private final InspectionPlans plans;
	private final InspectionTemplates templates;
	private final InspectionAccess access;
	private final ConfigurationItems items;
	private final Calendars calendars;
	private final People people;
	private final AuditTrail audit;

	PlanKeeping(InspectionPlans plans, InspectionTemplates templates, InspectionAccess access,
			ConfigurationItems items, Calendars calendars, People people, AuditTrail audit) {
		this.plans = plans;
		this.templates = templates;
		this.access = access;
		this.items = items;
		this.calendars = calendars;
		this.people = people;
		this.audit = audit;
	}

	@Transactional
	public long create(PlanDraft draft) {
		Actor keeper = access.requireManager();
		PlanContent content = check(keeper, draft == null ? PlanDraft.empty() : draft);
		long id = plans.insert(keeper.partyId(), keeper.userId(), content);
		audit.record(AuditEntry.of("INSPECTION_PLAN_CREATED", "inspection_plan", id).after(content.audited())
			.detail(content.name()));
		return id;
	}

	/**
	 * Changes a plan in place: name, schedule, calendar, due time, days, targets and rota; its template stays (a
	 * plan of another template is another plan). The tasks already generated stay as they are, each with its target
	 * and assignee; a target taken out makes no more tasks. Generation goes on from the day after the last one
	 * generated, so a changed schedule applies from then.
	 */
	@Transactional
	public void update(long id, PlanDraft draft) {
		Actor keeper = access.requireManager();
		InspectionPlan plan = load(id);
		PlanDraft given = draft == null ? PlanDraft.empty() : draft;
		if (given.templateId() != null && given.templateId() != plan.templateId()) {
			throw RejectedRequest.invalidField("templateId", "inspection.plan.template-fixed");
		}
		PlanDraft same = new PlanDraft(given.name(), plan.templateId(), given.frequency(), given.dayOfWeek(),
				given.dayOfMonth(), given.workingDaysOnly(), given.calendarId(), given.dueTime(),
				given.startsOn() == null ? plan.startsOn().toString() : given.startsOn(), given.endsOn(), given.ciIds(),
				given.locations(), given.assigneeIds(), given.cron());
		Map<String, Object> before = Map.of("name", plan.name(), "frequency", plan.schedule().frequency().name(),
				"targets", plans.targets(id).stream().map(PlanTarget::label).toList(), "assignees", plans.assignees(id));
		PlanContent content = check(keeper, same);
		plans.update(id, content);
		audit.record(AuditEntry.of("INSPECTION_PLAN_UPDATED", "inspection_plan", id).before(before)
			.after(content.audited()).detail(content.name()));
	}

	@Transactional
	public void pause(long id) {
		access.requireManager();
		InspectionPlan plan = load(id);
		plan.pause();
		plans.updateActive(plan);
		audit.record(AuditEntry.of("INSPECTION_PLAN_PAUSED", "inspection_plan", id).before(Map.of("active", true))
			.after(Map.of("active", false)).detail(plan.name()));
	}

	@Transactional
	public void resume(long id) {
		access.requireManager();
		InspectionPlan plan = load(id);
		plan.resume();
		plans.updateActive(plan);
		audit.record(AuditEntry.of("INSPECTION_PLAN_RESUMED", "inspection_plan", id).before(Map.of("active", false))
			.after(Map.of("active", true)).detail(plan.name()));
	}

	/** The people of the keeper's party who may be on a rota. */
	public List<Person> assignable() {
		Actor keeper = access.requireManager();
		return people.holding(Permission.INSPECTION_WORK, keeper.partyId());
	}

	private InspectionPlan load(long id) {
		InspectionPlan plan = plans.findForUpdate(id).orElseThrow(() -> RejectedRequest.notFound("inspection-plan"));
		access.requireWritable(plan.partyId());
		return plan;
	}

	private PlanContent check(Actor keeper, PlanDraft draft) {
		FieldErrors errors = new FieldErrors();
		String name = FieldErrors.clean(draft.name());
		errors.required("name", name, NAME_MAX);
		InspectionTemplate template = null;
		if (draft.templateId() == null) {
			errors.add("templateId", "field.required");
		}
		else {
			template = templates.find(draft.templateId())
				.filter(t -> access.reads(keeper, t.partyId()) && t.enabled())
				.orElse(null);
			if (template == null) {
				errors.add("templateId", "inspection.plan.template-unknown");
			}
		}
		Frequency frequency = errors.constant(Frequency.class, draft.frequency(), "frequency");
		DayOfWeek weekday = null;
		if (frequency == Frequency.WEEKLY) {
			weekday = errors.constant(DayOfWeek.class, draft.dayOfWeek(), "dayOfWeek");
		}
		Integer dayOfMonth = null;
		if (frequency == Frequency.MONTHLY) {
			dayOfMonth = draft.dayOfMonth();
			if (dayOfMonth == null) {
				errors.add("dayOfMonth", "field.required");
			}
			else if (dayOfMonth < 1 || dayOfMonth > 28) {
				errors.add("dayOfMonth", "inspection.plan.day-of-month");
			}
		}
		String cron = null;
		if (frequency == Frequency.CRON) {
			cron = FieldErrors.clean(draft.cron());
			if (cron == null) {
				errors.add("cron", "field.required");
			}
			else {
				try {
					cron = String.join(" ", cron.split("\\s+"));
					InspectionSchedule.parseCron(cron);
				}
				catch (IllegalArgumentException e) {
					errors.add("cron", "inspection.plan.cron-invalid");
				}
			}
		}
		long calendarId = draft.calendarId() == null ? calendars.defaultCalendarId() : draft.calendarId();
		if (!calendars.exists(calendarId)) {
			errors.add("calendarId", "inspection.plan.calendar-unknown");
		}
		LocalTime dueTime = time(draft.dueTime(), errors);
		LocalDate today = LocalDate.now(BusinessCalendar.SHANGHAI);
		LocalDate startsOn = date(draft.startsOn(), "startsOn", errors).orElse(today);
		LocalDate endsOn = date(draft.endsOn(), "endsOn", errors).orElse(null);
		if (endsOn != null && endsOn.isBefore(startsOn)) {
			errors.add("endsOn", "inspection.plan.ends-before-start");
		}
		List<PlanTarget> targets = template == null ? List.of() : targets(template, draft, errors);
		List<Long> assignees = assignees(keeper, draft.assigneeIds(), errors);
		errors.throwIfAny();
		return new PlanContent(name, template.id(),
				new InspectionSchedule(frequency, weekday, dayOfMonth,
						draft.workingDaysOnly() == null || draft.workingDaysOnly(), cron),
				calendarId, dueTime, startsOn, endsOn, targets, assignees);
	}

	private List<PlanTarget> targets(InspectionTemplate template, PlanDraft draft, FieldErrors errors) {
		List<PlanTarget> targets = new ArrayList<>();
		if (template.targetKind() == TargetKind.LOCATION) {
			Set<String> places = new LinkedHashSet<>();
			(draft.locations() == null ? List.<String>of() : draft.locations()).stream().map(FieldErrors::clean)
				.filter(p -> p != null).forEach(places::add);
			if (places.stream().anyMatch(p -> p.length() > LOCATION_MAX)) {
				errors.add("locations", "inspection.plan.location-too-long");
			}
			places.forEach(p -> targets.add(PlanTarget.place(p)));
			if (targets.isEmpty()) {
				errors.add("locations", "inspection.plan.targets-required");
			}
		}
		else {
			String classCode = template.targetKind() == TargetKind.APPLICATION_SYSTEM
					? TargetKind.APPLICATION_SYSTEM_CLASS : template.ciClassCode();
			Map<String, ConfigurationItemClass> classes = items.classes().stream()
				.collect(Collectors.toMap(ConfigurationItemClass::code, c -> c));
			for (Long ciId : new LinkedHashSet<>(draft.ciIds() == null ? List.<Long>of() : draft.ciIds())) {
				Optional<ConfigurationItemSummary> item = ciId == null ? Optional.empty() : items.find(ciId);
				if (item.isEmpty()) {
					errors.add("ciIds", "inspection.plan.item-unknown");
					continue;
				}
				ConfigurationItemClass itemClass = classes.get(item.get().classCode());
				if (itemClass == null || !itemClass.within(classCode)) {
					errors.add("ciIds", "inspection.plan.item-wrong-class");
					continue;
				}
				targets.add(PlanTarget.item(ciId, item.get().name()));
			}
			if (targets.isEmpty() && !errors.has("ciIds")) {
				errors.add("ciIds", "inspection.plan.targets-required");
			}
		}
		if (targets.size() > MAX_TARGETS) {
			errors.add(template.targetKind() == TargetKind.LOCATION ? "locations" : "ciIds",
					"inspection.plan.too-many-targets");
		}
		return targets;
	}

	private List<Long> assignees(Actor keeper, List<Long> given, FieldErrors errors) {
		List<Long> ids = given == null ? List.of()
				: given.stream().filter(id -> id != null).distinct().toList();
		if (ids.isEmpty()) {
			errors.add("assigneeIds", "inspection.plan.assignees-required");
			return ids;
		}
		if (ids.size() > MAX_ASSIGNEES) {
			errors.add("assigneeIds", "inspection.plan.too-many-assignees");
			return ids;
		}
		Set<Long> allowed = people.holding(Permission.INSPECTION_WORK, keeper.partyId()).stream().map(Person::id)
			.collect(Collectors.toSet());
		if (!allowed.containsAll(ids)) {
			errors.add("assigneeIds", "inspection.plan.assignee-unknown");
		}
		return ids;
	}

	private static LocalTime time(String text, FieldErrors errors) {
		String value = FieldErrors.clean(text);
		if (value == null) {
			return DEFAULT_DUE;
		}
		try {
			return LocalTime.parse(value);
		}
		catch (DateTimeParseException e) {
			errors.add("dueTime", "inspection.plan.time-invalid");
			return DEFAULT_DUE;
		}
	}

	private static Optional<LocalDate> date(String text, String field, FieldErrors errors) {
		String value = FieldErrors.clean(text);
		if (value == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(value));
		}
		catch (DateTimeParseException e) {
			errors.add(field, "inspection.date.invalid");
			return Optional.empty();
		}
	}
}
