package org.yunwei.emergency.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Permission;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The plan library's pages: the library with its search, a plan's page (levels, organisation, procedure, versions,
 * the actions its authors may take) and the form to write or revise one.
 */
@Controller
class EmergencyPlanWebController {

	private final EmergencyPlanAuthoring authoring;
	private final EmergencyPlanApproval approval;
	private final EmergencyPlanReading reading;
	private final EmergencyAccess access;
	private final EmergencyPickers pickers;
	private final EmergencyDrillReading drills;

	EmergencyPlanWebController(EmergencyPlanAuthoring authoring, EmergencyPlanApproval approval, EmergencyPlanReading reading, EmergencyAccess access,
			EmergencyPickers pickers, EmergencyDrillReading drills) {
		this.authoring = authoring;
		this.approval = approval;
		this.reading = reading;
		this.access = access;
		this.pickers = pickers;
		this.drills = drills;
	}

	@GetMapping("/emergency/plans")
	String library(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
			Model model) {
		access.reader();
		String text = FieldErrors.clean(q);
		KeysetPage<EmergencyPlanReading.EmergencyPlanLine> page;
		try {
			page = reading.list(text, null, cursor, 20);
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			model.addAttribute("problem", "emergency.plans.search-refused");
			page = new KeysetPage<>(List.of(), null);
		}
		model.addAttribute("page", page);
		model.addAttribute("q", text == null ? "" : text);
		model.addAttribute("mayWrite", access.may(Permission.EMERGENCY_MANAGE));
		return "emergency/plans";
	}

	@GetMapping("/emergency/plans/new")
	String create(Model model) {
		access.planAuthor();
		return form(model, new EmergencyPlanForm().padded(), null, Map.of());
	}

	@PostMapping("/emergency/plans")
	String create(@ModelAttribute("form") EmergencyPlanForm form, Model model, RedirectAttributes redirect) {
		access.planAuthor();
		long id;
		try {
			id = authoring.create(form.draft());
		}
		catch (RejectedRequest refused) {
			return refused(refused, form, null, model);
		}
		redirect.addFlashAttribute("notice", "emergency.plan.saved");
		return "redirect:/emergency/plans/" + id;
	}

	@GetMapping("/emergency/plans/{id}")
	String plan(@PathVariable long id, Model model) {
		access.reader();
		EmergencyPlanReading.EmergencyPlanView plan = reading.view(id);
		model.addAttribute("plan", plan);
		model.addAttribute("versions", reading.versions(id));
		model.addAttribute("drills", drills.ofPlan(id));
		model.addAttribute("zone", EmergencyClock.ZONE);
		model.addAttribute("mayWrite", access.may(Permission.EMERGENCY_MANAGE));
		model.addAttribute("mayDeclare", access.may(Permission.EMERGENCY_RESPOND) && plan.approvedVersionId() != null
				&& !"RETIRED".equals(plan.status()));
		return "emergency/plan";
	}

	@GetMapping("/emergency/plans/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		access.planAuthor();
		EmergencyPlan plan = reading.forEditing(id);
		return form(model, EmergencyPlanForm.of(plan.content()), id, Map.of());
	}

	@PostMapping("/emergency/plans/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") EmergencyPlanForm form, Model model,
			RedirectAttributes redirect) {
		access.planAuthor();
		try {
			authoring.revise(id, form.draft());
		}
		catch (RejectedRequest refused) {
			return refused(refused, form, id, model);
		}
		redirect.addFlashAttribute("notice", "emergency.plan.saved");
		return "redirect:/emergency/plans/" + id;
	}

	@PostMapping("/emergency/plans/{id}/submit")
	String submit(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(id, () -> approval.submit(id), "emergency.plan.submitted", model, redirect);
	}

	@PostMapping("/emergency/plans/{id}/withdraw")
	String withdraw(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(id, () -> approval.withdraw(id), "emergency.plan.withdrawn", model, redirect);
	}

	@PostMapping("/emergency/plans/{id}/retire")
	String retire(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(id, () -> authoring.retire(id), "emergency.plan.retired", model, redirect);
	}

	private String act(long id, Runnable action, String notice, Model model, RedirectAttributes redirect) {
		try {
			action.run();
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", refused.messageKey());
			return plan(id, model);
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/emergency/plans/" + id;
	}

	private String refused(RejectedRequest refused, EmergencyPlanForm form, Long id, Model model) {
		if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
			throw refused;
		}
		model.addAttribute("problem", refused.fieldErrors().isEmpty() ? refused.messageKey() : "emergency.plan.failed");
		Map<String, String> errors = form.shown(refused.fieldErrors());
		return form(model, form.padded(), id, errors);
	}

	private String form(Model model, EmergencyPlanForm form, Long id, Map<String, String> errors) {
		Actor author = access.planAuthor();
		model.addAttribute("form", form);
		model.addAttribute("planId", id);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("levels", EmergencyLevel.values());
		model.addAttribute("phases", ResponsePhase.values());
		model.addAttribute("people", pickers.people(author));
		model.addAttribute("posts", pickers.posts(author));
		return "emergency/plan-form";
	}
}
