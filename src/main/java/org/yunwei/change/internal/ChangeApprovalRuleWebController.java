package org.yunwei.change.internal;

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

/** The page of the change approval rules: the list with the form to add one, a rule's edit form, retirement. */
@Controller
class ChangeApprovalRuleWebController {

	private final ChangeApprovalRules rules;

	ChangeApprovalRuleWebController(ChangeApprovalRules rules) {
		this.rules = rules;
	}

	@GetMapping("/changes/approval-rules")
	String list(@RequestParam(defaultValue = "false") boolean retired, Model model) {
		return page(model, retired, Map.of(), new ChangeApprovalRules.Draft(null, null, null));
	}

	@PostMapping("/changes/approval-rules")
	String create(@RequestParam(required = false) String category, @RequestParam(required = false) String riskLevel,
			@RequestParam(required = false) String policyId, Model model, RedirectAttributes redirect) {
		ChangeApprovalRules.Draft draft = new ChangeApprovalRules.Draft(category, riskLevel, id(policyId));
		try {
			rules.create(draft);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", "change.rule.failed");
			return page(model, false, refused.fieldErrors(), draft);
		}
		redirect.addFlashAttribute("notice", "change.rule.created");
		return "redirect:/changes/approval-rules";
	}

	@GetMapping("/changes/approval-rules/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		if (!rules.mayKeep()) {
			throw RejectedRequest.forbidden("change.rule.forbidden");
		}
		ChangeApprovalRule rule = rules.find(id);
		return editPage(model, rule, Map.of(),
				new ChangeApprovalRules.Draft(rule.category(), rule.riskLevel(), rule.policyId()), rule.version());
	}

	@PostMapping("/changes/approval-rules/{id}")
	String edit(@PathVariable long id, @RequestParam(required = false) String category,
			@RequestParam(required = false) String riskLevel, @RequestParam(required = false) String policyId,
			@RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
		ChangeApprovalRules.Draft draft = new ChangeApprovalRules.Draft(category, riskLevel, id(policyId));
		try {
			rules.edit(id, version, draft);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
				throw refused;
			}
			model.addAttribute("problem", refused.fieldErrors().isEmpty() ? refused.messageKey() : "change.rule.failed");
			return editPage(model, rules.find(id), refused.fieldErrors(), draft, version);
		}
		redirect.addFlashAttribute("notice", "change.rule.saved");
		return "redirect:/changes/approval-rules";
	}

	@PostMapping("/changes/approval-rules/{id}/retire")
	String retire(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		try {
			rules.retire(id, version);
			redirect.addFlashAttribute("notice", "change.rule.retired-done");
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.CONFLICT) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/changes/approval-rules";
	}

	private String page(Model model, boolean retired, Map<String, String> errors, ChangeApprovalRules.Draft form) {
		model.addAttribute("rules", rules.all(retired));
		model.addAttribute("retired", retired);
		boolean mayKeep = rules.mayKeep();
		model.addAttribute("mayKeep", mayKeep);
		model.addAttribute("policies", mayKeep ? rules.policies() : java.util.List.of());
		model.addAttribute("categories", ChangeApprovalRules.CATEGORIES);
		model.addAttribute("levels", ChangeApprovalRules.LEVELS);
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return "change/approval-rules";
	}

	private String editPage(Model model, ChangeApprovalRule rule, Map<String, String> errors,
			ChangeApprovalRules.Draft form, Integer version) {
		model.addAttribute("rule", rule);
		model.addAttribute("policies", rules.policies());
		model.addAttribute("categories", ChangeApprovalRules.CATEGORIES);
		model.addAttribute("levels", ChangeApprovalRules.LEVELS);
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		model.addAttribute("version", version);
		return "change/approval-rule-form";
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
