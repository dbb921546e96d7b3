package org.yunwei.release.internal;

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
@RequestMapping("/api/v1/release-approval-rules")
@Tag(name = "Release approval rules", description = "Which approval policy a release of a type (MAJOR, MINOR, "
		+ "EMERGENCY) goes to at submission; a type without a live rule goes to the installation's default policy (the "
		+ "approval module's built-in one: the requester's unit lead). Kept by holders of APPROVAL_POLICY_MANAGE, read "
		+ "also by management's and supervision's readers of releases. A release already submitted keeps the policy "
		+ "chosen then, also when edited under approval.")
class ReleaseApprovalRuleApiController {

	private final ReleaseApprovalRules rules;

	ReleaseApprovalRuleApiController(ReleaseApprovalRules rules) {
		this.rules = rules;
	}

	record ReleaseApprovalRuleForm(@Parameter(description = "MAJOR, MINOR or EMERGENCY") String releaseType,
			@Parameter(description = "an active approval policy") Long policyId,
			@Parameter(description = "the version read, for an edit (409 when the rule changed meanwhile)")
			Integer version) {

		PolicyRuleBook.Draft draft() {
			return PolicyRuleBook.Draft.of(policyId, releaseType);
		}
	}

	@GetMapping
	@Operation(summary = "The release approval rules", description = "Live rules by type; retired ones too with "
			+ "`retired=true`.")
	List<ReleaseApprovalRule> list(@RequestParam(defaultValue = "false") boolean retired) {
		return rules.all(retired).stream().map(ReleaseApprovalRule::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One release approval rule")
	ReleaseApprovalRule read(@PathVariable long id) {
		return ReleaseApprovalRule.of(rules.find(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a release approval rule", description = "400 naming every refused field; 409 "
			+ "`duplicate` on `releaseType` when a live rule already answers for the type.")
	ReleaseApprovalRule create(@RequestBody(required = false) ReleaseApprovalRuleForm form) {
		return ReleaseApprovalRule.of(rules.create(form == null ? null : form.draft()));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit a live release approval rule", description = "400 naming every refused field; 409 when "
			+ "retired or changed meanwhile.")
	ReleaseApprovalRule edit(@PathVariable long id, @RequestBody(required = false) ReleaseApprovalRuleForm form) {
		return ReleaseApprovalRule.of(
				rules.edit(id, form == null ? null : form.version(), form == null ? null : form.draft()));
	}

	@PostMapping("/{id}/retire")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Retire a release approval rule", description = "Kept on record; releases of the type then go "
			+ "to the default policy until a new rule is made.")
	void retire(@PathVariable long id, @RequestParam(required = false) Integer version) {
		rules.retire(id, version);
	}
}
