package org.yunwei.inspection.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.inspection.internal.TaskReading.PhotoFile;
import org.yunwei.inspection.internal.TaskReading.TaskView;
import org.yunwei.sla.BusinessCalendar;
import org.yunwei.web.RejectedRequest;
import org.yunwei.web.UploadedFile;

/**
 * The inspector's pages, made for a phone: today's tasks ({@code /inspections}), a task to fill in — drafts saved as
 * one types, by {@code static/js/inspection-task.js}, kept in the browser while offline and sent when the connection
 * returns — its photos, signing and submitting; and the list of tasks of a period for those who read them.
 */
@Controller
class InspectionWebController {

	private final TaskReading reading;
	private final TaskWork work;
	private final InspectionAccess access;

	InspectionWebController(TaskReading reading, TaskWork work, InspectionAccess access) {
		this.reading = reading;
		this.work = work;
		this.access = access;
	}

	/** Times are shown in the installation's zone. */
	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return org.yunwei.sla.BusinessCalendar.SHANGHAI;
	}

	@GetMapping("/inspections")
	String today(Model model) {
		LocalDate today = LocalDate.now(BusinessCalendar.SHANGHAI);
		model.addAttribute("today", today);
		model.addAttribute("tasks", reading.mine(today));
		model.addAttribute("mayManage", access.mayManage());
		return "inspection/today";
	}

	@GetMapping("/inspections/tasks")
	String tasks(@RequestParam(required = false) Long planId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model) {
		access.requireReader();
		LocalDate last = date(to, LocalDate.now(BusinessCalendar.SHANGHAI));
		LocalDate first = date(from, last.minusDays(6));
		try {
			model.addAttribute("tasks", reading.list(planId, first, last));
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			model.addAttribute("problem", "inspection.period.invalid");
			model.addAttribute("tasks", List.of());
		}
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("planId", planId);
		return "inspection/tasks";
	}

	@GetMapping("/inspections/tasks/{id}")
	String task(@PathVariable long id, Model model) {
		return show(reading.view(id), Map.of(), null, model);
	}

	@PostMapping(path = "/inspections/tasks/{id}/draft", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> draft(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
		Object revision = body == null ? null : body.get("revision");
		Map<String, ItemResult> results = new LinkedHashMap<>();
		if (body != null && body.get("results") instanceof Map<?, ?> given) {
			given.forEach((key, value) -> {
				if (value instanceof Map<?, ?> answer) {
					results.put(String.valueOf(key), new ItemResult(text(answer.get("value")), text(answer.get("note"))));
				}
			});
		}
		boolean kept = work.saveDraft(id, revision instanceof Number n ? n.longValue() : null, results);
		return ResponseEntity.ok(Map.of("kept", kept));
	}

	@PostMapping("/inspections/tasks/{id}/photos")
	String photo(@PathVariable long id, @RequestParam(required = false) String item,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
		try {
			work.addPhoto(id, item, UploadedFile.of(file, TaskWork.PHOTO_MAX));
			redirect.addFlashAttribute("notice", "inspection.photo.added");
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/inspections/tasks/" + id + (item == null ? "" : "#item-" + item);
	}

	@GetMapping("/inspections/tasks/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photoContent(@PathVariable long id, @PathVariable long photoId) {
		PhotoFile file = reading.photo(id, photoId);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.photo().mediaType()))
			.header("X-Content-Type-Options", "nosniff").header("Cache-Control", "private, max-age=3600")
			.body(file.content());
	}

	@PostMapping("/inspections/tasks/{id}/submit")
	String submit(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		Map<String, ItemResult> results = results(form);
		try {
			TaskWork.Submitted submitted = work.submit(id, results, form.get("signature"));
			redirect.addFlashAttribute("notice", submitted.anomalies().isEmpty() ? "inspection.task.submitted"
					: submitted.incidentTicketId() != null ? "inspection.task.submitted-incident"
							: "inspection.task.submitted-owner-told");
			return "redirect:/inspections/tasks/" + id;
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN
					|| refused.status() == HttpStatus.CONFLICT) {
				throw refused;
			}
			model.addAttribute("problem", "inspection.task.submit-failed");
			return show(reading.view(id), refused.fieldErrors(), new Typed(results, form.get("signature")), model);
		}
	}

	/** What was typed into a refused form, shown again. */
	record Typed(Map<String, ItemResult> results, String signature) {
	}

	private String show(TaskView task, Map<String, String> errors, Typed typed, Model model) {
		model.addAttribute("task", task);
		model.addAttribute("errors", errors);
		model.addAttribute("answers", typed == null ? task.results() : typed.results());
		model.addAttribute("signature", typed == null ? "" : typed.signature());
		return "inspection/task";
	}

	/** The answers of a submitted form: {@code v.<key>} the value, {@code n.<key>} the note. */
	static Map<String, ItemResult> results(Map<String, String> form) {
		Map<String, ItemResult> results = new LinkedHashMap<>();
		List<String> keys = new ArrayList<>();
		form.keySet().forEach(name -> {
			if ((name.startsWith("v.") || name.startsWith("n.")) && !keys.contains(name.substring(2))) {
				keys.add(name.substring(2));
			}
		});
		keys.forEach(key -> results.put(key, new ItemResult(form.get("v." + key), form.get("n." + key))));
		return results;
	}

	private static String text(Object value) {
		return value == null ? null : String.valueOf(value);
	}

	private static LocalDate date(String text, LocalDate otherwise) {
		try {
			return text == null || text.isBlank() ? otherwise : LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			return otherwise;
		}
	}
}
