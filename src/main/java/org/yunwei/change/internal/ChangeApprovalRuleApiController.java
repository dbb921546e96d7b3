package org.yunwei.change.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.approval.PolicyRuleBook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/change-approval-rules")
@Tag(name = "Change approval rules", description = "Which approval policy a change of a category and risk level goes "
		+ "to at submission (else the category's rule for ANY level, else the installation's default policy); "
		+ "FREEZE_OVERRIDE/ANY names the policy of the override an emergency change in a freeze window needs. Kept by "
		+ "holders of APPROVAL_POLICY_MANAGE, read also by management's and supervision's readers of changes. A "
		+ "change already submitted keeps the policy chosen then.")
class ChangeApprovalRuleApiController {

	private final ChangeApprovalRules rules;

	ChangeApprovalRuleApiController(ChangeApprovalRules rules) {
		this.rules = rules;
	}

	record ChangeApprovalRuleForm(@Parameter(description = "NORMAL, EMERGENCY or FREEZE_OVERRIDE") String category,
			@Parameter(description = "ANY, LOW, MEDIUM, HIGH or CRITICAL; FREEZE_OVERRIDE takes ANY only")
			String riskLevel,
			@Parameter(description = "an active approval policy") Long policyId,
			@Parameter(description = "the version read, for an edit (409 when the rule changed meanwhile)")
			Integer version) {

		PolicyRuleBook.Draft draft() {
			return PolicyRuleBook.Draft.of(policyId, category, riskLevel);
		}
	}

	@GetMapping
	@Operation(summary = "The approval rules", description = "Live rules by category and level; retired ones too "
			+ "with `retired=true`.")
	List<ChangeApprovalRule> list(@RequestParam(defaultValue = "false") boolean retired) {
		return rules.all(retired).stream().map(ChangeApprovalRule::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One rule")
	ChangeApprovalRule read(@PathVariable long id) {
		return ChangeApprovalRule.of(rules.find(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a rule", description = "400 naming every refused field; 409 `duplicate` on "
			+ "`riskLevel` when a live rule already answers for the category and level.")
	ChangeApprovalRule create(@RequestBody(required = false) ChangeApprovalRuleForm form) {
		return ChangeApprovalRule.of(rules.create(form == null ? null : form.draft()));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit a live rule", description = "400 naming every refused field; 409 when retired or "
			+ "changed meanwhile.")
	ChangeApprovalRule edit(@PathVariable long id, @RequestBody(required = false) ChangeApprovalRuleForm form) {
		return ChangeApprovalRule.of(
				rules.edit(id, form == null ? null : form.version(), form == null ? null : form.draft()));
	}

	@PostMapping("/{id}/retire")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Retire a rule", description = "Kept on record; changes then go by the next rule that "
			+ "answers (the category's ANY rule, else the default policy).")
	void retire(@PathVariable long id, @RequestParam(required = false) Integer version) {
		rules.retire(id, version);
	}
}
