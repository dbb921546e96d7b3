package org.yunwei.inspection.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.cmdb.ConfigurationItemClass;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.sla.Calendars;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.FormSubmission;
import org.yunwei.web.RejectedRequest;

/**
 * The planner's pages: templates (list, one with its versions, a new one with up to {@link #FORM_ROWS} items, a copy
 * of a shipped one) and plans (list, one with its next days and recent tasks, a new one, pause and resume).
 */
@Controller
class PlanningWebController {

	static final int FORM_ROWS = 12;
	static final int PICKER_LIMIT = 20;

	private final TemplateReading templates;
	private final TemplateKeeping templateKeeping;
	private final PlanReading plans;
	private final PlanKeeping planKeeping;
	private final TaskReading tasks;
	private final InspectionAccess access;
	private final ConfigurationItems items;
	private final Calendars calendars;

	PlanningWebController(TemplateReading templates, TemplateKeeping templateKeeping, PlanReading plans,
			PlanKeeping planKeeping, TaskReading tasks, InspectionAccess access, ConfigurationItems items,
			Calendars calendars) {
		this.templates = templates;
		this.templateKeeping = templateKeeping;
		this.plans = plans;
		this.planKeeping = planKeeping;
		this.tasks = tasks;
		this.access = access;
		this.items = items;
		this.calendars = calendars;
	}

