package org.yunwei.change.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
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
import org.yunwei.identity.People;
import org.yunwei.identity.ScopedActor;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.FormSubmission;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The change pages: the list with its filters, a change's page (information, assessment, plan, rollback plan,
 * schedule, approval, implementation, outcome, review) with the action that its state allows, and the form to
 * raise or change a change with its item picker.
 */
@Controller
class ChangeWebController {

	private final ChangeRegister register;
	private final ChangeReading reading;
	private final ChangeList list;
	private final ChangeScope scope;
	private final ConfigurationItems items;
	private final People people;
	private final ChangeCalendar calendar;
	private final ChangeFixes fixes;
	private final org.yunwei.ticket.Tickets tickets;
	private final org.yunwei.problem.Problems problems;

	ChangeWebController(ChangeRegister register, ChangeReading reading, ChangeList list, ChangeScope scope,
			ConfigurationItems items, People people, ChangeCalendar calendar, ChangeFixes fixes,
			org.yunwei.ticket.Tickets tickets, org.yunwei.problem.Problems problems) {
		this.fixes = fixes;
		this.tickets = tickets;
		this.problems = problems;
		this.calendar = calendar;
		this.register = register;
		this.reading = reading;
		this.list = list;
		this.scope = scope;
		this.items = items;
		this.people = people;
	}

	@GetMapping("/changes")
	String list(@ModelAttribute("filter") ChangeFilter filter, @RequestParam(required = false) String cursor,
			Model model) {
		scope.reader();
		KeysetPage<ChangeLine> page;
		try {
			page = list.page(filter, cursor, null);
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			model.addAttribute("problem", "change.list.filter-refused");
			page = new KeysetPage<>(List.of(), null);
		}
		model.addAttribute("page", page);
		model.addAttribute("filtered", filter.filtered());
		model.addAttribute("mayManage", scope.mayManage());
		model.addAttribute("mayReadRules", scope.mayReadApprovalRules());
		choices(model);
		return "change/list";
	}

	@GetMapping("/changes/new")
	String create(Model model) {
		scope.writer();
		return form(model, new ChangeWebForm(), null, Map.of());
	}

	@PostMapping("/changes")
	String create(@ModelAttribute("form") ChangeWebForm form, Model model, RedirectAttributes redirect) {
		scope.writer();
		long[] created = new long[1];
		String page = FormSubmission.save(() -> created[0] = register.create(() -> content(form)).id(),
				"/changes/", "change.saved", redirect, "change.failed", model,
				errors -> form(model, form, null, errors));
		return page.equals("redirect:/changes/") ? page + created[0] : page;
	}

	@GetMapping("/changes/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		scope.writer();
		ChangeRequest change = register.get(id);
		return form(model, ChangeWebForm.of(change), reading.view(change), Map.of());
	}

