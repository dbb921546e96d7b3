package org.yunwei.emergency.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Permission;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The on-duty pages: who is on duty now and the rosters with their completeness, a new roster's form; a roster's page
 * with its shifts, the gaps in its cover, the form to add a shift and the duty log with handovers.
 */
@Controller
class DutyWebController {

	private final DutyRostering rostering;
	private final DutyReading reading;
	private final EmergencyAccess access;
	private final EmergencyPickers pickers;

	DutyWebController(DutyRostering rostering, DutyReading reading, EmergencyAccess access, EmergencyPickers pickers) {
		this.rostering = rostering;
		this.reading = reading;
		this.access = access;
		this.pickers = pickers;
	}

	@GetMapping("/emergency/duty")
	String rosters(Model model) {
		access.reader();
		model.addAttribute("rosters", reading.list());
		model.addAttribute("onDuty", reading.onDuty());
		model.addAttribute("kinds", DutyKind.values());
		model.addAttribute("zone", EmergencyClock.ZONE);
		model.addAttribute("mayKeep", access.may(Permission.EMERGENCY_MANAGE));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("form", Map.of());
		}
		return "emergency/duty";
	}

	@PostMapping("/emergency/duty")
	String create(@RequestParam Map<String, String> typed, Model model, RedirectAttributes redirect) {
		access.planAuthor();
		FieldErrors errors = new FieldErrors();
		LocalDate startsOn = parse(typed.get("startsOn"), "startsOn", LocalDate::parse, errors);
		LocalDate endsOn = parse(typed.get("endsOn"), "endsOn", LocalDate::parse, errors);
		long id;
		try {
			errors.throwIfAny();
			id = rostering.create(new DutyRostering.RosterDraft(typed.get("name"), typed.get("kind"), startsOn, endsOn));
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			Map<String, String> all = new LinkedHashMap<>(errors.asMap());
			refused.fieldErrors().forEach(all::putIfAbsent);
			model.addAttribute("problem", "emergency.duty.failed");
			model.addAttribute("errors", all);
			model.addAttribute("form", typed);
			return rosters(model);
		}
		redirect.addFlashAttribute("notice", "emergency.duty.saved");
		return "redirect:/emergency/duty/" + id;
	}

	@GetMapping("/emergency/duty/{id}")
	String roster(@PathVariable long id, Model model) {
		access.reader();
		model.addAttribute("roster", reading.view(id));
		model.addAttribute("zone", EmergencyClock.ZONE);
		model.addAttribute("mayKeep", access.may(Permission.EMERGENCY_MANAGE));
		model.addAttribute("mayLog", access.may(Permission.EMERGENCY_RESPOND));
		if (access.may(Permission.EMERGENCY_MANAGE) || access.may(Permission.EMERGENCY_RESPOND)) {
			model.addAttribute("people", pickers.people(access.reader()));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("form", Map.of());
		}
		return "emergency/roster";
	}

	@PostMapping("/emergency/duty/{id}/shifts")
	String addShift(@PathVariable long id, @RequestParam Map<String, String> typed, Model model,
			RedirectAttributes redirect) {
		access.planAuthor();
		FieldErrors errors = new FieldErrors();
		LocalDateTime from = parse(typed.get("startsAt"), "startsAt", LocalDateTime::parse, errors);
		LocalDateTime until = parse(typed.get("endsAt"), "endsAt", LocalDateTime::parse, errors);
		Long person = parse(typed.get("personId"), "personId", Long::valueOf, errors);
		return act(id, () -> {
			errors.throwIfAny();
			rostering.addShift(id, new DutyRostering.ShiftDraft(
					from == null ? null : from.atZone(EmergencyClock.ZONE).toInstant(),
					until == null ? null : until.atZone(EmergencyClock.ZONE).toInstant(), person,
					"true".equals(typed.get("lead"))));
		}, typed, errors, model, redirect);
	}

	@PostMapping("/emergency/duty/{id}/logs")
	String log(@PathVariable long id, @RequestParam Map<String, String> typed, Model model,
			RedirectAttributes redirect) {
		access.responder();
		FieldErrors errors = new FieldErrors();
		Long handedTo = parse(typed.get("handedToId"), "handedToId", Long::valueOf, errors);
		return act(id, () -> {
			errors.throwIfAny();
			rostering.log(id, new DutyRostering.LogDraft(typed.get("kind"), typed.get("text"), handedTo));
		}, typed, errors, model, redirect);
	}

	private String act(long id, Runnable action, Map<String, String> typed, FieldErrors parsed, Model model,
			RedirectAttributes redirect) {
		try {
			action.run();
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			Map<String, String> all = new LinkedHashMap<>(parsed.asMap());
			refused.fieldErrors().forEach(all::putIfAbsent);
			model.addAttribute("problem", "emergency.duty.failed");
			model.addAttribute("errors", all);
			model.addAttribute("form", typed);
			return roster(id, model);
		}
		redirect.addFlashAttribute("notice", "emergency.duty.saved");
		return "redirect:/emergency/duty/" + id;
	}

	private static <T> T parse(String value, String field, Function<String, T> parser, FieldErrors errors) {
		String clean = FieldErrors.clean(value);
		if (clean == null) {
			return null;
		}
		try {
			return parser.apply(clean);
		}
		catch (DateTimeParseException | NumberFormatException malformed) {
			errors.add(field, "field.malformed");
			return null;
		}
	}
}
