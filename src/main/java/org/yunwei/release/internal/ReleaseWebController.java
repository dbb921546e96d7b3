package org.yunwei.release.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.yunwei.change.ChangeRequests;
import org.yunwei.change.ChangeSummary;
import org.yunwei.cmdb.ConfigurationItemClass;
import org.yunwei.cmdb.ConfigurationItemProposal;
import org.yunwei.cmdb.ConfigurationItemSummary;
import org.yunwei.identity.Organisations;
import org.yunwei.cmdb.ConfigurationItems;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.FormSubmission;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.RejectedRequest;

/**
 * The release pages: the list with its filters, a release's page (plan, scope, changes, approval, deployment record,
 * completion record) with the action its state allows, and the form to plan or change a release with its item and
 * change pickers.
 */
@Controller
class ReleaseWebController {

	private final ReleaseRegister register;
	private final ReleaseReading reading;
	private final ReleaseList list;
	private final ReleaseScope scope;
	private final ConfigurationItems items;
	private final ChangeRequests changes;
	private final Organisations organisations;
	private final ReleaseApprovalRules rules;

	ReleaseWebController(ReleaseRegister register, ReleaseReading reading, ReleaseList list, ReleaseScope scope,
			ConfigurationItems items, ChangeRequests changes, Organisations organisations, ReleaseApprovalRules rules) {
		this.organisations = organisations;
		this.rules = rules;
		this.register = register;
		this.reading = reading;
		this.list = list;
		this.scope = scope;
		this.items = items;
		this.changes = changes;
	}

