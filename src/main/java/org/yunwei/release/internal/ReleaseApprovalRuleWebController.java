package org.yunwei.release.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.RejectedRequest;

/** The page of the release approval rules: the list with the form to add one, a rule's edit form, retirement. */
@Controller
class ReleaseApprovalRuleWebController {

	private final ReleaseApprovalRules rules;

	ReleaseApprovalRuleWebController(ReleaseApprovalRules rules) {
		this.rules = rules;
	}

	@GetMapping("/releases/approval-rules")
	String list(@RequestParam(defaultValue = "false") boolean retired, Model model) {
		return page(model, retired, Map.of(), new ReleaseApprovalRules.Draft(null, null));
	}

	@PostMapping("/releases/approval-rules")
	String create(@RequestParam(required = false) String releaseType, @RequestParam(required = false) String policyId,
			Model model, RedirectAttributes redirect) {
		ReleaseApprovalRules.Draft draft = new ReleaseApprovalRules.Draft(releaseType, id(policyId));
		try {
			rules.create(draft);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", "release.rule.failed");
			return page(model, false, refused.fieldErrors(), draft);
		}
		redirect.addFlashAttribute("notice", "release.rule.created");
		return "redirect:/releases/approval-rules";
	}

	@GetMapping("/releases/approval-rules/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		if (!rules.mayKeep()) {
			throw RejectedRequest.forbidden("release.rule.forbidden");
		}
		ReleaseApprovalRule rule = rules.find(id);
		return editPage(model, rule, Map.of(), new ReleaseApprovalRules.Draft(rule.releaseType(), rule.policyId()),
				rule.version());
	}

	@PostMapping("/releases/approval-rules/{id}")
	String edit(@PathVariable long id, @RequestParam(required = false) String releaseType,
			@RequestParam(required = false) String policyId, @RequestParam(required = false) Integer version,
			Model model, RedirectAttributes redirect) {
		ReleaseApprovalRules.Draft draft = new ReleaseApprovalRules.Draft(releaseType, id(policyId));
		try {
			rules.edit(id, version, draft);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
				throw refused;
			}
			model.addAttribute("problem", refused.fieldErrors().isEmpty() ? refused.messageKey() : "release.rule.failed");
			return editPage(model, rules.find(id), refused.fieldErrors(), draft, version);
		}
		redirect.addFlashAttribute("notice", "release.rule.saved");
		return "redirect:/releases/approval-rules";
	}

	@PostMapping("/releases/approval-rules/{id}/retire")
	String retire(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		try {
			rules.retire(id, version);
			redirect.addFlashAttribute("notice", "release.rule.retired-done");
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.CONFLICT) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/releases/approval-rules";
	}

	private String page(Model model, boolean retired, Map<String, String> errors, ReleaseApprovalRules.Draft form) {
		List<ReleaseApprovalRule> all = rules.all(retired);
		model.addAttribute("rules", all);
		model.addAttribute("retired", retired);
		boolean mayKeep = rules.mayKeep();
		model.addAttribute("mayKeep", mayKeep);
		model.addAttribute("policies", mayKeep ? rules.policies() : List.of());
		model.addAttribute("types", ReleaseApprovalRules.TYPES);
		// the types no live rule answers for, which go to the default policy
		model.addAttribute("defaultTypes", ReleaseApprovalRules.TYPES.stream()
			.filter(t -> all.stream().noneMatch(r -> !r.retired() && r.releaseType().equals(t))).toList());
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return "release/approval-rules";
	}

	private String editPage(Model model, ReleaseApprovalRule rule, Map<String, String> errors,
			ReleaseApprovalRules.Draft form, Integer version) {
		model.addAttribute("rule", rule);
		model.addAttribute("policies", rules.policies());
		model.addAttribute("types", ReleaseApprovalRules.TYPES);
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		model.addAttribute("version", version);
		return "release/approval-rule-form";
	}

	/** A picked policy's id; an unreadable one is kept as an id no policy has, so that the field is refused. */
	private static Long id(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException notANumber) {
			return -1L;
		}
	}
}
