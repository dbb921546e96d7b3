package org.yunwei.emergency.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Permission;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.FileDownload;
import org.yunwei.web.FileFormat;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.UploadedFile;

/**
 * The drills' pages: the list, the drill plan's form (choose a plan in force, then the contact of each stage), a
 * drill's page where it is run step by step (start, finish, screenshots) and finished with its summary.
 */
@Controller
class EmergencyDrillWebController {

	private final EmergencyDrilling drilling;
	private final EmergencyDrillReading reading;
	private final EmergencyPlanRecords plans;
	private final EmergencyPlanVersions versions;
	private final EmergencyAccess access;
	private final EmergencyPickers pickers;

	private final EmergencyReportReading reports;

	EmergencyDrillWebController(EmergencyDrilling drilling, EmergencyDrillReading reading,
			EmergencyPlanRecords plans, EmergencyPlanVersions versions, EmergencyAccess access,
			EmergencyPickers pickers, EmergencyReportReading reports) {
		this.reports = reports;
		this.drilling = drilling;
		this.reading = reading;
		this.plans = plans;
		this.versions = versions;
		this.access = access;
		this.pickers = pickers;
	}

	@GetMapping("/emergency/drills")
	String list(@RequestParam(required = false) String cursor, Model model) {
		access.reader();
		KeysetPage<EmergencyDrillReading.DrillLine> page;
		try {
			page = reading.list(cursor, 20);
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			model.addAttribute("problem", "emergency.cursor.invalid");
			page = new KeysetPage<>(List.of(), null);
		}
		model.addAttribute("page", page);
		model.addAttribute("zone", EmergencyClock.ZONE);
		model.addAttribute("mayPlan", access.may(Permission.EMERGENCY_MANAGE));
		return "emergency/drills";
	}

	@GetMapping("/emergency/drills/new")
	String plan(@RequestParam(required = false) Long planId, Model model) {
		access.planAuthor();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("planId", planId == null ? null : planId.toString());
		return form(model, form, List.of(), Map.of());
	}

	@PostMapping("/emergency/drills")
	String plan(@RequestParam Map<String, String> typed, @RequestParam(name = "contacts", required = false)
	List<String> contacts, Model model, RedirectAttributes redirect) {
		access.planAuthor();
		FieldErrors errors = new FieldErrors();
		Long planId = errors.wholeNumber("planId", typed.get("planId"));
		Instant plannedAt = null;
		String when = FieldErrors.clean(typed.get("plannedAt"));
		if (when != null) {
			try {
				plannedAt = LocalDateTime.parse(when).atZone(EmergencyClock.ZONE).toInstant();
			}
			catch (DateTimeParseException malformed) {
				errors.add("plannedAt", "field.expected.date-time");
			}
		}
		List<Long> contactIds = new ArrayList<>();
		List<String> given = contacts == null ? List.of() : contacts;
		for (int i = 0; i < given.size(); i++) {
			contactIds.add(errors.wholeNumber("contacts[" + i + "]", given.get(i)));
		}
		long id;
		try {
			errors.throwIfAny();
			id = drilling.plan(new EmergencyDrilling.DrillDraft(planId, typed.get("title"), typed.get("objective"),
					typed.get("subjects"), typed.get("method"), typed.get("participants"), typed.get("place"),
					plannedAt, contactIds));
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			Map<String, String> all = new LinkedHashMap<>(errors.asMap());
			refused.fieldErrors().forEach(all::putIfAbsent);
			model.addAttribute("problem", "emergency.drill.failed");
			return form(model, typed, given, all);
		}
		redirect.addFlashAttribute("notice", "emergency.drill.planned");
		return "redirect:/emergency/drills/" + id;
	}

