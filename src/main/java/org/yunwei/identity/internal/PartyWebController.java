package org.yunwei.identity.internal;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.Positions;
import org.yunwei.web.RejectedRequest;

/**
 * The pages for parties and their organisation trees: the list of parties with their units, a party's page with
 * its tree and the form for a new unit, and a unit's own form (rename, move, disable).
 */
@Controller
@PreAuthorize("hasAuthority('PARTY_MANAGE')")
class PartyWebController {

	private final PartyAdministration parties;
	private final OrgUnitAdministration units;
	private final PostAdministration posts;
	private final Positions positions;

	PartyWebController(PartyAdministration parties, OrgUnitAdministration units, PostAdministration posts,
			Positions positions) {
		this.parties = parties;
		this.units = units;
		this.posts = posts;
		this.positions = positions;
	}

	@GetMapping("/admin/parties")
	String list(Model model) {
		return listPage(model, PartyDraft.empty(), AdminForms.noErrors());
	}

	@PostMapping("/admin/parties")
	String create(@ModelAttribute PartyDraft draft, Model model, RedirectAttributes redirect) {
		try {
			OrgUnits.Party created = parties.create(draft);
			redirect.addFlashAttribute("notice", "directory.saved");
			return "redirect:/admin/parties/" + created.id();
		}
		catch (RejectedRequest refused) {
			AdminForms.showRefusal(model, refused);
			return listPage(model, draft, refused.fieldErrors());
		}
	}

	@GetMapping("/admin/parties/{id}")
	String party(@PathVariable long id, Model model) {
		OrgUnits.Party party = parties.get(id);
		return partyPage(model, party, new PartyChange(party.name(), party.enabled()),
				new OrgUnitDraft(id, null, null, null), AdminForms.noErrors());
	}

	@PostMapping("/admin/parties/{id}")
	String update(@PathVariable long id, @ModelAttribute PartyChange change, Model model, RedirectAttributes redirect) {
		try {
			parties.update(id, change);
			redirect.addFlashAttribute("notice", "directory.saved");
			return "redirect:/admin/parties/" + id;
		}
		catch (RejectedRequest refused) {
			AdminForms.showRefusal(model, refused);
			return partyPage(model, parties.get(id), change, new OrgUnitDraft(id, null, null, null),
					refused.fieldErrors());
		}
	}

	@PostMapping("/admin/parties/{id}/units")
	String createUnit(@PathVariable long id, @ModelAttribute OrgUnitDraft draft, Model model,
			RedirectAttributes redirect) {
		OrgUnitDraft placed = new OrgUnitDraft(id, draft.parentId(), draft.code(), draft.name());
		try {
			units.create(placed);
			redirect.addFlashAttribute("notice", "directory.saved");
			return "redirect:/admin/parties/" + id;
		}
		catch (RejectedRequest refused) {
			AdminForms.showRefusal(model, refused);
			OrgUnits.Party party = parties.get(id);
			// the unit form's mistakes are shown beside its own fields, apart from the party form's
			model.addAttribute("unitErrors", refused.fieldErrors());
			return partyPage(model, party, new PartyChange(party.name(), party.enabled()), placed, Map.of());
		}
	}

	@GetMapping("/admin/org-units/{id}")
	String unit(@PathVariable long id, Model model) {
		OrgUnits.OrgUnit unit = units.get(id);
		return unitPage(model, unit, new OrgUnitChange(unit.name(), unit.parentId(), unit.enabled()),
				AdminForms.noErrors());
	}

	@PostMapping("/admin/org-units/{id}")
	String updateUnit(@PathVariable long id, @ModelAttribute OrgUnitChange change, Model model,
			RedirectAttributes redirect) {
		try {
			OrgUnits.OrgUnit unit = units.update(id, change);
			redirect.addFlashAttribute("notice", "directory.saved");
			return "redirect:/admin/parties/" + unit.partyId();
		}
		catch (RejectedRequest refused) {
			AdminForms.showRefusal(model, refused);
			return unitPage(model, units.get(id), change, refused.fieldErrors());
		}
	}

	/** Names the unit's lead (负责人), or removes it when none is chosen. */
	@PostMapping("/admin/org-units/{id}/lead")
	String appointLead(@PathVariable long id, @RequestParam(required = false) String leadId,
			RedirectAttributes redirect) {
		Long lead;
		try {
			lead = leadId == null || leadId.isBlank() ? null : Long.valueOf(leadId.strip());
		}
		catch (NumberFormatException e) {
			throw RejectedRequest.invalidField("leadId", "field.malformed");
		}
		positions.appointLead(id, lead);
		redirect.addFlashAttribute("notice", "directory.saved");
		return "redirect:/admin/org-units/" + id;
	}

	private String listPage(Model model, PartyDraft form, Map<String, String> errors) {
		List<OrgUnits.Party> visible = parties.list();
		model.addAttribute("parties", visible);
		model.addAttribute("unitsByParty", units.list(null).stream()
			.collect(Collectors.groupingBy(OrgUnits.OrgUnit::partyId)));
		model.addAttribute("kinds", PartyKind.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "identity/admin/parties";
	}

	private String partyPage(Model model, OrgUnits.Party party, PartyChange form, OrgUnitDraft unitForm,
			Map<String, String> errors) {
		model.addAttribute("party", party);
		model.addAttribute("units", units.list(party.id()));
		model.addAttribute("partyNames", Map.of(party.id(), party.name()));
		model.addAttribute("form", form);
		model.addAttribute("unitForm", unitForm);
		model.addAttribute("errors", errors);
		return "identity/admin/party";
	}

	private String unitPage(Model model, OrgUnits.OrgUnit unit, OrgUnitChange form, Map<String, String> errors) {
		OrgUnits.Party party = parties.get(unit.partyId());
		model.addAttribute("unit", unit);
		model.addAttribute("party", party);
		model.addAttribute("leadId", positions.appointedLead(unit.id()).orElse(null));
		model.addAttribute("leadCandidates", posts.candidates(unit.id()));
		// a unit cannot move under itself or below itself: those are left out of the choice
		model.addAttribute("parents", units.list(unit.partyId()).stream()
			.filter(u -> !u.path().startsWith(unit.path()))
			.toList());
		model.addAttribute("partyNames", Map.of(party.id(), party.name()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "identity/admin/org-unit";
	}
}
