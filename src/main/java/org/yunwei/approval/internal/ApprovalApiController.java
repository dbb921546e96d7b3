package org.yunwei.approval.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.approval.ApprovalState;
import org.yunwei.web.KeysetPage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "Approvals", description = "审批: the requests other modules open for a record at one version (a content "
		+ "hash), and the decisions of their approvers. Everyone signed in has an inbox of what waits for them "
		+ "(as approver, as a post's backup while its holder is absent, or as a delegate) and reads the requests "
		+ "they asked for, were asked to decide, or keep the policies of (APPROVAL_POLICY_MANAGE, within scope); "
		+ "others get 404. Supervision reads and never decides (403).")
class ApprovalApiController {

	private final ApprovalReading reading;
	private final ApprovalProcess process;

	ApprovalApiController(ApprovalReading reading, ApprovalProcess process) {
		this.reading = reading;
		this.process = process;
	}

	@GetMapping
	@Operation(summary = "What waits for my decision, newest first; or what I decided (tab=decided)",
			description = "Keyset pages: pass `next` as `cursor` for the next page.")
	KeysetPage<?> mine(@Parameter(description = "waiting (default) or decided") @RequestParam(required = false) String tab,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		if (tab == null || tab.equals("waiting")) {
			return reading.waiting(cursor, limit);
		}
		if (tab.equals("decided")) {
			return reading.decided(cursor, limit);
		}
		throw org.yunwei.web.RejectedRequest.invalidField("tab", "approval.tab.unknown");
	}

	@GetMapping("/{id}")
	@Operation(summary = "A request with its stages, approvers and decisions, and what I may do with it")
	RequestView get(@PathVariable long id) {
		return reading.view(id);
	}

	/** A decision as the API takes it. */
	record DecisionForm(@Parameter(description = "APPROVE, REJECT or RETURN") DecisionKind decision, String reason) {
	}

	@PostMapping("/{id}/decisions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Decide in the waiting stage: approve, reject or return for changes",
			description = "`reason` is required to REJECT or RETURN (400). 403 when I am not an approver of the "
					+ "waiting stage now (a delegation or a post's cover outside its period counts as none); 409 "
					+ "when I (or the seat I would fill) decided in this stage already or the request has ended; "
					+ "422 when I asked for it and the policy does not let requesters approve.")
	ApprovalState decide(@PathVariable long id, @RequestBody DecisionForm form) {
		return process.decide(id, form.decision(), form.reason());
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "Withdraw my open request", description = "403 for anyone but the requester; 409 once ended.")
	ApprovalState withdraw(@PathVariable long id) {
		return process.withdraw(id);
	}

	/** A person to add to the waiting stage. */
	record CoApproverForm(Long personId) {
	}

	@PostMapping("/{id}/co-approvers")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Add a co-approver to the waiting stage (会签)",
			description = "Only an approver of the waiting stage may add one; in a stage that needs all its "
					+ "approvers, the co-approver is needed too. 409 for someone already an approver of the stage.")
	void addCoApprover(@PathVariable long id, @RequestBody CoApproverForm form) {
		process.addCoApprover(id, form.personId());
	}
}
