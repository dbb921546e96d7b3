package org.yunwei.emergency.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Permission;
import org.yunwei.web.RejectedRequest;

/**
 * The report downloads linked from an event's and a drill's page, in the reader's language, and each report's page:
 * its status, the sections (a form while it is a draft and the reader may write it), submit or withdraw, the
 * history, and the PDF and Word of what it says.
 */
@Controller
class EmergencyReportWebController {

	private final EmergencyReports reports;
	private final EmergencyReportReading reading;
	private final EmergencyReportWriting writing;
	private final EmergencyReportApproval approval;
	private final EmergencyAccess access;

	EmergencyReportWebController(EmergencyReports reports, EmergencyReportReading reading,
			EmergencyReportWriting writing, EmergencyReportApproval approval, EmergencyAccess access) {
		this.reports = reports;
		this.reading = reading;
		this.writing = writing;
		this.approval = approval;
		this.access = access;
	}

	@GetMapping("/emergency/events/{id}/fault-report")
	ResponseEntity<byte[]> fault(@PathVariable long id, @RequestParam(required = false) String format,
			Locale locale) {
		return reports.print(new EmergencyReportSubject(EmergencyReportKind.FAULT, id), format, locale).download();
	}

	@GetMapping("/emergency/events/{id}/post-event-report")
	ResponseEntity<byte[]> postEvent(@PathVariable long id, @RequestParam(required = false) String format,
			Locale locale) {
		return reports.print(new EmergencyReportSubject(EmergencyReportKind.POST_EVENT, id), format, locale)
			.download();
	}

	@GetMapping("/emergency/drills/{id}/report")
	ResponseEntity<byte[]> drill(@PathVariable long id, @RequestParam(required = false) String format,
			Locale locale) {
		return reports.print(EmergencyReportSubject.ofDrill(id), format, locale).download();
	}

	@GetMapping("/emergency/events/{id}/reports/{kind}")
	String eventReport(@PathVariable long id, @PathVariable String kind, Model model, Locale locale) {
		return page(readable(id, kind), model, locale, Map.of());
	}

	@GetMapping("/emergency/drills/{id}/report/content")
	String drillReport(@PathVariable long id, Model model, Locale locale) {
		return page(EmergencyReportSubject.ofDrill(id), model, locale, Map.of());
	}

	@PostMapping("/emergency/events/{id}/reports/{kind}/draft")
	String draftEventReport(@PathVariable long id, @PathVariable String kind, Model model, Locale locale,
			RedirectAttributes redirect) {
		EmergencyReportSubject subject = writable(id, kind);
		return act(subject, () -> writing.draft(subject, locale), "emergency.report.drafted", model, locale, redirect);
	}

	@PostMapping("/emergency/drills/{id}/report/draft")
	String draftDrillReport(@PathVariable long id, Model model, Locale locale, RedirectAttributes redirect) {
		EmergencyReportSubject subject = EmergencyReportSubject.ofDrill(id);
		return act(subject, () -> writing.draft(subject, locale), "emergency.report.drafted", model, locale, redirect);
	}

	@PostMapping("/emergency/events/{id}/reports/{kind}/save")
	String saveEventReport(@PathVariable long id, @PathVariable String kind,
			@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect) {
		return save(writable(id, kind), params, model, locale, redirect);
	}

	@PostMapping("/emergency/drills/{id}/report/save")
	String saveDrillReport(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
			Locale locale, RedirectAttributes redirect) {
		return save(EmergencyReportSubject.ofDrill(id), params, model, locale, redirect);
	}

	@PostMapping("/emergency/events/{id}/reports/{kind}/submit")
	String submitEventReport(@PathVariable long id, @PathVariable String kind, Model model, Locale locale,
			RedirectAttributes redirect) {
		EmergencyReportSubject subject = writable(id, kind);
		return act(subject, () -> approval.submit(subject), "emergency.report.submitted", model, locale, redirect);
	}

	@PostMapping("/emergency/drills/{id}/report/submit")
	String submitDrillReport(@PathVariable long id, Model model, Locale locale, RedirectAttributes redirect) {
		EmergencyReportSubject subject = EmergencyReportSubject.ofDrill(id);
		return act(subject, () -> approval.submit(subject), "emergency.report.submitted", model, locale, redirect);
	}

	@PostMapping("/emergency/events/{id}/reports/{kind}/withdraw")
	String withdrawEventReport(@PathVariable long id, @PathVariable String kind, Model model, Locale locale,
			RedirectAttributes redirect) {
		EmergencyReportSubject subject = writable(id, kind);
		return act(subject, () -> approval.withdraw(subject), "emergency.report.withdrawn", model, locale, redirect);
	}

	@PostMapping("/emergency/drills/{id}/report/withdraw")
	String withdrawDrillReport(@PathVariable long id, Model model, Locale locale, RedirectAttributes redirect) {
		EmergencyReportSubject subject = EmergencyReportSubject.ofDrill(id);
		return act(subject, () -> approval.withdraw(subject), "emergency.report.withdrawn", model, locale, redirect);
	}

	/** The form's fields are named {@code section.<key>}. */
	private String save(EmergencyReportSubject subject, Map<String, String> params, Model model, Locale locale,
			RedirectAttributes redirect) {
		Map<String, String> sections = new LinkedHashMap<>();
		params.forEach((name, text) -> {
			if (name.startsWith("section.")) {
				sections.put(name.substring("section.".length()), text);
			}
		});
		try {
			writing.edit(subject, sections);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", refused.fieldErrors().isEmpty() ? refused.messageKey()
					: "emergency.report.failed");
			model.addAttribute("typed", params);
			return page(subject, model, locale, refused.fieldErrors());
		}
		redirect.addFlashAttribute("notice", "emergency.report.saved");
		return "redirect:" + subject.page();
	}

	private String act(EmergencyReportSubject subject, Runnable action, String notice, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			action.run();
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", refused.fieldErrors().isEmpty() ? refused.messageKey()
					: "emergency.report.blank-sections");
			return page(subject, model, locale, refused.fieldErrors());
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:" + subject.page();
	}

	private String page(EmergencyReportSubject subject, Model model, Locale locale, Map<String, String> errors) {
		EmergencyReportReading.EmergencyReportView report = reading.view(subject, locale);
		model.addAttribute("report", report);
		model.addAttribute("kindTitle", subject.kind().title);
		model.addAttribute("ofDrill", subject.kind().ofDrill());
		model.addAttribute("base", subject.kind().ofDrill() ? "/emergency/drills/" + subject.id() + "/report"
				: "/emergency/events/" + subject.id() + "/reports/" + subject.kind().slug);
		model.addAttribute("subjectPage", subject.kind().ofDrill() ? "/emergency/drills/" + subject.id()
				: "/emergency/events/" + subject.id());
		model.addAttribute("document", subject.document());
		model.addAttribute("mayWrite", access.may(Permission.EMERGENCY_MANAGE));
		model.addAttribute("errors", errors);
		model.addAttribute("zone", EmergencyClock.ZONE);
		return "emergency/report";
	}

	/** The right is checked before the kind is read: 403 without it, whatever the path says. */
	private EmergencyReportSubject readable(long id, String kind) {
		access.reader();
		return EmergencyReportSubject.ofEvent(id, kind);
	}

	private EmergencyReportSubject writable(long id, String kind) {
		access.planAuthor();
		return EmergencyReportSubject.ofEvent(id, kind);
	}
}