	@GetMapping("/emergency/drills/{id}")
	String drill(@PathVariable long id, Model model) {
		access.reader();
		model.addAttribute("drill", reading.view(id));
		model.addAttribute("reportStatus", reports.statuses(id, EmergencyReportKind.DRILL));
		model.addAttribute("zone", EmergencyClock.ZONE);
		model.addAttribute("mayRun", access.may(Permission.EMERGENCY_RESPOND));
		model.addAttribute("mayFinish", access.may(Permission.EMERGENCY_MANAGE));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "emergency/drill";
	}

	@PostMapping("/emergency/drills/{id}/start")
	String start(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(id, () -> drilling.start(id), "emergency.drill.started", model, redirect);
	}

	@PostMapping("/emergency/drills/{id}/steps/{stepId}/start")
	String startStep(@PathVariable long id, @PathVariable long stepId, Model model, RedirectAttributes redirect) {
		return act(id, () -> drilling.startStep(id, stepId), "emergency.drill.step.recorded", model, redirect);
	}

	@PostMapping("/emergency/drills/{id}/steps/{stepId}/finish")
	String finishStep(@PathVariable long id, @PathVariable long stepId, @RequestParam(required = false) String note,
			Model model, RedirectAttributes redirect) {
		return act(id, () -> drilling.finishStep(id, stepId, note), "emergency.drill.step.recorded", model, redirect);
	}

	@PostMapping("/emergency/drills/{id}/steps/{stepId}/screenshots")
	String attach(@PathVariable long id, @PathVariable long stepId,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
		return act(id, () -> drilling.attach(id, stepId, UploadedFile.of(file, EmergencyDrilling.SCREENSHOT_MAX_BYTES)),
				"emergency.drill.screenshot.attached", model, redirect);
	}

	@GetMapping("/emergency/drills/{id}/screenshots/{screenshotId}")
	ResponseEntity<byte[]> screenshot(@PathVariable long id, @PathVariable long screenshotId) {
		access.reader();
		EmergencyDrillSteps.StoredScreenshot shot = drilling.screenshot(id, screenshotId);
		return FileDownload.of(shot.storedName(), FileFormat.contentType(shot.extension()), shot.sha256(),
				shot.content());
	}

	@PostMapping("/emergency/drills/{id}/finish")
	String finish(@PathVariable long id, @RequestParam(required = false) String summary,
			@RequestParam(required = false) String improvements,
			@RequestParam(required = false) Boolean revisionRequired, Model model, RedirectAttributes redirect) {
		return act(id, () -> drilling.finish(id, summary, improvements, revisionRequired), "emergency.drill.finished",
				model, redirect);
	}

	private String act(long id, Runnable action, String notice, Model model, RedirectAttributes redirect) {
		try {
			action.run();
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", refused.fieldErrors().isEmpty() || refused.status() != HttpStatus.BAD_REQUEST
					? refused.messageKey() : "emergency.drill.action.failed");
			model.addAttribute("errors", refused.fieldErrors());
			return drill(id, model);
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/emergency/drills/" + id;
	}

	private String form(Model model, Map<String, String> typed, List<String> contacts, Map<String, String> errors) {
		Actor planner = access.planAuthor();
		List<EmergencyPlan> inForce = plans.inForce(access.scope(), 200);
		model.addAttribute("form", typed);
		model.addAttribute("contacts", contacts);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("plans", inForce.stream()
			.map(plan -> Map.of("id", String.valueOf(plan.id()), "title", plan.content().title())).toList());
		model.addAttribute("methods", DrillMethod.values());
		model.addAttribute("people", pickers.people(planner));
		Long planId = null;
		try {
			planId = typed.get("planId") == null ? null : Long.valueOf(typed.get("planId").strip());
		}
		catch (NumberFormatException notAnId) {
			planId = null;
		}
		Long chosen = planId;
		List<EmergencyPlanContent.ProcedureStep> steps = inForce.stream().filter(plan -> chosen != null
				&& plan.id() == chosen).findFirst()
			.flatMap(plan -> versions.find(plan.approvedVersionId()))
			.map(version -> version.content().steps()).orElse(List.of());
		model.addAttribute("steps", steps);
		return "emergency/drill-form";
	}
}
