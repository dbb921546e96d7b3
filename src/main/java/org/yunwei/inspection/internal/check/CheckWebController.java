package org.yunwei.inspection.internal.check;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.inspection.internal.InspectionAccess;
import org.yunwei.web.FormSubmission;

/**
 * The pages of automated checks: the list (search, last outcome, sort, more), one check with its results, the form
 * for a new or changed check (the item chosen by searching as you type), run now, pause and resume.
 */
@Controller
class CheckWebController {

	static final int PICKER_LIMIT = 20;

	private final CheckReading reading;
	private final CheckKeeping keeping;
	private final CheckRunner runner;
	private final InspectionAccess access;
	private final ConfigurationItems items;
	private final CheckSeries series;
	private final org.springframework.context.MessageSource messages;

	CheckWebController(CheckReading reading, CheckKeeping keeping, CheckRunner runner, InspectionAccess access,
			ConfigurationItems items, CheckSeries series, org.springframework.context.MessageSource messages) {
		this.series = series;
		this.messages = messages;
		this.reading = reading;
		this.keeping = keeping;
		this.runner = runner;
		this.access = access;
		this.items = items;
	}

	/** Times are shown in the installation's zone. */
	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return org.yunwei.sla.BusinessCalendar.SHANGHAI;
	}

	@GetMapping("/inspections/checks")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String cursor, Model model) {
		model.addAttribute("page", reading.list(q, outcome, sort, cursor, null));
		model.addAttribute("q", q);
		model.addAttribute("outcome", outcome);
		model.addAttribute("sort", sort);
		model.addAttribute("filtered", (q != null && !q.isBlank()) || (outcome != null && !outcome.isBlank()));
		model.addAttribute("mayManage", access.mayManage());
		return "inspection/checks";
	}

	@GetMapping("/inspections/checks/{id}")
	String check(@PathVariable long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) String period,
			Model model) {
		model.addAttribute("check", reading.view(id));
		org.yunwei.web.FieldErrors errors = new org.yunwei.web.FieldErrors();
		CheckPeriod shown = period == null || period.isBlank() ? CheckPeriod.DAY
				: errors.constant(CheckPeriod.class, period, "period");
		errors.throwIfAny();
		CheckSeries.CheckSeriesView history = series.last(id, shown);
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		java.time.ZoneId zone = zone();
		model.addAttribute("period", shown);
		model.addAttribute("periods", CheckPeriod.values());
		model.addAttribute("series", history);
		model.addAttribute("seriesFormat", CheckSeriesCharts.labelFormat(history));
		model.addAttribute("timeChart", CheckSeriesCharts.responseTime(history, zone, messages, locale).json());
		model.addAttribute("availabilityChart", CheckSeriesCharts.availability(history, zone, messages, locale).json());
		model.addAttribute("results", reading.results(id, outcome, cursor, null));
		model.addAttribute("outcome", outcome);
		model.addAttribute("mayManage", access.mayManage());
		return "inspection/check";
	}

	@PostMapping("/inspections/checks/{id}/run")
	String run(@PathVariable long id, RedirectAttributes redirect) {
		runner.runNow(id);
		redirect.addFlashAttribute("notice", "check.ran");
		return "redirect:/inspections/checks/" + id;
	}

	@PostMapping("/inspections/checks/{id}/pause")
	String pause(@PathVariable long id, RedirectAttributes redirect) {
		keeping.pause(id);
		redirect.addFlashAttribute("notice", "check.paused");
		return "redirect:/inspections/checks/" + id;
	}

	@PostMapping("/inspections/checks/{id}/resume")
	String resume(@PathVariable long id, RedirectAttributes redirect) {
		keeping.resume(id);
		redirect.addFlashAttribute("notice", "check.resumed");
		return "redirect:/inspections/checks/" + id;
	}

	/** The check form as typed; numbers as text, so that a wrong one comes back as typed with its message. */
	public static final class AutomatedCheckForm {

		public String name;
		public String kind = CheckKind.HTTP.name();
		public String target;
		public Integer port;
		public Integer expectStatus;
		public String bodyContains;
		public Integer slowMillis;
		public Integer warnDays;
		public String dbUser;
		public String dbPassword;
		public Long ciId;
		public Integer intervalSeconds = CheckKeeping.DEFAULT_INTERVAL;
		public Integer timeoutMillis = CheckKeeping.DEFAULT_TIMEOUT;
		public Integer failuresToAlert = 1;

		public void setName(String v) {
			name = v;
		}

		public void setKind(String v) {
			kind = v;
		}

		public void setTarget(String v) {
			target = v;
		}

		public void setPort(Integer v) {
			port = v;
		}

		public void setExpectStatus(Integer v) {
			expectStatus = v;
		}

		public void setBodyContains(String v) {
			bodyContains = v;
		}

		public void setSlowMillis(Integer v) {
			slowMillis = v;
		}

		public void setWarnDays(Integer v) {
			warnDays = v;
		}

		public void setDbUser(String v) {
			dbUser = v;
		}

		public void setDbPassword(String v) {
			dbPassword = v;
		}

		public void setCiId(Long v) {
			ciId = v;
		}

		public void setIntervalSeconds(Integer v) {
			intervalSeconds = v;
		}

		public void setTimeoutMillis(Integer v) {
			timeoutMillis = v;
		}

		public void setFailuresToAlert(Integer v) {
			failuresToAlert = v;
		}

		AutomatedCheckDraft draft() {
			return new AutomatedCheckDraft(name, kind, target, port, expectStatus, bodyContains, slowMillis, warnDays,
					dbUser, dbPassword, ciId, intervalSeconds, timeoutMillis, failuresToAlert);
		}

		static AutomatedCheckForm of(CheckReading.AutomatedCheckView view) {
			AutomatedCheckForm form = new AutomatedCheckForm();
			form.name = view.name();
			form.kind = view.kind().name();
			form.target = view.target();
			form.port = view.port();
			form.expectStatus = view.expectStatus();
			form.bodyContains = view.bodyContains();
			form.slowMillis = view.slowMillis();
			form.warnDays = view.warnDays();
			form.dbUser = view.dbUser();
			form.ciId = view.ciId();
			form.intervalSeconds = view.intervalSeconds();
			form.timeoutMillis = view.timeoutMillis();
			form.failuresToAlert = view.failuresToAlert();
			return form;
		}
	}

	@GetMapping("/inspections/checks/new")
	String newCheck(@ModelAttribute("form") AutomatedCheckForm form, Model model) {
		access.requireManager();
		return form(model, form, null, Map.of());
	}

	@PostMapping("/inspections/checks")
	String create(@ModelAttribute("form") AutomatedCheckForm form, Model model, RedirectAttributes redirect) {
		long[] created = new long[1];
		String next = FormSubmission.save(() -> created[0] = keeping.create(form.draft()), "/inspections/checks",
				"check.saved", redirect, "check.failed", model, errors -> form(model, form, null, errors));
		return next.startsWith("redirect:") ? "redirect:/inspections/checks/" + created[0] : next;
	}

	@GetMapping("/inspections/checks/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		access.requireManager();
		CheckReading.AutomatedCheckView view = reading.view(id);
		keeping.requireRunnable(id);
		return form(model, AutomatedCheckForm.of(view), view, Map.of());
	}

	@PostMapping("/inspections/checks/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") AutomatedCheckForm form, Model model,
			RedirectAttributes redirect) {
		return FormSubmission.save(() -> keeping.update(id, form.draft()), "/inspections/checks/" + id,
				"check.saved", redirect, "check.failed", model, errors -> form(model, form, reading.view(id), errors));
	}

	private String form(Model model, AutomatedCheckForm form, CheckReading.AutomatedCheckView existing,
			Map<String, String> errors) {
		form.dbPassword = null;
		model.addAttribute("form", form);
		model.addAttribute("existing", existing);
		model.addAttribute("errors", errors);
		model.addAttribute("chosenItem", form.ciId == null ? null : items.find(form.ciId).orElse(null));
		model.addAttribute("found", List.of());
		return "inspection/check-form";
	}

	/** The form's item picker: the item chosen, then those found. */
	@GetMapping("/inspections/checks/item-choices")
	String itemChoices(@RequestParam(required = false) String q, @RequestParam(required = false) Long ciId,
			Model model) {
		access.requireManager();
		ConfigurationItemSummary chosen = ciId == null ? null : items.find(ciId).orElse(null);
		List<ConfigurationItemSummary> found = q == null || q.isBlank() ? List.of()
				: items.search(q, 50).stream().filter(i -> chosen == null || i.id() != chosen.id())
					.limit(PICKER_LIMIT).toList();
		model.addAttribute("chosenItem", chosen);
		model.addAttribute("found", found);
		model.addAttribute("q", q);
		return "inspection/check-item-choices :: choices";
	}
}
