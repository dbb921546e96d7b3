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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/change-sla-rules")
@Tag(name = "Change SLA rules", description = "Which SLA clocks a change of a category and risk level runs (else the "
		+ "category's rule for ANY level, else none): the approval clock from submission to the approval decision "
		+ "(approvalMinutes, in business or calendar time) and the implementation clock from the actual start to the "
		+ "planned end (windowDeadline). Kept by holders of SLA_MANAGE, read also by management's and supervision's "
		+ "readers of changes. A clock already running keeps the terms it started with.")
class ChangeSlaRuleApiController {

	private final ChangeSlaRules rules;

	ChangeSlaRuleApiController(ChangeSlaRules rules) {
		this.rules = rules;
	}

	record ChangeSlaRuleForm(@Parameter(description = "STANDARD, NORMAL or EMERGENCY") String category,
			@Parameter(description = "ANY, LOW, MEDIUM, HIGH or CRITICAL") String riskLevel,
			@Parameter(description = "minutes from submission to the approval decision, 1–525600; none for a "
					+ "standard change") Integer approvalMinutes,
			@Parameter(description = "BUSINESS (default: working time of the default calendar) or CALENDAR")
			String approvalBasis,
			@Parameter(description = "whether the implementation runs against the planned end") Boolean windowDeadline,
			@Parameter(description = "warning threshold in percent of the target, 1–99 (default 75)")
			Integer warningPercent,
			@Parameter(description = "the version read, for an edit (409 when the rule changed meanwhile)")
			Integer version) {

		ChangeSlaRules.Draft draft() {
			return new ChangeSlaRules.Draft(category, riskLevel, approvalMinutes, approvalBasis, windowDeadline,
					warningPercent);
		}
	}

	@GetMapping
	@Operation(summary = "The SLA rules of changes", description = "Live rules by category and level; retired ones "
			+ "too with `retired=true`.")
	List<ChangeSlaRule> list(@RequestParam(defaultValue = "false") boolean retired) {
		return rules.all(retired);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One SLA rule")
	ChangeSlaRule read(@PathVariable long id) {
		return rules.find(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an SLA rule", description = "400 naming every refused field (a rule must set an "
			+ "approval time or the window deadline; a standard change has no approval time); 409 `duplicate` on "
			+ "`riskLevel` when a live rule already answers for the category and level.")
	ChangeSlaRule create(@RequestBody(required = false) ChangeSlaRuleForm form) {
		return rules.create(form == null ? null : form.draft());
	}

	@PutMapping("/{id}")
	@Operation(summary = "Edit a live SLA rule", description = "400 naming every refused field; 409 when retired or "
			+ "changed meanwhile. Running clocks keep their terms.")
	ChangeSlaRule edit(@PathVariable long id, @RequestBody(required = false) ChangeSlaRuleForm form) {
		return rules.edit(id, form == null ? null : form.version(), form == null ? null : form.draft());
	}

	@PostMapping("/{id}/retire")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Retire an SLA rule", description = "Kept on record; changes then go by the category's ANY "
			+ "rule, else run no clocks.")
	void retire(@PathVariable long id, @RequestParam(required = false) Integer version) {
		rules.retire(id, version);
	}
}
