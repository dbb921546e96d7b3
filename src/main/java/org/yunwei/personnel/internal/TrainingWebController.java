package org.yunwei.personnel.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Permission;
import org.yunwei.personnel.internal.TrainingDrafts.AttendanceDraft;
import org.yunwei.personnel.internal.TrainingDrafts.CourseDraft;
import org.yunwei.personnel.internal.TrainingDrafts.ExamDraft;
import org.yunwei.personnel.internal.TrainingDrafts.TrainingPlanDraft;
import org.yunwei.personnel.internal.TrainingDrafts.ScoreEntry;
import org.yunwei.personnel.internal.TrainingDrafts.ScoresDraft;
import org.yunwei.personnel.internal.TrainingDrafts.SessionDraft;
import org.yunwei.web.FormSubmission;

/**
 * Training in the browser: the plans with the new-plan form, and a plan's page where its keeper adds courses and
 * sessions, records attendance, sets a session's exam and enters the scores. A failed form shows the page again with
 * what was typed and the messages beside the fields (each form's under its own prefix).
 */
@Controller
class TrainingWebController {

	static final String CATEGORIES = "DOMESTIC_EQUIPMENT,CONFIDENTIALITY_LAW,APPLICATION_OPERATION,SECURITY_AWARENESS,OTHER";

	private final Training training;
	private final StaffAccess access;

	TrainingWebController(Training training, StaffAccess access) {
		this.training = training;
		this.access = access;
	}

	@GetMapping("/trainings")
	String plans(@RequestParam(required = false) String cursor, Model model) {
		org.yunwei.web.KeysetPage<Training.TrainingPlanLine> page = training.plans(cursor, null);
		model.addAttribute("plans", page.items());
		model.addAttribute("plansNext", page.next());
		boolean keeps = access.actor().can(Permission.PERSONNEL_MANAGE);
		model.addAttribute("mayManage", keeps);
		if (keeps) {
			model.addAttribute("parties", training.parties());
			model.addAttribute("providerKeeper", access.actor().partyKind() == PartyKind.PROVIDER);
		}
		if (!model.containsAttribute("plan")) {
			model.addAttribute("plan", null);
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "personnel/trainings";
	}

	@PostMapping("/trainings")
	String create(TrainingPlanDraft plan, Model model, RedirectAttributes redirect) {
		long[] created = new long[1];
		String next = FormSubmission.save(() -> created[0] = training.plan(plan), "/trainings",
				"personnel.training.saved", redirect, "personnel.training.problem", model, errors -> {
					model.addAttribute("errors", errors);
					model.addAttribute("plan", plan);
					return plans(null, model);
				});
		return next.startsWith("redirect:") ? "redirect:/trainings/" + created[0] : next;
	}

	@GetMapping("/trainings/{id:\\d+}")
	String plan(@PathVariable long id, Model model) {
		model.addAttribute("view", training.view(id));
		model.addAttribute("categories", CATEGORIES.split(","));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		for (String form : new String[] { "course", "session", "exam", "failedSession" }) {
			if (!model.containsAttribute(form)) {
				model.addAttribute(form, null);
			}
		}
		return "personnel/training";
	}

	@PostMapping("/trainings/{id:\\d+}/courses")
	String course(@PathVariable long id, CourseDraft course, Model model, RedirectAttributes redirect) {
		return FormSubmission.save(() -> training.course(id, course), "/trainings/" + id,
				"personnel.training.course.saved", redirect, "personnel.training.course.problem", model, errors -> {
					model.addAttribute("errors", prefixed("course", errors));
					model.addAttribute("course", course);
					return plan(id, model);
				});
	}

	@PostMapping("/trainings/{id:\\d+}/sessions")
	String session(@PathVariable long id, SessionDraft session, Model model, RedirectAttributes redirect) {
		return FormSubmission.save(() -> training.session(id, session), "/trainings/" + id,
				"personnel.training.session.saved", redirect, "personnel.training.session.problem", model, errors -> {
					model.addAttribute("errors", prefixed("session", errors));
					model.addAttribute("session", session);
					return plan(id, model);
				});
	}

	@PostMapping("/trainings/{id:\\d+}/sessions/{sessionId:\\d+}/attendance")
	String attendance(@PathVariable long id, @PathVariable long sessionId,
			@RequestParam(required = false) List<Long> staffIds, Model model, RedirectAttributes redirect) {
		return FormSubmission.save(() -> training.attendance(id, sessionId, new AttendanceDraft(staffIds)),
				"/trainings/" + id, "personnel.training.attendance.saved", redirect,
				"personnel.training.attendance.problem", model, errors -> {
					model.addAttribute("errors", prefixed("attendance", errors));
					model.addAttribute("failedSession", sessionId);
					return plan(id, model);
				});
	}

	@PostMapping("/trainings/{id:\\d+}/sessions/{sessionId:\\d+}/exam")
	String exam(@PathVariable long id, @PathVariable long sessionId, ExamDraft exam, Model model,
			RedirectAttributes redirect) {
		return FormSubmission.save(() -> training.exam(id, sessionId, exam), "/trainings/" + id,
				"personnel.exam.saved", redirect, "personnel.exam.problem", model, errors -> {
					model.addAttribute("errors", prefixed("exam", errors));
					model.addAttribute("exam", exam);
					model.addAttribute("failedSession", sessionId);
					return plan(id, model);
				});
	}

	/** The scores come as {@code score-<staff id>} fields, one per attendee; an empty one clears that score. */
	@PostMapping("/trainings/{id:\\d+}/sessions/{sessionId:\\d+}/scores")
	String scores(@PathVariable long id, @PathVariable long sessionId, @RequestParam Map<String, String> fields,
			Model model, RedirectAttributes redirect) {
		List<ScoreEntry> entries = new ArrayList<>();
		Map<String, String> unreadable = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (name.startsWith("score-")) {
				Long staffId = parseLong(name.substring(6));
				String text = value == null ? "" : value.strip();
				BigDecimal score = null;
				if (!text.isEmpty()) {
					try {
						score = new BigDecimal(text);
					}
					catch (NumberFormatException e) {
						unreadable.put("scores." + name, "field.number");
					}
				}
				entries.add(new ScoreEntry(staffId, score));
			}
		});
		if (!unreadable.isEmpty()) {
			model.addAttribute("problem", "personnel.exam.scores.problem");
			model.addAttribute("errors", unreadable);
			model.addAttribute("failedSession", sessionId);
			return plan(id, model);
		}
		return FormSubmission.save(() -> training.scores(id, sessionId, new ScoresDraft(entries)), "/trainings/" + id,
				"personnel.exam.scores.saved", redirect, "personnel.exam.scores.problem", model, errors -> {
					Map<String, String> named = new LinkedHashMap<>();
					errors.forEach((field, key) -> {
						int index = Integer.parseInt(field.replaceAll("\\D+", " ").strip().split(" ")[0]);
						named.put("scores.score-" + entries.get(index).staffId(), key);
					});
					model.addAttribute("errors", named);
					model.addAttribute("failedSession", sessionId);
					return plan(id, model);
				});
	}

	private static Long parseLong(String text) {
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static Map<String, String> prefixed(String form, Map<String, String> errors) {
		Map<String, String> named = new LinkedHashMap<>();
		errors.forEach((field, key) -> named.put(form + "." + field, key));
		return named;
	}
}
