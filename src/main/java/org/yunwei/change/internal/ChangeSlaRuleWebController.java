package org.yunwei.change.internal;

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

/** The page of the change SLA rules: the list with the form to add one, a rule's edit form, retirement. */
@Controller
class ChangeSlaRuleWebController {

	private final ChangeSlaRules rules;

	ChangeSlaRuleWebController(ChangeSlaRules rules) {
		this.rules = rules;
	}

	@GetMapping("/changes/sla-rules")
	String list(@RequestParam(defaultValue = "false") boolean retired, Model model) {
		return page(model, retired, Map.of(), new ChangeSlaRules.Draft(null, null, null, "BUSINESS", false,
				ChangeSlaRules.DEFAULT_WARNING));
	}

	@PostMapping("/changes/sla-rules")
	String create(@RequestParam(required = false) String category, @RequestParam(required = false) String riskLevel,
			@RequestParam(required = false) String approvalMinutes,
			@RequestParam(required = false) String approvalBasis,
			@RequestParam(required = false) String windowDeadline,
			@RequestParam(required = false) String warningPercent, Model model, RedirectAttributes redirect) {
		ChangeSlaRules.Draft draft = new ChangeSlaRules.Draft(category, riskLevel, number(approvalMinutes),
				approvalBasis, windowDeadline != null, number(warningPercent));
		try {
			rules.create(draft);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", "change.sla-rule.failed");
			return page(model, false, refused.fieldErrors(), draft);
		}
		redirect.addFlashAttribute("notice", "change.sla-rule.created");
		return "redirect:/changes/sla-rules";
	}

	@GetMapping("/changes/sla-rules/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		if (!rules.mayKeep()) {
			throw RejectedRequest.forbidden("change.sla-rule.forbidden");
		}
		ChangeSlaRule rule = rules.find(id);
		return editPage(model, rule, Map.of(), ChangeSlaRules.draftOf(rule), rule.version());
	}

	@PostMapping("/changes/sla-rules/{id}")
	String edit(@PathVariable long id, @RequestParam(required = false) String category,
			@RequestParam(required = false) String riskLevel, @RequestParam(required = false) String approvalMinutes,
			@RequestParam(required = false) String approvalBasis,
			@RequestParam(required = false) String windowDeadline,
			@RequestParam(required = false) String warningPercent, @RequestParam(required = false) Integer version,
			Model model, RedirectAttributes redirect) {
		ChangeSlaRules.Draft draft = new ChangeSlaRules.Draft(category, riskLevel, number(approvalMinutes),
				approvalBasis, windowDeadline != null, number(warningPercent));
		try {
			rules.edit(id, version, draft);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
				throw refused;
			}
			model.addAttribute("problem", refused.fieldErrors().isEmpty() ? refused.messageKey() : "change.sla-rule.failed");
			return editPage(model, rules.find(id), refused.fieldErrors(), draft, version);
		}
		redirect.addFlashAttribute("notice", "change.sla-rule.saved");
		return "redirect:/changes/sla-rules";
	}

	@PostMapping("/changes/sla-rules/{id}/retire")
	String retire(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		try {
			rules.retire(id, version);
			redirect.addFlashAttribute("notice", "change.sla-rule.retired-done");
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.CONFLICT) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:/changes/sla-rules";
	}

	private String page(Model model, boolean retired, Map<String, String> errors, ChangeSlaRules.Draft form) {
		model.addAttribute("rules", rules.all(retired));
		model.addAttribute("retired", retired);
		model.addAttribute("mayKeep", rules.mayKeep());
		choices(model);
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return "change/sla-rules";
	}

	private String editPage(Model model, ChangeSlaRule rule, Map<String, String> errors, ChangeSlaRules.Draft form,
			Integer version) {
		model.addAttribute("rule", rule);
		choices(model);
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		model.addAttribute("version", version);
		return "change/sla-rule-form";
	}

	private static void choices(Model model) {
		model.addAttribute("categories", ChangeSlaRules.CATEGORIES);
		model.addAttribute("levels", ChangeSlaRules.LEVELS);
		model.addAttribute("bases", ChangeSlaRules.BASES);
	}

	/** A typed number; an unreadable one is kept as a value out of range, so that the field is refused. */
	private static Integer number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException notANumber) {
			return -1;
		}
	}
}
