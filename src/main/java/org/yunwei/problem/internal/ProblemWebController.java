package org.yunwei.problem.internal;

import org.yunwei.problem.ChangesOfProblem;

import java.time.LocalDate;
import java.util.ArrayList;
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
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.identity.Permission;
import org.yunwei.sla.Priority;
import org.yunwei.ticket.TicketReference;
import org.yunwei.ticket.TicketType;
import org.yunwei.ticket.Tickets;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * Problems in the browser: the list ({@code /problems}), the 问题收集表 ({@code /problems/new}, also opened from an
 * incident's page), a problem's page with its steps as small forms, the pickers of incidents and configuration items,
 * and the box on an incident's page that shows its problems' known errors and offers to open a problem from it.
 */
@Controller
class ProblemWebController {

	static final int PICKER_LIMIT = 10;

	private final ProblemReading reading;
	private final ProblemWork work;
	private final ProblemProposal proposal;
	private final ProblemAccess access;
	private final Tickets tickets;
	private final ConfigurationItems items;
	private final ServiceCatalog catalog;
	private final org.springframework.beans.factory.ObjectProvider<ChangesOfProblem> changes;

	ProblemWebController(ProblemReading reading, ProblemWork work, ProblemProposal proposal, ProblemAccess access,
			Tickets tickets, ConfigurationItems items, ServiceCatalog catalog,
			org.springframework.beans.factory.ObjectProvider<ChangesOfProblem> changes) {
		this.changes = changes;
		this.reading = reading;
		this.work = work;
		this.proposal = proposal;
		this.access = access;
		this.tickets = tickets;
		this.items = items;
		this.catalog = catalog;
	}

	/** The 问题收集表 as typed, kept for showing it again after a refusal. */
	static class ProblemForm {
		private String source;
		private String subject;
		private String description;
		private String impact;
		private String priority = "P3";
		private Long serviceId;
		private List<Long> configurationItemIds = new ArrayList<>();
		private List<Long> incidentIds = new ArrayList<>();

		public String getSource() { return source; }
		public void setSource(String v) { source = v; }
		public String getSubject() { return subject; }
		public void setSubject(String v) { subject = v; }
		public String getDescription() { return description; }
		public void setDescription(String v) { description = v; }
		public String getImpact() { return impact; }
		public void setImpact(String v) { impact = v; }
		public String getPriority() { return priority; }
		public void setPriority(String v) { priority = v; }
		public Long getServiceId() { return serviceId; }
		public void setServiceId(Long v) { serviceId = v; }
		public List<Long> getConfigurationItemIds() { return configurationItemIds; }
		public void setConfigurationItemIds(List<Long> v) { configurationItemIds = v == null ? new ArrayList<>() : v; }
		public List<Long> getIncidentIds() { return incidentIds; }
		public void setIncidentIds(List<Long> v) { incidentIds = v == null ? new ArrayList<>() : v; }
	}

	@GetMapping("/problems")
	String list(@ModelAttribute("filter") ProblemFilter filter, @RequestParam(required = false) String cursor,
			Model model) {
		access.requireReader();
		KeysetPage<Problem> page;
		try {
			page = reading.page(filter, cursor, 50);
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			model.addAttribute("problem", "problems.list.filter-refused");
			page = new KeysetPage<>(List.of(), null);
		}
		model.addAttribute("page", page);
		model.addAttribute("statuses", ProblemStatus.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("sources", ProblemSource.values());
		model.addAttribute("mayRecord", access.may(Permission.PROBLEM_RECORD));
		model.addAttribute("zone", tickets.zone());
		return "problem/list";
	}

	@GetMapping("/problems/new")
	String create(@RequestParam(required = false) Long incident, Model model) {
		access.require(Permission.PROBLEM_RECORD);
		ProblemForm form = new ProblemForm();
		if (incident != null) {
			tickets.find(incident).filter(t -> t.type() == TicketType.INCIDENT).ifPresent(t -> {
				form.getIncidentIds().add(t.id());
				form.setSource("INCIDENT");
				form.setSubject(t.subject());
				form.setPriority(t.priority());
				form.setServiceId(t.serviceId());
			});
		}
		return form(model, form, Map.of());
	}

	@PostMapping("/problems")
	String open(@ModelAttribute("form") ProblemForm form, Model model, RedirectAttributes redirect) {
		long id;
		try {
			id = work.open(() -> ProblemCollection.of(form.getSource(), form.getSubject(), form.getDescription(),
					form.getImpact(), form.getPriority(), form.getServiceId(), form.getConfigurationItemIds()),
					form.getIncidentIds());
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", "problems.form.failed");
			return form(model, form, refused.fieldErrors());
		}
		redirect.addFlashAttribute("notice", "problems.opened");
		return "redirect:/problems/" + id;
	}

	private String form(Model model, ProblemForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("sources", ProblemSource.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("services", catalog.enabled(500));
		model.addAttribute("chosenIncidents", form.getIncidentIds().stream().map(tickets::find)
			.flatMap(java.util.Optional::stream).toList());
		model.addAttribute("chosenItems", form.getConfigurationItemIds().stream().map(items::find)
			.flatMap(java.util.Optional::stream).toList());
		return "problem/form";
	}

	/** Incidents for the picker: the ones already chosen, then those matching the text. */
	@GetMapping("/problems/incidents/picker")
	String incidentPicker(@RequestParam(required = false) String q,
			@RequestParam(required = false) List<Long> incidentIds, Model model) {
		access.require(Permission.PROBLEM_RECORD);
		Map<Long, TicketReference> shown = new LinkedHashMap<>();
		List<Long> chosen = incidentIds == null ? List.of() : incidentIds;
		chosen.stream().limit(50).map(tickets::find).flatMap(java.util.Optional::stream).forEach(t -> shown.put(t.id(), t));
		tickets.findIncidents(q, PICKER_LIMIT).forEach(t -> shown.putIfAbsent(t.id(), t));
		model.addAttribute("incidents", List.copyOf(shown.values()));
		model.addAttribute("chosen", chosen);
		model.addAttribute("q", q);
		return "problem/pickers :: incidents";
	}

	/** Configuration items for the picker: the ones already chosen, then those matching the text. */
	@GetMapping("/problems/items/picker")
	String itemPicker(@RequestParam(required = false) String q,
			@RequestParam(required = false) List<Long> configurationItemIds, Model model) {
		access.require(Permission.PROBLEM_RECORD);
		Map<Long, ConfigurationItemSummary> shown = new LinkedHashMap<>();
		List<Long> chosen = configurationItemIds == null ? List.of() : configurationItemIds;
		chosen.stream().limit(20).map(items::find).flatMap(java.util.Optional::stream).forEach(i -> shown.put(i.id(), i));
		String text = q == null ? "" : q.strip();
		if (!text.isEmpty() && text.length() <= 100) {
			items.search(text, PICKER_LIMIT).forEach(i -> shown.putIfAbsent(i.id(), i));
		}
		model.addAttribute("found", List.copyOf(shown.values()));
		model.addAttribute("chosen", chosen);
		model.addAttribute("q", q);
		return "problem/pickers :: items";
	}

	@GetMapping("/problems/{id:\\d+}")
	String detail(@PathVariable long id, Model model) {
		ProblemReading.ProblemView view = reading.view(id);
		model.addAttribute("v", view);
		model.addAttribute("p", view.problem());
		ChangesOfProblem fixes = changes.getIfAvailable();
		model.addAttribute("fixingChanges", fixes == null ? List.of() : fixes.fixingProblem(id));
		model.addAttribute("owners", access.may(Permission.PROBLEM_ANALYSE) ? reading.owners(view.problem()) : List.of());
		model.addAttribute("mayRecord", access.may(Permission.PROBLEM_RECORD));
		model.addAttribute("mayAnalyse", access.may(Permission.PROBLEM_ANALYSE));
		model.addAttribute("mayClose", access.may(Permission.PROBLEM_CLOSE));
		model.addAttribute("zone", tickets.zone());
		// the incident picker starts empty
		model.addAttribute("nothing", List.of());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("failed", "");
		}
		return "problem/detail";
	}

	@PostMapping("/problems/{id:\\d+}/incidents")
	String link(@PathVariable long id, @RequestParam(required = false) List<Long> incidentIds, Model model,
			RedirectAttributes redirect) {
		return act(id, "incidents", () -> {
			if (incidentIds == null || incidentIds.isEmpty()) {
				work.linkIncident(id, null);
			}
			else {
				incidentIds.stream().distinct().limit(ProblemWork.INCIDENTS_MAX).forEach(t -> work.linkIncident(id, t));
			}
		}, "problems.saved", model, redirect);
	}

	@PostMapping("/problems/{id:\\d+}/analysis")
	String startAnalysis(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(id, "analysis", () -> work.startAnalysis(id), "problems.saved", model, redirect);
	}

	@PostMapping("/problems/{id:\\d+}/root-cause")
	String rootCause(@PathVariable long id, @RequestParam(required = false) String text, Model model,
			RedirectAttributes redirect) {
		return act(id, "root-cause", () -> work.recordRootCause(id, text), "problems.saved", model, redirect);
	}

	@PostMapping("/problems/{id:\\d+}/emergency-plan")
	String emergencyPlan(@PathVariable long id, @RequestParam(required = false) String text, Model model,
			RedirectAttributes redirect) {
		return act(id, "emergency-plan", () -> work.recordEmergencyPlan(id, text), "problems.saved", model, redirect);
	}

	@PostMapping("/problems/{id:\\d+}/solution")
	String solution(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) String due, Model model,
			RedirectAttributes redirect) {
		return act(id, "solution", () -> work.recordSolution(id, text, ownerId, date(due, "due")), "problems.saved", model,
				redirect);
	}

	@PostMapping("/problems/{id:\\d+}/implementation")
	String implementation(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) String start,
			@RequestParam(required = false) String end, Model model, RedirectAttributes redirect) {
		return act(id, "implementation",
				() -> work.recordImplementation(id, text, ownerId, date(start, "start"), date(end, "end")),
				"problems.saved", model, redirect);
	}

	@PostMapping("/problems/{id:\\d+}/work")
	String startWork(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(id, "work", () -> work.startWork(id), "problems.saved", model, redirect);
	}

	@PostMapping("/problems/{id:\\d+}/known-error")
	String knownError(@PathVariable long id, @RequestParam(required = false) String text, Model model,
			RedirectAttributes redirect) {
		return act(id, "known-error", () -> work.recordKnownError(id, text), "problems.saved", model, redirect);
	}

	@PostMapping("/problems/{id:\\d+}/resolve")
	String resolve(@PathVariable long id, @RequestParam(required = false) String text, Model model,
			RedirectAttributes redirect) {
		return act(id, "resolve", () -> work.resolve(id, text), "problems.saved", model, redirect);
	}

	@PostMapping("/problems/{id:\\d+}/close")
	String close(@PathVariable long id, Model model, RedirectAttributes redirect) {
		String page = act(id, "close", () -> work.close(id), "problems.closed", model, redirect);
		if (!page.startsWith("redirect:")) {
			return page;
		}
		try {
			proposal.propose(id);
			redirect.addFlashAttribute("notice", "problems.closed.proposed");
		}
		catch (RejectedRequest notProposed) {
			redirect.addFlashAttribute("notice", "problems.closed");
			redirect.addFlashAttribute("problem", "problems.article.refused");
		}
		return page;
	}

	@PostMapping("/problems/{id:\\d+}/article")
	String propose(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(id, "article", () -> proposal.propose(id), "problems.article.proposed", model, redirect);
	}

	@PostMapping("/problems/{id:\\d+}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		return act(id, "cancel", () -> work.cancel(id, reason), "problems.cancelled", model, redirect);
	}

	/**
	 * The box on an incident's page (the ticket module loads it by htmx and knows nothing of problems): the known
	 * errors and workarounds of the problems the incident is linked to, the other problems, and a link that opens a
	 * problem from it. Empty for a reader who may not read problems.
	 */
	@GetMapping("/problems/incident-box")
	String incidentBox(@RequestParam(required = false) Long ticket, Model model) {
		access.requireReader();
		if (ticket == null) {
			throw RejectedRequest.invalidField("ticket", "field.required");
		}
		model.addAttribute("problems", reading.ofIncident(ticket));
		model.addAttribute("ticketId", ticket);
		model.addAttribute("mayRecord", access.may(Permission.PROBLEM_RECORD));
		return "problem/incident-box :: box";
	}

	private String act(long id, String form, Runnable action, String notice, Model model, RedirectAttributes redirect) {
		try {
			action.run();
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND && refused.fieldErrors().isEmpty()
					|| refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", refused.fieldErrors().isEmpty() ? refused.messageKey()
					: "problems.form.failed");
			model.addAttribute("errors", refused.fieldErrors());
			model.addAttribute("failed", form);
			return detail(id, model);
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/problems/" + id;
	}

	/** A date typed in a form; a malformed one is that field's mistake. */
	private static LocalDate date(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (java.time.format.DateTimeParseException malformed) {
			throw RejectedRequest.invalidField(field, "problems.date.invalid");
		}
	}
}