	/** Times are shown in the installation's zone. */
	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return org.yunwei.sla.BusinessCalendar.SHANGHAI;
	}

	@GetMapping("/inspections/templates")
	String templateList(Model model) {
		model.addAttribute("templates", templates.list(false));
		model.addAttribute("mayManage", access.mayManage());
		return "inspection/templates";
	}

	@GetMapping("/inspections/templates/{id}")
	String template(@PathVariable long id, Model model) {
		model.addAttribute("template", templates.view(id));
		model.addAttribute("mayManage", access.mayManage());
		return "inspection/template";
	}

	@PostMapping("/inspections/templates/{id}/copy")
	String copy(@PathVariable long id, RedirectAttributes redirect) {
		long copy = templateKeeping.copy(id);
		redirect.addFlashAttribute("notice", "inspection.template.copied");
		return "redirect:/inspections/templates/" + copy;
	}

	/** The template form as typed: parallel lists, one entry per item row. */
	public static final class TemplateForm {

		public String name;
		public String targetKind;
		public String ciClassCode;
		public String description;
		public List<String> itemLabel = new ArrayList<>();
		public List<String> itemKind = new ArrayList<>();
		public List<String> itemUnit = new ArrayList<>();
		public List<String> itemMin = new ArrayList<>();
		public List<String> itemMax = new ArrayList<>();
		public List<String> itemRequired = new ArrayList<>();

		public void setName(String name) {
			this.name = name;
		}

		public void setTargetKind(String targetKind) {
			this.targetKind = targetKind;
		}

		public void setCiClassCode(String ciClassCode) {
			this.ciClassCode = ciClassCode;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public void setItemLabel(List<String> value) {
			itemLabel = value;
		}

		public void setItemKind(List<String> value) {
			itemKind = value;
		}

		public void setItemUnit(List<String> value) {
			itemUnit = value;
		}

		public void setItemMin(List<String> value) {
			itemMin = value;
		}

		public void setItemMax(List<String> value) {
			itemMax = value;
		}

		public void setItemRequired(List<String> value) {
			itemRequired = value;
		}

		public String at(List<String> values, int i) {
			return values != null && i < values.size() ? values.get(i) : null;
		}

		/** The rows as lines; a number that does not read as one is a mistake of its row. */
		List<Checklist.ChecklistLine> lines(FieldErrors errors) {
			List<Checklist.ChecklistLine> lines = new ArrayList<>();
			for (int i = 0; i < FORM_ROWS; i++) {
				Checklist.ChecklistLine line = new Checklist.ChecklistLine(null, at(itemLabel, i), at(itemKind, i), at(itemUnit, i),
						number(at(itemMin, i), i, "min", errors), number(at(itemMax, i), i, "max", errors),
						!"false".equals(at(itemRequired, i)));
				if (!line.blank()) {
					lines.add(line);
				}
			}
			return lines;
		}

		private static BigDecimal number(String text, int row, String field, FieldErrors errors) {
			String value = FieldErrors.clean(text);
			if (value == null) {
				return null;
			}
			BigDecimal number = TaskWork.number(value);
			if (number == null) {
				errors.add("items[" + row + "]." + field, "inspection.result.number");
			}
			return number;
		}
	}

	@GetMapping("/inspections/templates/new")
	String newTemplate(Model model) {
		access.requireManager();
		return templateForm(model, new TemplateForm(), Map.of());
	}

	@PostMapping("/inspections/templates")
	String createTemplate(@ModelAttribute TemplateForm form, Model model, RedirectAttributes redirect) {
		long[] created = new long[1];
		String next = FormSubmission.save(() -> created[0] = templateKeeping.create(classes -> {
			FieldErrors numbers = new FieldErrors();
			List<Checklist.ChecklistLine> lines = form.lines(numbers);
			try {
				TemplateContent content = TemplateContent.of(form.name, form.targetKind, form.ciClassCode,
						form.description, lines, classes);
				numbers.throwIfAny();
				return content;
			}
			catch (RejectedRequest refused) {
				// the rows' unreadable numbers beside whatever else the content refused
				Map<String, String> all = new java.util.LinkedHashMap<>(refused.fieldErrors());
				all.putAll(numbers.asMap());
				throw RejectedRequest.invalidFields(all);
			}
		}), "/inspections/templates", "inspection.template.saved", redirect, "inspection.template.failed", model,
				errors -> templateForm(model, form, errors));
		return next.startsWith("redirect:") ? "redirect:/inspections/templates/" + created[0] : next;
	}

	private String templateForm(Model model, TemplateForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("rows", FORM_ROWS);
		model.addAttribute("classes", items.classes().stream().filter(ConfigurationItemClass::enabled).toList());
		return "inspection/template-form";
	}

	@GetMapping("/inspections/plans")
	String planList(Model model) {
		model.addAttribute("plans", plans.list());
		model.addAttribute("mayManage", access.mayManage());
		return "inspection/plans";
	}

	@GetMapping("/inspections/plans/{id}")
	String plan(@PathVariable long id, Model model) {
		PlanReading.PlanView plan = plans.view(id);
		model.addAttribute("plan", plan);
		model.addAttribute("tasks", tasks.list(id, null, null));
		model.addAttribute("mayManage", access.mayManage());
		return "inspection/plan";
	}

	@PostMapping("/inspections/plans/{id}/pause")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		planKeeping.pause(id);
		redirect.addFlashAttribute("notice", "inspection.plan.paused");
		return "redirect:/inspections/plans/" + id;
	}

	@PostMapping("/inspections/plans/{id}/resume")
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		planKeeping.resume(id);
		redirect.addFlashAttribute("notice", "inspection.plan.resumed");
		return "redirect:/inspections/plans/" + id;
	}

	/** The plan form as typed. */
	public static final class PlanForm {

		public String name;
		public Long templateId;
		public String frequency;
		public String dayOfWeek;
		public Integer dayOfMonth;
		public boolean workingDaysOnly = true;
		public Long calendarId;
		public String dueTime = "17:30";
		public String startsOn;
		public String endsOn;
		public List<Long> ciIds = new ArrayList<>();
		public String locations;
		public List<Long> assigneeIds = new ArrayList<>();
		public String cron;

		public void setName(String v) {
			name = v;
		}

		public void setCron(String v) {
			cron = v;
		}

		public void setTemplateId(Long v) {
			templateId = v;
		}

		public void setFrequency(String v) {
			frequency = v;
		}

		public void setDayOfWeek(String v) {
			dayOfWeek = v;
		}

		public void setDayOfMonth(Integer v) {
			dayOfMonth = v;
		}

		public void setWorkingDaysOnly(boolean v) {
			workingDaysOnly = v;
		}

		public void setCalendarId(Long v) {
			calendarId = v;
		}

		public void setDueTime(String v) {
			dueTime = v;
		}

		public void setStartsOn(String v) {
			startsOn = v;
		}

		public void setEndsOn(String v) {
			endsOn = v;
		}

		public void setCiIds(List<Long> v) {
			ciIds = v;
		}

		public void setLocations(String v) {
			locations = v;
		}

		public void setAssigneeIds(List<Long> v) {
			assigneeIds = v;
		}

		PlanDraft draft() {
			List<String> places = locations == null ? List.of() : List.of(locations.split("\\R"));
			return new PlanDraft(name, templateId, frequency, dayOfWeek, dayOfMonth, workingDaysOnly, calendarId,
					dueTime, startsOn, endsOn, ciIds, places, assigneeIds, cron);
		}
	}

	@GetMapping("/inspections/plans/new")
	String newPlan(@ModelAttribute("form") PlanForm form, Model model) {
		access.requireManager();
		return planForm(model, form, Map.of());
	}

	@PostMapping("/inspections/plans")
	String createPlan(@ModelAttribute("form") PlanForm form, Model model, RedirectAttributes redirect) {
		long[] created = new long[1];
		String next = FormSubmission.save(() -> created[0] = planKeeping.create(form.draft()), "/inspections/plans",
				"inspection.plan.saved", redirect, "inspection.plan.failed", model,
				errors -> planForm(model, form, errors));
		return next.startsWith("redirect:") ? "redirect:/inspections/plans/" + created[0] : next;
	}

	@GetMapping("/inspections/plans/{id}/edit")
	String editPlan(@PathVariable long id, Model model) {
		access.requireManager();
		PlanReading.PlanView plan = plans.view(id);
		PlanForm form = new PlanForm();
		form.name = plan.name();
		form.templateId = plan.templateId();
		form.frequency = plan.frequency();
		form.dayOfWeek = plan.dayOfWeek();
		form.dayOfMonth = plan.dayOfMonth();
		form.workingDaysOnly = plan.workingDaysOnly();
		form.calendarId = plan.calendarId();
		form.dueTime = plan.dueTime().toString();
		form.startsOn = plan.startsOn().toString();
		form.endsOn = plan.endsOn() == null ? null : plan.endsOn().toString();
		form.cron = plan.cron();
		form.ciIds = plan.targets().stream().map(PlanTarget::ciId).filter(Objects::nonNull).toList();
		form.locations = String.join("\n", plan.targets().stream().map(PlanTarget::location).filter(Objects::nonNull)
			.toList());
		form.assigneeIds = plan.assignees().stream().map(PlanReading.Assignee::id).toList();
		model.addAttribute("existing", plan);
		return planForm(model, form, Map.of());
	}

	@PostMapping("/inspections/plans/{id}")
	String updatePlan(@PathVariable long id, @ModelAttribute("form") PlanForm form, Model model,
			RedirectAttributes redirect) {
		return FormSubmission.save(() -> planKeeping.update(id, form.draft()), "/inspections/plans/" + id,
				"inspection.plan.saved", redirect, "inspection.plan.failed", model, errors -> {
					model.addAttribute("existing", plans.view(id));
					return planForm(model, form, errors);
				});
	}

	private String planForm(Model model, PlanForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		List<TemplateReading.TemplateLine> usable = templates.list(true);
		model.addAttribute("templates", usable);
		TemplateReading.TemplateLine chosen = usable.stream()
			.filter(t -> Objects.equals(t.id(), form.templateId)).findFirst().orElse(null);
		model.addAttribute("template", chosen);
		model.addAttribute("calendars", calendars.list().stream().filter(c -> c.enabled()).toList());
		model.addAttribute("people", planKeeping.assignable());
		model.addAttribute("found", List.of());
		model.addAttribute("chosenItems", form.ciIds == null ? List.of()
				: form.ciIds.stream().distinct().map(items::find).flatMap(java.util.Optional::stream).toList());
		return "inspection/plan-form";
	}

	/** The item picker of the plan form: the items chosen so far, then those found, of the template's class. */
	@GetMapping("/inspections/plans/item-choices")
	String itemChoices(@RequestParam(required = false) Long templateId, @RequestParam(required = false) String q,
			@RequestParam(required = false) List<Long> ciIds, Model model) {
		access.requireManager();
		String classCode = templates.list(true).stream().filter(t -> Objects.equals(t.id(), templateId))
			.map(t -> TargetKind.APPLICATION_SYSTEM.name().equals(t.targetKind())
					? TargetKind.APPLICATION_SYSTEM_CLASS : t.ciClassCode())
			.filter(Objects::nonNull).findFirst().orElse(null);
		List<ConfigurationItemSummary> chosen = ciIds == null ? List.of()
				: ciIds.stream().distinct().map(items::find).flatMap(java.util.Optional::stream).toList();
		List<ConfigurationItemClass> classes = items.classes();
		List<ConfigurationItemSummary> found = classCode == null ? List.of() : items.search(q, 50).stream()
			.filter(i -> chosen.stream().noneMatch(c -> c.id() == i.id()))
			.filter(i -> classes.stream().anyMatch(c -> c.code().equals(i.classCode()) && c.within(classCode)))
			.limit(PICKER_LIMIT).toList();
		model.addAttribute("chosenItems", chosen);
		model.addAttribute("found", found);
		model.addAttribute("q", q);
		return "inspection/item-choices :: choices";
	}
}
