package org.yunwei.emergency.internal;

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
import org.yunwei.approval.ApprovalState;
import org.yunwei.emergency.internal.EmergencyPlanReading.EmergencyPlanLine;
import org.yunwei.emergency.internal.EmergencyPlanReading.EmergencyPlanView;
import org.yunwei.emergency.internal.EmergencyPlanReading.VersionLine;
import org.yunwei.web.KeysetPage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/emergency-plans")
@Tag(name = "Emergency plans", description = "应急预案: per scenario, application system and site, with the event "
		+ "levels and their criteria, the response organisation (roles, people, backup posts) and the procedure's "
		+ "steps. Read with EMERGENCY_READ within the scope served; written by EMERGENCY_MANAGE of the plan's "
		+ "party; every version approved through the approval module before events may follow it.")
class EmergencyPlanApiController {

	private final EmergencyPlanAuthoring authoring;
	private final EmergencyPlanApproval approval;
	private final EmergencyPlanReading reading;

	EmergencyPlanApiController(EmergencyPlanAuthoring authoring, EmergencyPlanApproval approval, EmergencyPlanReading reading) {
		this.authoring = authoring;
		this.approval = approval;
		this.reading = reading;
	}

	@GetMapping
	@Operation(summary = "The plan library, newest change first",
			description = "Keyset pages: pass `next` as `cursor`. `q` matches the title, scenario, application "
					+ "system or site; `status`: DRAFT, IN_REVIEW, APPROVED, RETIRED.")
	KeysetPage<EmergencyPlanLine> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit) {
		return reading.list(q, status, cursor, limit);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write a new plan, a draft", description = "400 naming every refused field, e.g. "
			+ "`steps[1].title`; the people of the roles must be enabled people of the author's party.")
	EmergencyPlanView create(@RequestBody(required = false) EmergencyPlanDraft draft) {
		return reading.view(authoring.create(draft));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A plan's working copy, with the names of its people and who acts for each backup post now")
	EmergencyPlanView get(@PathVariable long id) {
		return reading.view(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Revise the working copy", description = "An approved plan gets a draft revision; events "
			+ "keep following the approved version until the revision is approved. 409 in review or retired.")
	EmergencyPlanView revise(@PathVariable long id, @RequestBody(required = false) EmergencyPlanDraft draft) {
		authoring.revise(id, draft);
		return reading.view(id);
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Submit the draft for approval", description = "Records it as the next version and asks the "
			+ "approval module for that version's content hash. 409 for a plan that is no draft.")
	ApprovalState submit(@PathVariable long id) {
		return approval.submit(id);
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "Withdraw the version under review", description = "409 when none is.")
	ApprovalState withdraw(@PathVariable long id) {
		return approval.withdraw(id);
	}

	@PostMapping("/{id}/retire")
	@Operation(summary = "Retire a plan: no new event may follow it", description = "409 in review or retired.")
	EmergencyPlanView retire(@PathVariable long id) {
		authoring.retire(id);
		return reading.view(id);
	}

	@GetMapping("/{id}/versions")
	@Operation(summary = "The versions of a plan, newest first, with their approval request and decision")
	List<VersionLine> versions(@PathVariable long id) {
		return reading.versions(id);
	}
}
