package org.yunwei.ticket.internal.alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.catalog.CatalogService;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.Actors;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Person;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;
import org.yunwei.web.FormSubmission;

/**
 * The alert route page (TICKET_ADMIN): the routes with a form for a new one, and one route to change or delete. A
 * refused form is shown again with what was typed and the message beside the field.
 */
@Controller
@PreAuthorize("hasAuthority('TICKET_ADMIN')")
class AlertRouteWebController {

	private final AlertRouteAdministration routes;
	private final Organisations organisations;
	private final ServiceCatalog catalog;
	private final AssignmentGroups groups;
	private final Actors actors;

	AlertRouteWebController(AlertRouteAdministration routes, Organisations organisations, ServiceCatalog catalog,
			AssignmentGroups groups, Actors actors) {
		this.routes = routes;
		this.organisations = organisations;
		this.catalog = catalog;
		this.groups = groups;
		this.actors = actors;
	}

	@GetMapping("/tickets/alert-routes")
	String list(Model model) {
		return list(model, AlertRouteForm.blank(), Map.of());
	}

	@PostMapping("/tickets/alert-routes")
	String create(@ModelAttribute AlertRouteForm form, Model model, RedirectAttributes redirect) {
		return FormSubmission.save(() -> routes.create(form.draft()), "/tickets/alert-routes", "alert.routes.saved",
				redirect, "alert.routes.failed", model, errors -> list(model, form, errors));
	}

	@GetMapping("/tickets/alert-routes/{id}")
	String edit(@PathVariable long id, Model model) {
		AlertRoute route = routes.get(id);
		return edit(model, route, AlertRouteForm.of(route), Map.of());
	}

	@PostMapping("/tickets/alert-routes/{id}")
	String update(@PathVariable long id, @ModelAttribute AlertRouteForm form, Model model,
			RedirectAttributes redirect) {
		AlertRoute route = routes.get(id);
		return FormSubmission.save(() -> routes.update(id, form.draft()), "/tickets/alert-routes", "alert.routes.saved",
				redirect, "alert.routes.failed", model, errors -> edit(model, route, form, errors));
	}

	@PostMapping("/tickets/alert-routes/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		routes.delete(id);
		redirect.addFlashAttribute("notice", "alert.routes.deleted");
		return "redirect:/tickets/alert-routes";
	}

	private String list(Model model, AlertRouteForm form, Map<String, String> errors) {
		model.addAttribute("routes", routes.list(null));
		choices(model, form, errors);
		return "ticket/alert-routes";
	}

	private String edit(Model model, AlertRoute route, AlertRouteForm form, Map<String, String> errors) {
		model.addAttribute("route", route);
		choices(model, form, errors);
		return "ticket/alert-route";
	}

	private void choices(Model model, AlertRouteForm form, Map<String, String> errors) {
		List<Person> accounts = routes.accounts();
		List<OrganisationUnit> units = organisations.ofPartyKind(PartyKind.CUSTOMER).stream()
			.filter(OrganisationUnit::enabled).toList();
		List<CatalogService> services = catalog.enabled(500);
		List<AssignmentGroup> visibleGroups = groups.visibleTo(actors.scope()).stream()
			.filter(AssignmentGroup::enabled).toList();
		model.addAttribute("form", form);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("accounts", accounts);
		model.addAttribute("units", units);
		model.addAttribute("services", services);
		model.addAttribute("groups", visibleGroups);
		model.addAttribute("accountNames", accounts.stream()
			.collect(Collectors.toMap(Person::id, p -> p.displayName() + " (" + p.username() + ")", (a, b) -> a)));
		model.addAttribute("unitNames", units.stream()
			.collect(Collectors.toMap(OrganisationUnit::id, u -> u.partyName() + " / " + u.name(), (a, b) -> a)));
		model.addAttribute("serviceNames", services.stream()
			.collect(Collectors.toMap(CatalogService::id, CatalogService::name, (a, b) -> a)));
		model.addAttribute("groupNames", visibleGroups.stream()
			.collect(Collectors.toMap(AssignmentGroup::id, AssignmentGroup::name, (a, b) -> a)));
	}
}
