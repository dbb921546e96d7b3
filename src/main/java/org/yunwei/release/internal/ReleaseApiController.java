package org.yunwei.release.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetPage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/releases")
@Tag(name = "Releases", description = "发布管理: releases with their scope (CMDB items), the changes they deliver, the "
		+ "release plan with its date and known errors, approval through the approval module, the deployment record "
		+ "and the completion record, on which the CMDB records the version each application system in scope runs. "
		+ "Reading needs RELEASE_READ (customers read the releases reaching their units); keeping needs "
		+ "RELEASE_MANAGE. A provider sees its own releases; another party's release is 404.")
class ReleaseApiController {

	private final ReleaseRegister register;
	private final ReleaseReading reading;
	private final ReleaseList list;

	ReleaseApiController(ReleaseRegister register, ReleaseReading reading, ReleaseList list) {
		this.register = register;
		this.reading = reading;
		this.list = list;
	}

	/** What a release manager writes. */
	record ReleaseForm(String title, @Parameter(description = "MAJOR, MINOR or EMERGENCY") String type,
			@Parameter(description = "the version deployed, e.g. V2.4.0") String releaseVersion,
			@Parameter(description = "configuration items in scope; none retired") List<Long> ciIds,
			@Parameter(description = "changes delivered: approved, or implemented with success") List<Long> changeIds,
			@Parameter(description = "the release plan (发布方案)") String plan,
			@Parameter(description = "not in the past") Instant plannedAt,
			@Parameter(description = "known errors (已知错误) it goes out with") String knownErrors) {
	}

	record DeploymentForm(Instant startedAt, @Parameter(description = "not before startedAt, not in the future")
	Instant endedAt, List<DeploymentStepForm> steps) {
	}

	record DeploymentStepForm(String description, Boolean succeeded,
			@Parameter(description = "required for a failed step") String result) {
	}

	record CompletionForm(@Parameter(description = "the completion record (发布完成信息记录)") String note) {
	}

	record ReleaseCancelForm(String reason) {
	}

	/** A configuration item the release brings, registered in the CMDB on completion. */
	record ReleaseNewItemForm(@Parameter(description = "an enabled CI class (GET /api/v1/ci-classes)") Long classId,
			String name,
			@Parameter(description = "the customer unit it serves; none for shared infrastructure") Long customerUnitId,
			String ipAddress,
			@Parameter(description = "the class's attribute values by attribute code; required ones required")
			java.util.Map<String, Object> attributes,
			@Parameter(description = "an item in the release's scope the new item relates to") Long relatedItemId,
			@Parameter(description = "RUNS_ON, DEPENDS_ON, INSTALLED_ON, BACKED_UP_BY, CONTAINS or CONNECTED_TO: the "
					+ "new item (source) to the related item") String relationType) {

		org.yunwei.cmdb.ConfigurationItemProposal proposal() {
			return new org.yunwei.cmdb.ConfigurationItemProposal(classId, name, customerUnitId, ipAddress, attributes,
					relatedItemId, relationType);
		}
	}

	private static ReleaseContent content(ReleaseForm form) {
		FieldErrors errors = new FieldErrors();
		ReleaseForm f = form == null ? new ReleaseForm(null, null, null, null, null, null, null, null) : form;
		ReleaseContent content = ReleaseContent.read(f.title(), f.type(), f.releaseVersion(), f.ciIds(), f.changeIds(),
				f.plan(), f.plannedAt(), f.knownErrors(), Instant.now(), errors);
		errors.throwIfAny();
		return content;
	}

