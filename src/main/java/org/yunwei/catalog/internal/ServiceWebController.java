package org.yunwei.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.web.RejectedRequest;

/** The forms for a new service and for changing, disabling or enabling one. */
@Controller
@PreAuthorize("hasAuthority('CATALOG_MANAGE')")
class ServiceWebController {

	private final ServiceAdministration administration;
	private final CatalogBrowsing browsing;
	private final CategoryAdministration categories;
	private final Organisations organisations;

	ServiceWebController(ServiceAdministration administration, CatalogBrowsing browsing,
			CategoryAdministration categories, Organisations organisations) {
		this.administration = administration;
		this.browsing = browsing;
		this.categories = categories;
		this.organisations = organisations;
	}

	@GetMapping("/catalog/services/new")
	String newService(@RequestParam(required = false) Long categoryId, Model model) {
		model.addAttribute("errors", Map.of());
		return page(model, null, ServiceForm.empty(categoryId));
	}

	@PostMapping("/catalog/services")
	String create(@RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
		ServiceForm form = ServiceForm.of(fields);
		ServiceForm.Parsed parsed = form.parse();
		try {
			administration.create(parsed.draft());
			redirect.addFlashAttribute("notice", "catalog.saved");
			return "redirect:/catalog";
		}
		catch (RejectedRequest refused) {
			PageRefusals.show(model, refused, parsed.errors());
			return page(model, null, form);
		}
	}

	@GetMapping("/catalog/services/{id}")
	String edit(@PathVariable long id, Model model) {
		ServiceDetail service = browsing.get(id);
		model.addAttribute("errors", Map.of());
		return page(model, service, ServiceForm.of(service));
	}

	@PostMapping("/catalog/services/{id}")
	String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, Model model,
			RedirectAttributes redirect) {
		ServiceDetail service = browsing.get(id);
		ServiceForm form = ServiceForm.of(fields);
		ServiceForm.Parsed parsed = form.parse();
		try {
			administration.update(id, parsed.draft());
			redirect.addFlashAttribute("notice", "catalog.saved");
			return "redirect:/catalog";
		}
		catch (RejectedRequest refused) {
			PageRefusals.show(model, refused, parsed.errors());
			return page(model, service, form);
		}
	}

	@PostMapping("/catalog/services/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		try {
			administration.setEnabled(id, enabled);
			redirect.addFlashAttribute("notice", "catalog.saved");
		}
		catch (RejectedRequest refused) {
			PageRefusals.flash(redirect, refused);
		}
		return "redirect:/catalog";
	}

	private String page(Model model, ServiceDetail service, ServiceForm form) {
		model.addAttribute("service", service);
		model.addAttribute("form", form);
		model.addAttribute("categories", CategoryChoice.of(categories.tree()));
		model.addAttribute("providers", organisations.ofPartyKind(PartyKind.PROVIDER).stream()
			.filter(u -> u.enabled() || form.providerOrgUnitId() != null
					&& form.providerOrgUnitId().equals(String.valueOf(u.id())))
			.toList());
		// customer units grouped by their party, for one optgroup each
		Map<String, List<OrganisationUnit>> customers = organisations.ofPartyKind(PartyKind.CUSTOMER).stream()
			.filter(u -> u.enabled() || form.hasCustomer(u.id()))
			.collect(Collectors.groupingBy(OrganisationUnit::partyName, LinkedHashMap::new, Collectors.toList()));
		model.addAttribute("customerGroups", customers);
		model.addAttribute("kinds", ServiceObjectKind.values());
		return "catalog/service";
	}
}
