package org.yunwei.approval.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/approval-policies")
@Tag(name = "Approval policies", description = "审批流程: ordered stages, each needing ANY one, ALL or N_OF its "
		+ "approvers (PERSON, ROLE within a party or unit, POST — its holder, or the backup while the holder is "
		+ "absent —, or UNIT_LEAD, the requester's unit lead), an optional condition on the request's facts "
		+ "(`amount >= 10000 and risk in ('HIGH', 'CRITICAL')`; a stage whose condition is false is skipped) and an "
		+ "optional time limit in business minutes. Kept by APPROVAL_POLICY_MANAGE; supervision reads; everyone "
		+ "else gets 403. A change of stages makes a new version; open requests keep the version they started with.")
class ApprovalPolicyApiController {

	private final PolicyReading reading;
	private final PolicyAdministration administration;

	ApprovalPolicyApiController(PolicyReading reading, PolicyAdministration administration) {
		this.reading = reading;
		this.administration = administration;
	}

	/** A policy as the API takes it. */
	record PolicyForm(String name, String description, Boolean requesterMayApprove, List<StageForm> stages) {

		PolicyDraft draft() {
			return new PolicyDraft(name, description, Boolean.TRUE.equals(requesterMayApprove),
					stages == null ? List.of() : stages.stream().map(StageForm::stage).toList());
		}
	}

	/** A stage as the API takes it; {@code requiredCount} counts only for N_OF. */
	record StageForm(String name, StageRule rule, Integer requiredCount, String condition, Integer timeLimitMinutes,
			List<StageApprover> approvers) {

		PolicyStage stage() {
			return new PolicyStage(0, name, rule, requiredCount == null ? 1 : requiredCount, condition,
					timeLimitMinutes, approvers == null ? List.of()
							: approvers.stream().filter(java.util.Objects::nonNull).toList());
		}
	}

	@GetMapping
	@Operation(summary = "Every policy, the retired last, by name")
	List<ApprovalPolicy> list() {
		return reading.list();
	}

	@GetMapping("/{id}")
	@Operation(summary = "A policy with its current version's stages")
	PolicyView get(@PathVariable long id) {
		return reading.view(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a policy",
			description = "422 for no stages, a stage without approvers (`empty-stage`), an approver that does not "
					+ "exist, or a condition that does not parse (`condition-syntax`, naming the stage and the "
					+ "character position); 400 for a missing or taken name.")
	PolicyView create(@RequestBody PolicyForm form) {
		return reading.view(administration.create(form.draft()));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Revise a policy: a change of its stages or requester rule is its next version")
	PolicyView update(@PathVariable long id, @RequestBody PolicyForm form) {
		administration.revise(id, form.draft());
		return reading.view(id);
	}

	@PostMapping("/{id}/retire")
	@Operation(summary = "Retire a policy: no new requests use it; open ones run on. 422 for the built-in one.")
	PolicyView retire(@PathVariable long id) {
		administration.retire(id, true);
		return reading.view(id);
	}

	@PostMapping("/{id}/reinstate")
	@Operation(summary = "Put a retired policy back in use")
	PolicyView reinstate(@PathVariable long id) {
		administration.retire(id, false);
		return reading.view(id);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a policy no request ever used (409 otherwise: retire it)")
	void delete(@PathVariable long id) {
		administration.delete(id);
	}

	/** A sample request for the preview. */
	record Sample(Long requesterId, Map<String, Object> facts) {
	}

	@PostMapping("/{id}/preview")
	@Operation(summary = "Who would approve a sample request: each stage, whether it applies, and its people now")
	PolicyPreview preview(@PathVariable long id, @RequestBody Sample sample) {
		return reading.preview(id, sample.requesterId(), sample.facts());
	}
}
