package org.yunwei.ticket.internal.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
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
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.sla.Priority;
import org.yunwei.ticket.internal.boundary.PartyBoundary;
import org.yunwei.ticket.internal.group.AssignmentGroup;
import org.yunwei.ticket.internal.group.AssignmentGroups;
import org.yunwei.ticket.internal.record.Channel;
import org.yunwei.web.FormSubmission;
import org.yunwei.web.RejectedRequest;

/**
 * The routing page (TICKET_ADMIN): the rules with a form for a new one, and one rule to change or delete. A refused
 * form is shown again with what was typed and the message beside the field.
 */
@Controller
@PreAuthorize("hasAuthority('TICKET_ADMIN')")
class RoutingRuleWebController {

	private final RoutingRuleAdministration rules;
	private final Organisations organisations;
	private final ServiceCatalog catalog;
	private final AssignmentGroups groups;
	private final Actors actors;
	private final PartyBoundary boundary;

	RoutingRuleWebController(RoutingRuleAdministration rules, Organisations organisations, ServiceCatalog catalog,
			AssignmentGroups groups, Actors actors, PartyBoundary boundary) {
		this.rules = rules;
		this.organisations = organisations;
		this.catalog = catalog;
		this.groups = groups;
		this.actors = actors;
		this.boundary = boundary;
	}

	@GetMapping("/tickets/routing")
	String list(Model model) {
		return list(model, RoutingRuleForm.blank(), Map.of());
	}

	@PostMapping("/tickets/routing")
	String create(@ModelAttribute RoutingRuleForm form, Model model, RedirectAttributes redirect) {
		return FormSubmission.save(() -> rules.create(form.draft()), "/tickets/routing", "routing.rules.saved",
				redirect, "routing.rules.failed", model, errors -> list(model, form, errors));
	}

	@GetMapping("/tickets/routing/{id}")
	String edit(@PathVariable long id, Model model) {
		RoutingRule rule = rules.get(id);
		return edit(model, rule, RoutingRuleForm.of(rule), Map.of());
	}

	@PostMapping("/tickets/routing/{id}")
	String update(@PathVariable long id, @ModelAttribute RoutingRuleForm form, Model model,
			RedirectAttributes redirect) {
		RoutingRule rule = rules.get(id);
		return FormSubmission.save(() -> rules.update(id, form.draft()), "/tickets/routing", "routing.rules.saved",
				redirect, "routing.rules.failed", model, errors -> edit(model, rule, form, errors));
	}

	@PostMapping("/tickets/routing/{id}/delete")
	String delete(@PathVariable long id, Model model, RedirectAttributes redirect) {
		RoutingRule rule = rules.get(id);
		try {
			rules.delete(id);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND) {
				throw refused;
			}
			model.addAttribute("problem", refused.messageKey());
			return edit(model, rule, RoutingRuleForm.of(rule), Map.of());
		}
		redirect.addFlashAttribute("notice", "routing.rules.deleted");
		return "redirect:/tickets/routing";
	}

	private String list(Model model, RoutingRuleForm form, Map<String, String> errors) {
		model.addAttribute("rules", rules.list(null));
		choices(model, form, errors);
		return "ticket/routing-rules";
	}

	private String edit(Model model, RoutingRule rule, RoutingRuleForm form, Map<String, String> errors) {
		model.addAttribute("rule", rule);
		choices(model, form, errors);
		return "ticket/routing-rule";
	}

	private void choices(Model model, RoutingRuleForm form, Map<String, String> errors) {
		List<Party> providers = rules.providers();
		// only what a rule may name: the units the provider serves and the services it provides (management: all)
		Actor actor = actors.current();
		List<OrganisationUnit> units = boundary.served(actor, organisations.ofPartyKind(PartyKind.CUSTOMER).stream()
			.filter(OrganisationUnit::enabled).toList());
		List<CatalogService> services = catalog.enabled(500);
		if (actor.partyKind() == PartyKind.PROVIDER) {
			Set<Long> ownUnits = organisations.findAll(services.stream().map(CatalogService::providerOrgUnitId)
				.distinct().toList()).stream().filter(u -> u.partyId() == actor.partyId()).map(OrganisationUnit::id)
				.collect(Collectors.toSet());
			services = services.stream().filter(s -> ownUnits.contains(s.providerOrgUnitId())).toList();
		}
		List<AssignmentGroup> visibleGroups = groups.visibleTo(actors.scope()).stream()
			.filter(AssignmentGroup::enabled).toList();
		model.addAttribute("form", form);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("providers", providers);
		model.addAttribute("chooseProvider", actors.scope().partyKind() != PartyKind.PROVIDER);
		model.addAttribute("units", units);
		model.addAttribute("services", services);
		model.addAttribute("groups", visibleGroups);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("assignments", AutoAssignment.values());
		model.addAttribute("providerNames", providers.stream()
			.collect(Collectors.toMap(Party::id, Party::name, (a, b) -> a)));
		model.addAttribute("unitNames", units.stream()
			.collect(Collectors.toMap(OrganisationUnit::id, u -> u.partyName() + " / " + u.name(), (a, b) -> a)));
		model.addAttribute("serviceNames", services.stream()
			.collect(Collectors.toMap(CatalogService::id, CatalogService::name, (a, b) -> a)));
		model.addAttribute("groupNames", visibleGroups.stream()
			.collect(Collectors.toMap(AssignmentGroup::id, AssignmentGroup::name, (a, b) -> a)));
	}
}