	@PostMapping("/changes/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") ChangeWebForm form, Model model,
			RedirectAttributes redirect) {
		scope.writer();
		ChangeView change = reading.view(id);
		return FormSubmission.save(() -> register.edit(id, () -> content(form)), "/changes/" + id, "change.saved",
				redirect, "change.failed", model, errors -> form(model, form, change, errors));
	}

	@GetMapping("/changes/{id}")
	String change(@PathVariable long id, Model model) {
		scope.reader();
		return page(model, reading.view(id), Map.of());
	}

	@PostMapping("/changes/{id}/risk")
	String risk(@PathVariable long id, @RequestParam(required = false) String riskLevel,
			@RequestParam(required = false) String justification, Model model, RedirectAttributes redirect) {
		return act(id, () -> register.assessRisk(id, riskLevel, justification), "change.risk.saved", model, redirect);
	}

	@PostMapping("/changes/{id}/submit")
	String submit(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(id, () -> register.submit(id), "change.submitted", model, redirect);
	}

	@PostMapping("/changes/{id}/start")
	String start(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(id, () -> register.start(id), "change.started", model, redirect);
	}

	@PostMapping("/changes/{id}/steps/{position}")
	String step(@PathVariable long id, @PathVariable int position,
			@RequestParam(required = false) Boolean succeeded, @RequestParam(required = false) String result,
			Model model, RedirectAttributes redirect) {
		return act(id, () -> register.recordStep(id, position, !Boolean.FALSE.equals(succeeded), result),
				"change.step.saved", model, redirect);
	}

	@PostMapping("/changes/{id}/complete")
	String complete(@PathVariable long id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
		return act(id, () -> register.complete(id, outcome, note), "change.completed", model, redirect);
	}

	@PostMapping("/changes/{id}/review")
	String review(@PathVariable long id, @RequestParam(required = false) String review, Model model,
			RedirectAttributes redirect) {
		return act(id, () -> register.review(id, review), "change.reviewed", model, redirect);
	}

	@PostMapping("/changes/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		return act(id, () -> register.cancel(id, reason), "change.cancelled", model, redirect);
	}

	/**
	 * The box of an item's changes on the CMDB's item page (htmx): the latest changes in the reader's scope that
	 * name the item, with a link to all of them. 403 for someone who may not read changes (the box stays empty).
	 */
	@GetMapping("/changes/items/{ciId}/box")
	String itemBox(@PathVariable long ciId, Model model) {
		scope.reader();
		model.addAttribute("page", list.page(new ChangeFilter(null, null, null, ciId, null, null), null, 5));
		model.addAttribute("ciId", ciId);
		model.addAttribute("zone", ChangeRegister.ZONE);
		return "change/item-box :: box";
	}

	/**
	 * The item picker's choices (htmx): the items already ticked, still ticked, then those whose name, IP address,
	 * serial number or asset tag contain the text.
	 */
	@GetMapping("/changes/item-choices")
	String itemChoices(@RequestParam(required = false) String q,
			@RequestParam(name = "ciIds", required = false) List<Long> chosen, Model model) {
		scope.writer();
		List<ConfigurationItemSummary> ticked = ticked(chosen == null ? List.of() : chosen);
		List<ConfigurationItemSummary> found = new ArrayList<>();
		for (ConfigurationItemSummary item : items.search(q, 20)) {
			if (ticked.stream().noneMatch(t -> t.id() == item.id())) {
				found.add(item);
			}
		}
		model.addAttribute("ticked", ticked);
		model.addAttribute("found", found);
		model.addAttribute("q", FieldErrors.clean(q));
		return "change/item-choices :: choices";
	}

	@PostMapping("/changes/{id}/fixes")
	String setFixes(@PathVariable long id, @RequestParam(name = "ticketIds", required = false) List<Long> ticketIds,
			@RequestParam(name = "problemIds", required = false) List<Long> problemIds, Model model,
			RedirectAttributes redirect) {
		return act(id, () -> fixes.set(id, ticketIds, problemIds), "change.fixes.saved", model, redirect);
	}

	/**
	 * The picker of the incidents and problems a change fixes (htmx swaps it in): those ticked so far, still ticked,
	 * then the incidents and problems whose number or subject matches the text.
	 */
	@GetMapping("/changes/fix-choices")
	String fixChoices(@RequestParam(required = false) String q,
			@RequestParam(name = "ticketIds", required = false) List<Long> ticketIds,
			@RequestParam(name = "problemIds", required = false) List<Long> problemIds, Model model) {
		scope.writer();
		List<ChangeFixes.FixedIncident> tickedIncidents = (ticketIds == null ? List.<Long>of() : ticketIds).stream()
			.distinct().limit(ChangeFixes.MAX).map(tickets::find).flatMap(java.util.Optional::stream)
			.map(ChangeFixes.FixedIncident::of).toList();
		List<ChangeFixes.FixedProblem> tickedProblems = (problemIds == null ? List.<Long>of() : problemIds).stream()
			.distinct().limit(ChangeFixes.MAX).map(problems::find).flatMap(java.util.Optional::stream)
			.map(ChangeFixes.FixedProblem::of).toList();
		String text = FieldErrors.clean(q);
		model.addAttribute("tickedIncidents", tickedIncidents);
		model.addAttribute("tickedProblems", tickedProblems);
		model.addAttribute("foundIncidents", text == null ? List.of() : tickets.findIncidents(text, 10).stream()
			.filter(t -> tickedIncidents.stream().noneMatch(i -> i.id() == t.id()))
			.map(ChangeFixes.FixedIncident::of).toList());
		model.addAttribute("foundProblems", text == null ? List.of() : problems.search(text, 10).stream()
			.filter(p -> tickedProblems.stream().noneMatch(i -> i.id() == p.id()))
			.map(ChangeFixes.FixedProblem::of).toList());
		model.addAttribute("q", text);
		return "change/fix-choices :: choices";
	}

	/**
	 * Runs an action of the change's page and goes back to it with a notice; a refusal shows the page again with
	 * the refusal's own message and each refused field's message beside it, and changed nothing.
	 */
	private String act(long id, Runnable action, String notice, Model model, RedirectAttributes redirect) {
		scope.writer();
		ChangeView before = reading.view(id);
		try {
			action.run();
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", refused.fieldErrors().isEmpty() || refused.status() != HttpStatus.BAD_REQUEST
					? refused.messageKey() : "change.action-refused");
			return page(model, before, refused.fieldErrors());
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/changes/" + id;
	}

	private String page(Model model, ChangeView change, Map<String, String> errors) {
		model.addAttribute("change", change);
		model.addAttribute("conflicts", calendar.conflictsOf(register.get(change.id())));
		ChangeFixes.ChangeFixesView fixed = fixes.of(change.id());
		model.addAttribute("fixes", fixed);
		model.addAttribute("tickedIncidents", fixed.incidents());
		model.addAttribute("tickedProblems", fixed.problems());
		model.addAttribute("foundIncidents", List.of());
		model.addAttribute("foundProblems", List.of());
		model.addAttribute("q", null);
		model.addAttribute("errors", errors);
		model.addAttribute("mayManage", scope.mayManage());
		model.addAttribute("zone", ChangeRegister.ZONE);
		model.addAttribute("riskLevels", RiskLevel.values());
		model.addAttribute("outcomes", ChangeOutcome.values());
		return "change/change";
	}

	private String form(Model model, ChangeWebForm form, ChangeView change, Map<String, String> errors) {
		ScopedActor writer = scope.writer();
		model.addAttribute("form", form);
		model.addAttribute("change", change);
		model.addAttribute("errors", errors);
		model.addAttribute("ticked", ticked(form.getCiIds()));
		model.addAttribute("found", List.of());
		model.addAttribute("rows", form.rows());
		model.addAttribute("owners", people.ofParty(writer.actor().partyId(), 500));
		choices(model);
		return "change/form";
	}

	private void choices(Model model) {
		model.addAttribute("zone", ChangeRegister.ZONE);
		model.addAttribute("statuses", ChangeStatus.values());
		model.addAttribute("categories", ChangeCategory.values());
		model.addAttribute("types", ChangeType.values());
		model.addAttribute("riskLevels", RiskLevel.values());
	}

	private List<ConfigurationItemSummary> ticked(List<Long> ids) {
		return ids.stream().distinct().limit(ChangeContent.MAX_ITEMS).map(items::find).flatMap(Optional::stream)
			.toList();
	}

	private static ChangeContent content(ChangeWebForm form) {
		FieldErrors errors = new FieldErrors();
		ChangeContent content = form.content(errors);
		errors.throwIfAny();
		return content;
	}
}
