package org.yunwei.sla.internal.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.sla.TimeBasis;
import org.yunwei.web.RejectedRequest;

/**
 * The calendar pages: the list with a form for a new calendar, and one calendar with its editor, the month view, the
 * days, import and export, and the calendar check. The month view's previous and next links load the month with
 * htmx and work as plain links too; a failed form is shown again with what was typed and the message beside the
 * field.
 */
@Controller
class CalendarWebController {

	private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final CalendarAdministration calendars;

	CalendarWebController(CalendarAdministration calendars) {
		this.calendars = calendars;
	}

	@GetMapping("/sla/calendars")
	String list(Model model) {
		return list(model, CalendarForm.blank(), Map.of());
	}

	@PostMapping("/sla/calendars")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		CalendarForm form = CalendarForm.from(params);
		try {
			CalendarView created = calendars.create(form.draft());
			redirect.addFlashAttribute("notice", "calendars.saved");
			return "redirect:/sla/calendars/" + created.id();
		}
		catch (RejectedRequest refused) {
			model.addAttribute("problem", "calendars.failed");
			return list(model, form, refused.fieldErrors());
		}
	}

	@GetMapping("/sla/calendars/{id}")
	String calendar(@PathVariable long id, @RequestParam(required = false) String month,
			@RequestParam(required = false) String date,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		CalendarView calendar = calendars.get(id);
		YearMonth shown = month(month, calendar);
		if (htmx != null && month != null) {
			addMonth(model, id, calendar, shown);
			return "sla/calendars/calendar :: month";
		}
		Page page = new Page(CalendarForm.of(calendar));
		page.day.put("date", date != null ? date : "");
		return page.render(model, id, calendar, shown);
	}

	@PostMapping("/sla/calendars/{id}")
	String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		CalendarForm form = CalendarForm.from(params);
		try {
			calendars.update(id, form.draft());
			redirect.addFlashAttribute("notice", "calendars.saved");
			return "redirect:/sla/calendars/" + id;
		}
		catch (RejectedRequest refused) {
			rethrowUnlessForm(refused);
			model.addAttribute("problem", refused.status().value() == 409 ? refused.messageKey() : "calendars.failed");
			Page page = new Page(form);
			page.errors.putAll(refused.fieldErrors());
			CalendarView calendar = calendars.get(id);
			return page.render(model, id, calendar, month(null, calendar));
		}
	}

	@PostMapping("/sla/calendars/{id}/default")
	String makeDefault(@PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			calendars.makeDefault(id);
			redirect.addFlashAttribute("notice", "calendars.default.made");
			return "redirect:/sla/calendars/" + id;
		}
		catch (RejectedRequest refused) {
			rethrowUnlessForm(refused);
			model.addAttribute("problem", refused.messageKey());
			CalendarView calendar = calendars.get(id);
			return new Page(CalendarForm.of(calendar)).render(model, id, calendar, month(null, calendar));
		}
	}

	@PostMapping("/sla/calendars/{id}/days")
	String addDay(@PathVariable long id, @RequestParam(defaultValue = "") String date,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String name, Model model,
			RedirectAttributes redirect) {
		try {
			calendars.putDay(id, new DayDraft(date, kind, name));
			redirect.addFlashAttribute("notice", "calendars.saved");
			return "redirect:/sla/calendars/" + id + "?month=" + YearMonth.from(LocalDate.parse(date.strip()));
		}
		catch (RejectedRequest refused) {
			rethrowUnlessForm(refused);
			CalendarView calendar = calendars.get(id);
			Page page = new Page(CalendarForm.of(calendar));
			page.day.putAll(Map.of("date", date, "kind", kind, "name", name));
			page.dayErrors.putAll(refused.fieldErrors());
			model.addAttribute("problem", "calendars.failed");
			return page.render(model, id, calendar, month(null, calendar));
		}
	}

	@PostMapping("/sla/calendars/{id}/days/{date}/remove")
	String removeDay(@PathVariable long id, @PathVariable String date, RedirectAttributes redirect) {
		calendars.removeDay(id, date);
		redirect.addFlashAttribute("notice", "calendars.saved");
		return "redirect:/sla/calendars/" + id + "?month=" + YearMonth.from(LocalDate.parse(date));
	}

	@PostMapping("/sla/calendars/{id}/import")
	String importFile(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			Model model, RedirectAttributes redirect) {
		try {
			if (file == null || file.isEmpty()) {
				throw RejectedRequest.invalidField("file", "calendars.import.missing");
			}
			var result = calendars.importFile(id, bytes(file));
			redirect.addFlashAttribute("notice", "calendars.import.done");
			redirect.addFlashAttribute("noticeArguments", new Object[] { result.years().toString(), result.days() });
			return "redirect:/sla/calendars/" + id + "?month=" + result.years().get(0) + "-01";
		}
		catch (RejectedRequest refused) {
			rethrowUnlessForm(refused);
			CalendarView calendar = calendars.get(id);
			model.addAttribute("importProblem", refused.messageKey());
			model.addAttribute("importArguments", refused.arguments());
			return new Page(CalendarForm.of(calendar)).render(model, id, calendar, month(null, calendar));
		}
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw RejectedRequest.invalidField("file", "calendars.import.unreadable");
		}
	}

	@GetMapping("/sla/calendars/{id}/export.csv")
	ResponseEntity<String> export(@PathVariable long id) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(calendars.row(id).code() + ".csv").build().toString())
			.body(calendars.exportCsv(id));
	}

	/** The calendar check: start in the calendar's zone, duration in hours and minutes. */
	@PostMapping("/sla/calendars/{id}/check")
	String check(@PathVariable long id, @RequestParam(defaultValue = "") String start,
			@RequestParam(defaultValue = "") String hours, @RequestParam(defaultValue = "") String minutes,
			@RequestParam(defaultValue = "BUSINESS") String basis,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		CalendarView calendar = calendars.get(id);
		Page page = new Page(CalendarForm.of(calendar));
		page.check.putAll(Map.of("start", start, "hours", hours, "minutes", minutes, "basis", basis));
		try {
			page.answer = calendars.dueTime(id, checkedQuestion(ZoneId.of(calendar.zone()), start, hours, minutes, basis));
		}
		catch (RejectedRequest refused) {
			rethrowUnlessForm(refused);
			page.checkErrors.putAll(refused.fieldErrors());
		}
		page.render(model, id, calendar, month(null, calendar));
		return htmx != null ? "sla/calendars/calendar :: check" : "sla/calendars/calendar";
	}

	private static DueTimeQuestion.Checked checkedQuestion(ZoneId zone, String start, String hours, String minutes,
			String basis) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDateTime at = null;
		try {
			at = LocalDateTime.parse(start.strip());
		}
		catch (DateTimeParseException ex) {
			errors.put("start", "calendars.due.start.invalid");
		}
		Long h = number(hours);
		Long m = number(minutes);
		if (h == null || m == null) {
			errors.put("duration", "calendars.due.duration.invalid");
		}
		TimeBasis timeBasis = "CALENDAR".equals(basis) ? TimeBasis.CALENDAR : TimeBasis.BUSINESS;
		if (!errors.isEmpty()) {
			throw RejectedRequest.invalidFields(errors);
		}
		return DueTimeQuestion.Checked.of(at.atZone(zone).toInstant(), Duration.ofHours(h).plusMinutes(m), timeBasis);
	}

	/** A blank field is zero; anything but a whole number of at most six digits is {@code null}. */
	private static Long number(String text) {
		String value = text.strip();
		if (value.isEmpty()) {
			return 0L;
		}
		return value.matches("\\d{1,6}") ? Long.valueOf(value) : null;
	}

	private String list(Model model, CalendarForm form, Map<String, String> errors) {
		model.addAttribute("calendars", calendars.list());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "sla/calendars/list";
	}

	private YearMonth month(String text, CalendarView calendar) {
		if (text != null && !text.isBlank()) {
			try {
				return YearMonth.parse(text.strip());
			}
			catch (DateTimeParseException ex) {
				throw RejectedRequest.invalidField("month", "calendars.month.invalid");
			}
		}
		return YearMonth.now(ZoneId.of(calendar.zone()));
	}

	private void addMonth(Model model, long id, CalendarView calendar, YearMonth month) {
		model.addAttribute("calendar", calendar);
		model.addAttribute("month", MonthView.of(calendars.calendar(id), month));
	}

	/** A missing calendar or a refusal that is no form mistake goes to the error page. */
	private static void rethrowUnlessForm(RejectedRequest refused) {
		if (refused.status().value() == 404 || refused.status().value() == 403) {
			throw refused;
		}
	}

	/** Everything the calendar page shows, so that each form can be shown again as typed. */
	private final class Page {

		final CalendarForm form;
		final Map<String, String> errors = new LinkedHashMap<>();
		final Map<String, String> day = new LinkedHashMap<>(Map.of("date", "", "kind", "HOLIDAY", "name", ""));
		final Map<String, String> dayErrors = new LinkedHashMap<>();
		final Map<String, String> check = new LinkedHashMap<>(Map.of("start", "", "hours", "8", "minutes", "0",
				"basis", "BUSINESS"));
		final Map<String, String> checkErrors = new LinkedHashMap<>();
		DueTimeQuestion.Answer answer;

		Page(CalendarForm form) {
			this.form = form;
		}

		String render(Model model, long id, CalendarView calendar, YearMonth month) {
			addMonth(model, id, calendar, month);
			model.addAttribute("form", form);
			model.addAttribute("errors", errors);
			model.addAttribute("day", day);
			model.addAttribute("dayErrors", dayErrors);
			model.addAttribute("check", check);
			model.addAttribute("checkErrors", checkErrors);
			model.addAttribute("answer", answer);
			model.addAttribute("dueShown", answer == null ? null
					: java.time.ZonedDateTime.parse(answer.dueLocal()).format(SHOWN));
			return "sla/calendars/calendar";
		}
	}
}
