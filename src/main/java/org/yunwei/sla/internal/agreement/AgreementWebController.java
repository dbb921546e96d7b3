package org.yunwei.sla.internal.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.catalog.CatalogService;
import org.yunwei.catalog.ServiceCatalog;
import org.yunwei.identity.Actor;
import org.yunwei.identity.Actors;
import org.yunwei.identity.OrganisationUnit;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.Party;
import org.yunwei.identity.PartyKind;
import org.yunwei.sla.Calendars;
import org.yunwei.sla.EscalationStep;
import org.yunwei.sla.EscalationTargets;
import org.yunwei.sla.Priority;
import org.yunwei.web.RejectedRequest;

/**
 * The SLA pages: the list with its filters, and the editor (header, services, the target table of P1–P4, escalation
 * steps). A refused form comes back with everything typed and each message beside its field; people without
 * SLA_MANAGE see the editor read-only.
 */
@Controller
class AgreementWebController {

	/** More services than a select can usefully show; the catalogue's search is the way past that. */
	private static final int SERVICE_CHOICES = 2000;

	private final AgreementAdministration agreements;
	private final Organisations organisations;
	private final ServiceCatalog catalog;
	private final Actors actors;
	private final Calendars calendars;
	private final ObjectProvider<EscalationTargets> escalationTargets;

	AgreementWebController(AgreementAdministration agreements, Organisations organisations, ServiceCatalog catalog,
			Actors actors, Calendars calendars, ObjectProvider<EscalationTargets> escalationTargets) {
		this.agreements = agreements;
		this.organisations = organisations;
		this.catalog = catalog;
		this.actors = actors;
		this.calendars = calendars;
		this.escalationTargets = escalationTargets;
	}

	@GetMapping("/sla/agreements")
	String list(@RequestParam(required = false) Long providerPartyId,
			@RequestParam(required = false) Long customerOrgUnitId, @RequestParam(required = false) Long serviceId,
			@RequestParam(required = false) Boolean enabled, @RequestParam(required = false) String after,
			Model model) {
		var filter = new AgreementFilter(providerPartyId, customerOrgUnitId, serviceId, enabled, after, 0);
		model.addAttribute("page", agreements.list(filter));
		model.addAttribute("filter", filter);
		model.addAttribute("mayManage", agreements.mayManage());
		addChoices(model);
		return "sla/agreements/list";
	}

	@GetMapping("/sla/agreements/new")
	@PreAuthorize("hasAuthority('SLA_MANAGE')")
	String newAgreement(Model model) {
		return editor(model, null, AgreementForm.blank(), Map.of());
	}

	@PostMapping("/sla/agreements")
	@PreAuthorize("hasAuthority('SLA_MANAGE')")
	String create(@ModelAttribute("form") AgreementForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		return save(form, binding, model, redirect, null);
	}

	@GetMapping("/sla/agreements/{id}")
	String edit(@PathVariable long id, Model model) {
		AgreementView agreement = agreements.get(id);
		return editor(model, agreement, AgreementForm.of(agreement), Map.of());
	}

	@PostMapping("/sla/agreements/{id}")
	@PreAuthorize("hasAuthority('SLA_MANAGE')")
	String update(@PathVariable long id, @ModelAttribute("form") AgreementForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		return save(form, binding, model, redirect, id);
	}

	@PostMapping("/sla/agreements/{id}/{action:enable|disable}")
	@PreAuthorize("hasAuthority('SLA_MANAGE')")
	String enable(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
		agreements.setEnabled(id, action.equals("enable"));
		redirect.addFlashAttribute("notice", "agreements.saved");
		return "redirect:/sla/agreements/" + id;
	}

