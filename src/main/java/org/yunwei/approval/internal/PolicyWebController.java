package org.yunwei.approval.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.identity.Organisations;
import org.yunwei.identity.PartyKind;
import org.yunwei.identity.People;
import org.yunwei.identity.Person;
import org.yunwei.identity.Positions;
import org.yunwei.web.RejectedRequest;

/**
 * The policy pages: the list, and the editor with stage slots (name, how many must approve, the people, a role
 * within a party, a post, the requester's unit lead, a condition, a time limit) beside a preview of who would
 * approve a sample request. A slot left without name and approvers is no stage; one more empty slot is offered each
 * time the form is shown.
 */
@Controller
class PolicyWebController {

	/** The most people a picker offers per party. */
	private static final int PEOPLE_PER_PARTY = 300;

	private final PolicyReading reading;
	private final PolicyAdministration administration;
	private final People people;
	private final Positions positions;
	private final Organisations organisations;
	private final org.springframework.context.MessageSource messages;

	PolicyWebController(PolicyReading reading, PolicyAdministration administration, People people,
			Positions positions, Organisations organisations, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.reading = reading;
		this.administration = administration;
		this.people = people;
		this.positions = positions;
		this.organisations = organisations;
	}

	@GetMapping("/approval-policies")
	String list(Model model) {
		model.addAttribute("policies", reading.list());
		model.addAttribute("zone", ApprovalWebController.ZONE);
		return "approval/policies";
	}

	@GetMapping("/approval-policies/new")
	String create(Model model) {
		reading.list();
		return editor(null, new EditorForm("", "", false, List.of()), Map.of(), null, null, model);
	}

	@GetMapping("/approval-policies/{id}")
	String edit(@PathVariable long id, Model model) {
		PolicyView view = reading.view(id);
		return editor(view, EditorForm.of(view), Map.of(), null, null, model);
	}

	@PostMapping("/approval-policies")
	String save(@RequestParam MultiValueMap<String, String> parameters, Model model, RedirectAttributes redirect) {
		return submit(null, parameters, model, redirect);
	}

	@PostMapping("/approval-policies/{id}")
	String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> parameters, Model model,
			RedirectAttributes redirect) {
		return submit(id, parameters, model, redirect);
	}

	@PostMapping("/approval-policies/{id}/retire")
	String retire(@PathVariable long id, @RequestParam(defaultValue = "true") boolean retired,
			RedirectAttributes redirect) {
		administration.retire(id, retired);
		redirect.addFlashAttribute("notice", retired ? "approval.policy.retired" : "approval.policy.reinstated");
		return "redirect:/approval-policies/" + id;
	}

	@PostMapping("/approval-policies/{id}/preview")
	String preview(@PathVariable long id, @RequestParam(required = false) Long requesterId,
			@RequestParam(defaultValue = "") String facts, Model model) {
		PolicyView view = reading.view(id);
		Map<String, String> errors = new LinkedHashMap<>();
		PolicyPreview preview = null;
		try {
			preview = reading.preview(id, requesterId, PolicyFacts.parse(facts));
		}
		catch (RejectedRequest refused) {
			if (refused.fieldErrors().isEmpty()) {
				throw refused;
			}
			errors.putAll(refused.fieldErrors());
		}
		model.addAttribute("sample", Map.of("requesterId", requesterId == null ? "" : requesterId.toString(),
				"facts", facts));
		return editor(view, EditorForm.of(view), errors, preview, null, model);
	}

	private String submit(Long id, MultiValueMap<String, String> parameters, Model model,
			RedirectAttributes redirect) {
		EditorForm form = EditorForm.read(parameters);
		try {
			PolicyDraft draft = form.draft();
			if (id == null) {
				long created = administration.create(draft);
				redirect.addFlashAttribute("notice", "approval.policy.created");
				return "redirect:/approval-policies/" + created;
			}
			administration.revise(id, draft);
			redirect.addFlashAttribute("notice", "approval.policy.saved");
			return "redirect:/approval-policies/" + id;
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			PolicyView view = id == null ? null : reading.view(id);
			return editor(view, form, refused.fieldErrors(), null, refused, model);
		}
	}

	private String editor(PolicyView view, EditorForm form, Map<String, String> errors, PolicyPreview preview,
			RejectedRequest refused, Model model) {
		model.addAttribute("policy", view);
		model.addAttribute("form", form.withBlankStage());
		model.addAttribute("errors", errors);
		// a refusal that says more than "check the fields" (the stage and position of a condition) is shown whole
		model.addAttribute("refusal", refused == null || "validation".equals(refused.type()) ? null : refused);
		model.addAttribute("preview", preview);
		if (!model.containsAttribute("sample")) {
			model.addAttribute("sample", Map.of("requesterId", "", "facts", ""));
		}
		List<Person> everyone = new ArrayList<>();
		for (PartyKind kind : List.of(PartyKind.MANAGEMENT, PartyKind.PROVIDER, PartyKind.CUSTOMER)) {
			organisations.parties(kind).forEach(p -> everyone.addAll(people.ofParty(p.id(), PEOPLE_PER_PARTY)));
		}
		model.addAttribute("people", everyone);
		List<org.yunwei.identity.Party> parties = new ArrayList<>();
		for (PartyKind kind : PartyKind.values()) {
			parties.addAll(organisations.parties(kind));
		}
		model.addAttribute("parties", parties);
		List<Positions.RoleChoice> roles = positions.roleChoices();
		Map<String, String> roleNames = new LinkedHashMap<>();
		roles.forEach(r -> roleNames.put(r.code(), messages.getMessage("role." + r.code(), null, r.name(),
				org.springframework.context.i18n.LocaleContextHolder.getLocale())));
		model.addAttribute("roles", roles);
		model.addAttribute("roleNames", roleNames);
		model.addAttribute("posts", positions.postChoices(500));
		model.addAttribute("rules", StageRule.values());
		return "approval/policy";
	}
}