	@GetMapping
	@Operation(summary = "Releases in my scope", description = "Keyset pages: pass `next` as `cursor`. `sort`: updated "
			+ "(newest first, the default) or planned (soonest planned date first). `q` finds a number, title or "
			+ "version; `ciId` the releases reaching an item; `changeId` those delivering a change.")
	KeysetPage<ReleaseLine> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String type, @RequestParam(required = false) Long ciId,
			@RequestParam(required = false) Long changeId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit) {
		return list.page(new ReleaseFilter(status, type, ciId, changeId, q, sort), cursor, limit);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Plan a release (a draft)", description = "400 naming every refused field: a planned date in "
			+ "the past, a retired or unknown item, a change neither approved nor implemented with success.")
	ReleaseView create(@RequestBody(required = false) ReleaseForm form) {
		return reading.view(register.create(() -> content(form)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A release with its plan, approval, deployment and completion records")
	ReleaseView get(@PathVariable long id) {
		return reading.view(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a release's content", description = "Under approval or approved, the release goes to "
			+ "approval again; the approval of the content as submitted no longer counts. 409 once deployed.")
	ReleaseView edit(@PathVariable long id, @RequestBody(required = false) ReleaseForm form) {
		return reading.view(register.edit(id, () -> content(form)));
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Submit for approval", description = "422 without a plan, a planned date or an item in scope; "
			+ "409 unless a draft.")
	ReleaseView submit(@PathVariable long id) {
		return reading.view(register.submit(id));
	}

	@PostMapping("/{id}/deployment")
	@Operation(summary = "Record the deployment (部署记录)", description = "Who is the signed-in person. 409 unless "
			+ "approved; 400 for an end before the start or in the future, no step, a failed step without its result.")
	ReleaseView deploy(@PathVariable long id, @RequestBody(required = false) DeploymentForm form) {
		FieldErrors errors = new FieldErrors();
		DeploymentDraft draft = DeploymentDraft.read(form == null ? null : form.startedAt(),
				form == null ? null : form.endedAt(), form == null || form.steps() == null ? null
						: form.steps().stream()
							.map(s -> s == null ? null
									: new DeploymentDraft.StepDraft(s.description(), s.succeeded(), s.result()))
							.toList(),
				errors);
		errors.throwIfAny();
		return reading.view(register.deploy(id, draft.startedAt(), draft.endedAt(), draft.steps()));
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Write the completion record and complete the release", description = "The CMDB records the "
			+ "release's version on each application system in scope and registers the new items it brings, in one "
			+ "transaction. 409 before the deployment is recorded; 422 naming `newItems[key].<field>` when the CMDB "
			+ "refuses a new item now (nothing is changed then).")
	ReleaseView complete(@PathVariable long id, @RequestBody(required = false) CompletionForm form) {
		return reading.view(register.complete(id, form == null ? null : form.note()));
	}

	@PostMapping("/{id}/new-items")
	@Operation(summary = "List a new configuration item the release brings", description = "Checked now against the "
			+ "CMDB's rules for a new item of the class: 400 naming each field (`classId`, `name`, `customerUnitId`, "
			+ "`ipAddress`, `attributes.<code>`, `relatedItemId` — an item in the release's scope —, `relationType`). "
			+ "Registered in the CMDB, in use, with its relation, when the release is completed; the release's approval "
			+ "stands for the CMDB's review. Under approval or approved, the release goes to approval again. 409 once "
			+ "deployed.")
	ReleaseView addNewItem(@PathVariable long id, @RequestBody(required = false) ReleaseNewItemForm form) {
		ReleaseNewItemForm f = form == null ? new ReleaseNewItemForm(null, null, null, null, null, null, null) : form;
		return reading.view(register.addNewItem(id, f.proposal()));
	}

	@DeleteMapping("/{id}/new-items/{key}")
	@Operation(summary = "Take a new configuration item off the release", description = "`key` is the entry's "
			+ "`key`. Under approval or approved, the release goes to approval again. 409 once deployed.")
	ReleaseView removeNewItem(@PathVariable long id, @PathVariable int key) {
		return reading.view(register.removeNewItem(id, key));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a release not yet deployed, with the reason")
	ReleaseView cancel(@PathVariable long id, @RequestBody(required = false) ReleaseCancelForm form) {
		return reading.view(register.cancel(id, form == null ? null : form.reason()));
	}
}
