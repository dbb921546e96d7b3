package org.yunwei.evaluation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The return-visit pages: the worklist with filters and a keyset "more" (rows for htmx, a whole page as a plain
 * link), and the form that records a call about one ticket beside what is known of it (resolution, rating, earlier
 * calls).
 */
@Controller
class ReturnVisitWebController {

	private static final List<String> FILTERS = List.of("status", "reason", "groupId", "q");

	private final ReturnVisitWorklist worklist;
	private final ReturnVisits visits;
	private final SatisfactionSurvey survey;
	private final Tickets tickets;
	private final EvaluationAccess access;
	private final SatisfactionSettings settings;

	ReturnVisitWebController(ReturnVisitWorklist worklist, ReturnVisits visits, SatisfactionSurvey survey,
			Tickets tickets, EvaluationAccess access, SatisfactionSettings settings) {
		this.worklist = worklist;
		this.visits = visits;
		this.survey = survey;
		this.tickets = tickets;
		this.access = access;
		this.settings = settings;
	}

	@GetMapping("/return-visits")
	String list(@RequestParam Map<String, String> parameters, Model model) {
		access.requireVisitReader();
		Map<String, String> filters = new LinkedHashMap<>();
		FILTERS.forEach(name -> filters.put(name, parameters.getOrDefault(name, "")));
		model.addAttribute("filters", filters);
		model.addAttribute("groups", tickets.groups());
		model.addAttribute("reasons", ReturnVisitReason.values());
		try {
			rows(parameters, model);
		}
		catch (RejectedRequest refused) {
			if (refused.fieldErrors().isEmpty()) {
				throw refused;
			}
			model.addAttribute("errors", refused.fieldErrors());
			model.addAttribute("page", new KeysetPage<ReturnVisitDue>(List.of(), null));
		}
		return "evaluation/worklist";
	}

	@GetMapping("/return-visits/rows")
	String more(@RequestParam Map<String, String> parameters, Model model) {
		rows(parameters, model);
		return "evaluation/worklist :: rows";
	}

	@GetMapping("/return-visits/new")
	String form(@RequestParam long ticketId, Model model) {
		access.requireVisitReader();
		TicketReference ticket = survey.visible(ticketId);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("contact", SatisfactionFollowUp.cut(ticket.reporterName()
				+ (ticket.reporterContact() == null ? "" : " " + ticket.reporterContact()), 200));
		return render(ticket, form, Map.of(), model);
	}

	@PostMapping("/return-visits")
	String record(@RequestParam(required = false) Long ticketId, @RequestParam(defaultValue = "") String contact,
			@RequestParam(defaultValue = "") String result, @RequestParam(defaultValue = "") String comment,
			@RequestParam(defaultValue = "") String followUp, Model model, RedirectAttributes redirect) {
		try {
			ReturnVisit visit = visits.record(new ReturnVisitDraft(ticketId, contact, result, comment, followUp));
			redirect.addFlashAttribute("notice", visit.followUpTicketNumber() == null ? "return-visit.saved"
					: "return-visit.saved-with-follow-up");
			redirect.addFlashAttribute("noticeArguments",
					new Object[] { visit.ticketNumber(), visit.followUpTicketNumber() });
			return "redirect:/return-visits";
		}
		catch (RejectedRequest refused) {
			if (ticketId == null || refused.status() == HttpStatus.NOT_FOUND
					|| refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			if (refused.fieldErrors().isEmpty()) {
				model.addAttribute("problem", refused.messageKey());
			}
			Map<String, String> form = new LinkedHashMap<>();
			form.put("contact", contact);
			form.put("result", result);
			form.put("comment", comment);
			form.put("followUp", followUp);
			return render(survey.visible(ticketId), form, refused.fieldErrors(), model);
		}
	}

	private String render(TicketReference ticket, Map<String, String> form, Map<String, String> errors, Model model) {
		model.addAttribute("ticket", ticket);
		model.addAttribute("rating", survey.of(ticket.id()).orElse(null));
		model.addAttribute("visits", visits.ofTicket(ticket.id()));
		model.addAttribute("results", ReturnVisitResult.values());
		model.addAttribute("resolved", ticket.finished());
		model.addAttribute("mayRecord", access.recordsVisits());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("zone", settings.zone());
		return "evaluation/visit";
	}

	private void rows(Map<String, String> parameters, Model model) {
		ReturnVisitQuery query = ReturnVisitQuery.of(parameters.get("status"), number(parameters, "groupId"),
				number(parameters, "customerOrgUnitId"), parameters.get("reason"), parameters.get("q"),
				limit(parameters), parameters.get("cursor"));
		KeysetPage<ReturnVisitDue> page = worklist.list(query);
		model.addAttribute("page", page);
		model.addAttribute("zone", settings.zone());
		if (page.next() != null) {
			model.addAttribute("moreHref", link("/return-visits", parameters, page.next()));
			model.addAttribute("moreRowsHref", link("/return-visits/rows", parameters, page.next()));
		}
	}

	private static Long number(Map<String, String> parameters, String name) {
		String value = parameters.get(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException notANumber) {
			throw RejectedRequest.invalidField(name, "evaluation.value.unknown");
		}
	}

	private static Integer limit(Map<String, String> parameters) {
		Long limit = number(parameters, "limit");
		return limit == null ? null : (int) Math.clamp(limit, 0, Integer.MAX_VALUE);
	}

	private static String link(String path, Map<String, String> parameters, String cursor) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		for (String name : List.of("status", "reason", "groupId", "customerOrgUnitId", "q", "limit")) {
			String value = parameters.get(name);
			if (value != null && !value.isBlank()) {
				link.queryParam(name, value);
			}
		}
		return link.queryParam("cursor", cursor).encode().build().toUriString();
	}
}