	private String save(AgreementForm form, BindingResult binding, Model model, RedirectAttributes redirect,
			Long id) {
		Map<String, String> unreadable = new LinkedHashMap<>();
		for (FieldError error : binding.getFieldErrors()) {
			unreadable.putIfAbsent(form.pageField(error.getField()), "field.malformed");
		}
		AgreementDraft draft = form.toDraft(unreadable);
		try {
			if (!unreadable.isEmpty()) {
				// part of the form could not be read: show every mistake, and save nothing
				Map<String, String> errors = new LinkedHashMap<>(unreadable);
				agreements.mistakes(draft).forEach((field, key) -> errors.putIfAbsent(form.pageField(field), key));
				model.addAttribute("problem", "agreements.failed");
				return editor(model, id == null ? null : agreements.get(id), form, errors);
			}
			AgreementView saved = id == null ? agreements.create(draft) : agreements.update(id, draft);
			redirect.addFlashAttribute("notice", "agreements.saved");
			return "redirect:/sla/agreements/" + saved.id();
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.BAD_REQUEST && refused.status() != HttpStatus.CONFLICT) {
				throw refused;
			}
			Map<String, String> errors = new LinkedHashMap<>();
			refused.fieldErrors().forEach((field, key) -> errors.put(form.pageField(field), key));
			model.addAttribute("problem", refused.fieldErrors().isEmpty() ? refused.messageKey() : "agreements.failed");
			return editor(model, id == null ? null : agreements.get(id), form, errors);
		}
	}

	private String editor(Model model, AgreementView agreement, AgreementForm form, Map<String, String> errors) {
		form.withBlankEscalationRows();
		model.addAttribute("agreement", agreement);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("mayManage", agreements.mayManage());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("levels", EscalationStep.LEVELS);
		model.addAttribute("escalationGroups", escalationGroups(form));
		model.addAttribute("calendars", calendars.list());
		List<CatalogService> linked = agreement == null ? List.of()
				: agreement.serviceIds().stream().map(catalog::find).flatMap(java.util.Optional::stream).toList();
		// the enabled services to choose from, and those already linked even when disabled since; a reader who may
		// not change the agreement is shown only its linked services, not the whole catalogue
		var choices = new java.util.LinkedHashMap<Long, CatalogService>();
		if (agreements.mayManage()) {
			catalog.enabled(SERVICE_CHOICES).forEach(service -> choices.put(service.id(), service));
		}
		linked.forEach(service -> choices.putIfAbsent(service.id(), service));
		model.addAttribute("linkedServices", linked);
		model.addAttribute("serviceChoices", choices.values());
		addChoices(model);
		return "sla/agreements/editor";
	}

	/**
	 * The groups a functional step may name, by name: the enabled ones the reader sees that an agreement with the
	 * chosen provider may hand records to, and any group a step of the form already names otherwise (disabled, out of
	 * reach or no longer known: then shown by its code) so that the form shows what is stored.
	 */
	private List<EscalationTargets.FunctionalTarget> escalationGroups(AgreementForm form) {
		EscalationTargets targets = escalationTargets.getIfAvailable();
		List<EscalationTargets.FunctionalTarget> offered = new ArrayList<>(targets == null ? List.of()
				: targets.functionalChoices(actors.scope(), form.getProviderPartyId()));
		Set<String> known = offered.stream().map(g -> g.code().toLowerCase(Locale.ROOT))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		known.add(EscalationStep.SECOND_LINE.toLowerCase(Locale.ROOT));
		EscalationStep.LEVELS.forEach(level -> known.add(level.toLowerCase(Locale.ROOT)));
		form.getEscalations().stream().map(AgreementForm.EscalationRow::getTarget)
			.filter(target -> target != null && !target.isBlank() && known.add(target.toLowerCase(Locale.ROOT)))
			.forEach(target -> offered.add(new EscalationTargets.FunctionalTarget(target, target)));
		return offered;
	}

	/**
	 * The providers and customer units offered in selects and named in the list: a customer department sees its own
	 * units and those above it, not the other departments, and only the providers of the agreements that cover it; a
	 * provider sees itself.
	 */
	private void addChoices(Model model) {
		Actor actor = actors.current();
		boolean all = actor.partyKind() == PartyKind.MANAGEMENT || actor.partyKind() == PartyKind.SUPERVISION;
		List<Long> own = organisations.find(actor.orgUnitId()).map(OrganisationUnit::ancestorIds).orElse(List.of());
		List<Long> covering = actor.partyKind() == PartyKind.CUSTOMER ? agreements.readableProviders() : List.of();
		List<Party> providers = organisations.parties(PartyKind.PROVIDER).stream()
			.filter(p -> all || covering.contains(p.id()) || p.id() == actor.partyId())
			.toList();
		List<OrganisationUnit> customerUnits = organisations.ofPartyKind(PartyKind.CUSTOMER).stream()
			.filter(u -> all || own.contains(u.id()))
			.toList();
		model.addAttribute("providers", providers);
		model.addAttribute("customerUnits", customerUnits);
		model.addAttribute("providerNames", providers.stream().collect(Collectors.toMap(Party::id, Party::name)));
		model.addAttribute("unitNames", customerUnits.stream()
			.collect(Collectors.toMap(OrganisationUnit::id, u -> u.partyName() + " · " + u.name())));
	}
}