	@GetMapping("/releases")
	String list(@ModelAttribute("filter") ReleaseFilter filter, @RequestParam(required = false) String cursor,
			Model model) {
		scope.reader();
		KeysetPage<ReleaseLine> page;
		try {
			page = list.page(filter, cursor, null);
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST) {
				throw refused;
			}
			model.addAttribute("problem", "release.list.filter-refused");
			page = new KeysetPage<>(List.of(), null);
		}
		model.addAttribute("page", page);
		model.addAttribute("filtered", filter.filtered());
		model.addAttribute("mayManage", scope.mayManage());
		model.addAttribute("mayReadRules", rules.mayRead());
		choices(model);
		return "release/list";
	}

	@GetMapping("/releases/new")
	String create(Model model) {
		scope.writer();
		return form(model, new ReleaseWebForm(), null, Map.of());
	}

	@PostMapping("/releases")
	String create(@ModelAttribute("form") ReleaseWebForm form, Model model, RedirectAttributes redirect) {
		scope.writer();
		long[] created = new long[1];
		String page = FormSubmission.save(() -> created[0] = register.create(() -> content(form)).id(),
				"/releases/", "release.saved", redirect, "release.failed", model,
				errors -> form(model, form, null, errors));
		return page.equals("redirect:/releases/") ? page + created[0] : page;
	}

	@GetMapping("/releases/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		scope.writer();
		Release release = register.get(id);
		return form(model, ReleaseWebForm.of(release), reading.view(release), Map.of());
	}

	@PostMapping("/releases/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") ReleaseWebForm form, Model model,
			RedirectAttributes redirect) {
		scope.writer();
		ReleaseView release = reading.view(id);
		return FormSubmission.save(() -> register.edit(id, () -> content(form)), "/releases/" + id, "release.saved",
				redirect, "release.failed", model, errors -> form(model, form, release, errors));
	}

	@GetMapping("/releases/{id}")
	String release(@PathVariable long id, @RequestParam(required = false) Long itemClass, Model model) {
		scope.reader();
		ReleaseView release = reading.view(id);
		newItemForm(model, release, itemClass, Map.of());
		return page(model, release, null, Map.of());
	}

	/**
	 * Lists a new configuration item on the release (the form's fields, the class's attributes as
	 * {@code attr.<code>}); a refusal shows the page again with each field's message and what was typed.
	 */
	@PostMapping("/releases/{id}/new-items")
	String addNewItem(@PathVariable long id, @RequestParam Map<String, String> fields, Model model,
			RedirectAttributes redirect) {
		scope.writer();
		ReleaseView before = reading.view(id);
		Map<String, Object> attributes = new java.util.LinkedHashMap<>();
		fields.forEach((field, value) -> {
			if (field.startsWith("attr.") && value != null && !value.isBlank()) {
				attributes.put(field.substring("attr.".length()), value);
			}
		});
		Long classId = FieldErrors.pickedId(fields.get("classId"));
		ConfigurationItemProposal proposal = new ConfigurationItemProposal(classId, fields.get("name"),
				FieldErrors.pickedId(fields.get("customerUnitId")), fields.get("ipAddress"), attributes,
				FieldErrors.pickedId(fields.get("relatedItemId")), fields.get("relationType"));
		try {
			register.addNewItem(id, proposal);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", refused.fieldErrors().isEmpty() ? refused.messageKey()
					: "release.new-item.failed");
			newItemForm(model, before, classId, fields);
			return page(model, before, null, refused.fieldErrors());
		}
		redirect.addFlashAttribute("notice", "release.new-item.added");
		return "redirect:/releases/" + id;
	}

	@PostMapping("/releases/{id}/new-items/{key}/remove")
	String removeNewItem(@PathVariable long id, @PathVariable int key, Model model, RedirectAttributes redirect) {
		return act(id, () -> register.removeNewItem(id, key), "release.new-item.removed", null, model, redirect);
	}

	@PostMapping("/releases/{id}/submit")
	String submit(@PathVariable long id, Model model, RedirectAttributes redirect) {
		return act(id, () -> register.submit(id), "release.submitted", null, model, redirect);
	}

	@PostMapping("/releases/{id}/deployment")
	String deploy(@PathVariable long id, @ModelAttribute("deployment") DeploymentWebForm deployment, Model model,
			RedirectAttributes redirect) {
		return act(id, () -> {
			FieldErrors errors = new FieldErrors();
			DeploymentDraft draft = deployment.draft(errors);
			errors.throwIfAny();
			register.deploy(id, draft.startedAt(), draft.endedAt(), draft.steps());
		}, "release.deployed", deployment, model, redirect);
	}

	@PostMapping("/releases/{id}/complete")
	String complete(@PathVariable long id, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect) {
		return act(id, () -> register.complete(id, note), "release.completed", null, model, redirect);
	}

	@PostMapping("/releases/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect) {
		return act(id, () -> register.cancel(id, reason), "release.cancelled", null, model, redirect);
	}

	/** The item picker's choices (htmx): the items already ticked, still ticked, then those found by the text. */
	@GetMapping("/releases/item-choices")
	String itemChoices(@RequestParam(required = false) String q,
			@RequestParam(name = "ciIds", required = false) List<Long> chosen, Model model) {
		scope.writer();
		List<ConfigurationItemSummary> ticked = tickedItems(chosen == null ? List.of() : chosen);
		List<ConfigurationItemSummary> found = new ArrayList<>();
		for (ConfigurationItemSummary item : items.search(q, 20)) {
			if (ticked.stream().noneMatch(t -> t.id() == item.id())) {
				found.add(item);
			}
		}
		model.addAttribute("tickedItems", ticked);
		model.addAttribute("foundItems", found);
		model.addAttribute("itemQ", FieldErrors.clean(q));
		return "release/choices :: items";
	}

	/**
	 * The change picker's choices (htmx): the changes already ticked, then those whose number or title contain the
	 * text (the latest ones for none); only changes a release may deliver can be ticked.
	 */
	@GetMapping("/releases/change-choices")
	String changeChoices(@RequestParam(required = false) String q,
			@RequestParam(name = "changeIds", required = false) List<Long> chosen, Model model) {
		scope.writer();
		List<ChangeSummary> ticked = tickedChanges(chosen == null ? List.of() : chosen);
		List<ChangeSummary> found = new ArrayList<>();
		for (ChangeSummary change : changes.search(q, 20)) {
			if (ReleaseRegister.releasable(change) && ticked.stream().noneMatch(t -> t.id() == change.id())) {
				found.add(change);
			}
		}
		model.addAttribute("tickedChanges", ticked);
		model.addAttribute("foundChanges", found);
		model.addAttribute("changeQ", FieldErrors.clean(q));
		return "release/choices :: changes";
	}

	/**
	 * Runs an action of the release's page and goes back to it with a notice; a refusal shows the page again with
	 * the refusal's own message and each refused field's message beside it, and changed nothing.
	 */
	private String act(long id, Runnable action, String notice, DeploymentWebForm deployment, Model model,
			RedirectAttributes redirect) {
		scope.writer();
		ReleaseView before = reading.view(id);
		try {
			action.run();
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", refused.fieldErrors().isEmpty() || refused.status() != HttpStatus.BAD_REQUEST
					? refused.messageKey() : "release.action-refused");
			newItemForm(model, before, null, Map.of());
			return page(model, before, deployment, refused.fieldErrors());
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/releases/" + id;
	}

	private String page(Model model, ReleaseView release, DeploymentWebForm deployment, Map<String, String> errors) {
		DeploymentWebForm form = deployment;
		if (form == null) {
			form = new DeploymentWebForm();
			Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
			form.setStartedAt(ReleaseWebForm.local(now.minus(1, ChronoUnit.HOURS)));
			form.setEndedAt(ReleaseWebForm.local(now));
		}
		model.addAttribute("release", release);
		model.addAttribute("deployment", form);
		model.addAttribute("deploymentRows", form.rows());
		model.addAttribute("errors", errors);
		model.addAttribute("mayManage", scope.mayManage());
		model.addAttribute("zone", ReleaseRegister.ZONE);
		return "release/release";
	}

	/**
	 * What the new item form needs: the enabled classes to pick from; once one is picked, its attributes, the customer
	 * units of the items in scope (or none, for shared infrastructure), the items in scope to relate the new item to
	 * and the relation types; and what was typed, on a refusal.
	 */
	private void newItemForm(Model model, ReleaseView release, Long classId, Map<String, String> typed) {
		List<ConfigurationItemClass> classes = items.classes().stream().filter(ConfigurationItemClass::enabled)
			.toList();
		ConfigurationItemClass chosen = classId == null ? null
				: classes.stream().filter(c -> c.id() == classId).findFirst().orElse(null);
		model.addAttribute("itemClasses", classes);
		model.addAttribute("newItemClass", chosen);
		model.addAttribute("newItemAttributes", chosen == null ? List.of() : items.attributes(chosen.id()));
		model.addAttribute("newItemTyped", typed);
		model.addAttribute("relationTypes", items.relationTypes());
		java.util.Set<Long> unitIds = new java.util.LinkedHashSet<>();
		if (chosen != null) {
			release.items().forEach(i -> items.find(i.id()).map(ConfigurationItemSummary::customerUnitId)
				.ifPresent(unitIds::add));
		}
		model.addAttribute("newItemUnits", organisations.findAll(unitIds));
	}

	private String form(Model model, ReleaseWebForm form, ReleaseView release, Map<String, String> errors) {
		scope.writer();
		model.addAttribute("form", form);
		model.addAttribute("release", release);
		model.addAttribute("errors", errors);
		model.addAttribute("tickedItems", tickedItems(form.getCiIds()));
		model.addAttribute("foundItems", List.of());
		model.addAttribute("tickedChanges", tickedChanges(form.getChangeIds()));
		model.addAttribute("foundChanges", List.of());
		choices(model);
		return "release/form";
	}

	private void choices(Model model) {
		model.addAttribute("zone", ReleaseRegister.ZONE);
		model.addAttribute("statuses", ReleaseStatus.values());
		model.addAttribute("types", ReleaseType.values());
	}

	private List<ConfigurationItemSummary> tickedItems(List<Long> ids) {
		return ids.stream().distinct().limit(ReleaseContent.MAX_ITEMS).map(items::find).flatMap(Optional::stream)
			.toList();
	}

	private List<ChangeSummary> tickedChanges(List<Long> ids) {
		return ids.stream().distinct().limit(ReleaseContent.MAX_CHANGES).map(changes::find)
			.flatMap(Optional::stream).toList();
	}

	private static ReleaseContent content(ReleaseWebForm form) {
		FieldErrors errors = new FieldErrors();
		ReleaseContent content = form.content(errors);
		errors.throwIfAny();
		return content;
	}
}
