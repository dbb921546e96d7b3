package org.yunwei.approval;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.RejectedRequest;

/**
 * The pages of a {@link PolicyRuleBook}: the list with the form to add a rule, a rule's edit form, retirement. A
 * module's {@code @Controller} extends it under its own address ({@code @RequestMapping("/changes/approval-rules")})
 * and names in {@link Page} where the pages sit; both modules' pages are the templates
 * {@code approval/policy-rules} and {@code approval/policy-rule-form}, worded by the book's messages.
 */
public abstract class PolicyRulePages {

	/**
	 * Where a book's pages sit.
	 *
	 * @param path the address the controller is mapped to
	 * @param parentTitle the message key of the list the pages belong to (the breadcrumbs' middle step)
	 * @param parentPath that list's address
	 * @param choose the message key of a picker's empty choice
	 * @param namesDefaults whether the list names the key's values no live rule answers for, which go to the default
	 *        policy (for a key of one part: its message is the book's {@code .defaults})
	 */
	public record Page(String path, String parentTitle, String parentPath, String choose, boolean namesDefaults) {
	}

	private final PolicyRuleBook rules;
	private final Page page;

	protected PolicyRulePages(PolicyRuleBook rules, Page page) {
		this.rules = rules;
		this.page = page;
	}

	@GetMapping
	public String list(@RequestParam(defaultValue = "false") boolean retired, Model model) {
		return listPage(model, retired, Map.of(),
				new PolicyRuleBook.Draft(Collections.nCopies(rules.terms().key().size(), null), null));
	}

	@PostMapping
	public String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		PolicyRuleBook.Draft draft = draft(form);
		try {
			rules.create(draft);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			model.addAttribute("problem", messages() + ".failed");
			return listPage(model, false, refused.fieldErrors(), draft);
		}
		redirect.addFlashAttribute("notice", messages() + ".created");
		return "redirect:" + page.path();
	}

	@GetMapping("/{id}/edit")
	public String editForm(@PathVariable long id, Model model) {
		if (!rules.mayKeep()) {
			throw RejectedRequest.forbidden(messages() + ".forbidden");
		}
		PolicyRule rule = rules.find(id);
		return editPage(model, rule, Map.of(), new PolicyRuleBook.Draft(rule.key(), rule.policyId()), rule.version());
	}

	@PostMapping("/{id}")
	public String edit(@PathVariable long id, @RequestParam Map<String, String> form,
			@RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
		PolicyRuleBook.Draft draft = draft(form);
		try {
			rules.edit(id, version, draft);
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.FORBIDDEN || refused.status() == HttpStatus.NOT_FOUND) {
				throw refused;
			}
			model.addAttribute("problem",
					refused.fieldErrors().isEmpty() ? refused.messageKey() : messages() + ".failed");
			return editPage(model, rules.find(id), refused.fieldErrors(), draft, version);
		}
		redirect.addFlashAttribute("notice", messages() + ".saved");
		return "redirect:" + page.path();
	}

	@PostMapping("/{id}/retire")
	public String retire(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		try {
			rules.retire(id, version);
			redirect.addFlashAttribute("notice", messages() + ".retired-done");
		}
		catch (RejectedRequest refused) {
			if (refused.status() != HttpStatus.CONFLICT) {
				throw refused;
			}
			redirect.addFlashAttribute("problem", refused.messageKey());
		}
		return "redirect:" + page.path();
	}

	private String listPage(Model model, boolean retired, Map<String, String> errors, PolicyRuleBook.Draft form) {
		List<PolicyRule> all = rules.all(retired);
		model.addAttribute("rules", all);
		model.addAttribute("retired", retired);
		boolean mayKeep = rules.mayKeep();
		model.addAttribute("mayKeep", mayKeep);
		model.addAttribute("policies", mayKeep ? rules.policies() : List.of());
		model.addAttribute("defaults", page.namesDefaults() ? unruled(all) : List.of());
		return common(model, errors, form);
	}

	private String editPage(Model model, PolicyRule rule, Map<String, String> errors, PolicyRuleBook.Draft form,
			Integer version) {
		model.addAttribute("rule", rule);
		model.addAttribute("policies", rules.policies());
		model.addAttribute("version", version);
		common(model, errors, form);
		return "approval/policy-rule-form";
	}

	private String common(Model model, Map<String, String> errors, PolicyRuleBook.Draft form) {
		model.addAttribute("terms", rules.terms());
		model.addAttribute("rulePage", page);
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return "approval/policy-rules";
	}

	/** The first key part's values no live rule answers for. */
	private List<String> unruled(List<PolicyRule> all) {
		return rules.terms().key().getFirst().values().stream()
			.filter(v -> all.stream().noneMatch(r -> !r.retired() && r.key().getFirst().equals(v))).toList();
	}

	/** The key's values as the form names them, and the picked policy. */
	private PolicyRuleBook.Draft draft(Map<String, String> form) {
		return new PolicyRuleBook.Draft(rules.terms().key().stream().map(p -> form.get(p.field())).toList(),
				FieldErrors.pickedId(form.get("policyId")));
	}

	private String messages() {
		return rules.terms().messages();
	}
}
