package org.yunwei.change.internal;

import java.time.Instant;
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
import org.yunwei.web.FieldErrors;
import org.yunwei.web.KeysetPage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/changes")
@Tag(name = "Changes", description = "变更管理: change requests with their risk and impact assessment (from the CMDB's "
		+ "impact analysis, the items' criticality and history), implementation plan, rollback plan, approval through "
		+ "the approval module, implementation, outcome and review. Reading needs CHANGE_READ (customers read the "
		+ "changes affecting their units); keeping needs CHANGE_MANAGE. A provider sees its own changes; another "
		+ "party's change is 404.")
class ChangeApiController {

	private final ChangeRegister register;
	private final ChangeReading reading;
	private final ChangeList list;
	private final ChangeCalendar calendar;
	private final ChangeFixes fixes;

	ChangeApiController(ChangeRegister register, ChangeReading reading, ChangeList list, ChangeCalendar calendar,
			ChangeFixes fixes) {
		this.fixes = fixes;
		this.register = register;
		this.reading = reading;
		this.list = list;
		this.calendar = calendar;
	}

	/** What a requester writes. */
	record ChangeForm(String title, String necessity, String reason,
			@Parameter(description = "STANDARD, NORMAL or EMERGENCY") String category,
			@Parameter(description = "INFRASTRUCTURE, NETWORK, APPLICATION, DATABASE, SECURITY, CONFIGURATION, DATA")
			String type,
			@Parameter(description = "affected configuration items; none retired") List<Long> ciIds,
			List<StepForm> steps, String rollbackPlan, Instant plannedStart,
			@Parameter(description = "after plannedStart") Instant plannedEnd) {

		ChangeContent content(FieldErrors errors) {
			return ChangeContent.read(title, necessity, reason, category, type, ciIds,
					steps == null ? null : steps.stream()
						.map(s -> s == null ? null : new ChangeContent.StepDraft(s.description(), s.ownerId()))
						.toList(),
					rollbackPlan, plannedStart, plannedEnd, errors);
		}
	}

	record StepForm(String description, Long ownerId) {
	}

	record RiskForm(@Parameter(description = "LOW, MEDIUM, HIGH or CRITICAL") String riskLevel,
			@Parameter(description = "required when the level differs from the computed one") String justification) {
	}

	record StepResultForm(Boolean succeeded, String result) {
	}

	record OutcomeForm(@Parameter(description = "SUCCESSFUL, ROLLED_BACK or REMEDIED") String outcome,
			@Parameter(description = "required for a failed change") String note) {
	}

	record ReviewForm(String review) {
	}

	record ChangeCancelForm(String reason) {
	}

	private static ChangeContent content(ChangeForm form) {
		FieldErrors errors = new FieldErrors();
		ChangeContent content = form == null
				? ChangeContent.read(null, null, null, null, null, null, null, null, null, null, errors)
				: form.content(errors);
		errors.throwIfAny();
		return content;
	}

	@GetMapping
	@Operation(summary = "Changes in my scope", description = "Keyset pages: pass `next` as `cursor`. `sort`: updated "
			+ "(newest change first, the default) or planned (soonest planned start first). `q` finds a number or a "
			+ "title; `ciId` the changes on an item.")
	KeysetPage<ChangeLine> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String category, @RequestParam(required = false) String riskLevel,
			@RequestParam(required = false) Long ciId, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit) {
		return list.page(new ChangeFilter(status, category, riskLevel, ciId, q, sort), cursor, limit);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Raise a change (a draft)", description = "The risk is assessed from the items at once. 400 "
			+ "naming every refused field: a planned end before its start, a retired or unknown item, a step without "
			+ "its owner.")
	ChangeView create(@RequestBody(required = false) ChangeForm form) {
		return reading.view(register.create(() -> content(form)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A change with its assessment, plan, approval, implementation and review")
	ChangeView get(@PathVariable long id) {
		return reading.view(id);
	}

	@GetMapping("/{id}/conflicts")
	@Operation(summary = "The changes in my scope planned at overlapping times on a same item")
	List<ChangeCalendar.Conflict> conflicts(@PathVariable long id) {
		return calendar.conflictsOf(register.get(id));
	}

	record ChangeFixesForm(@Parameter(description = "incidents the change fixes (replaces the former list)")
	List<Long> ticketIds, @Parameter(description = "problems the change fixes (replaces the former list)")
	List<Long> problemIds) {
	}

	@GetMapping("/{id}/fixes")
	@Operation(summary = "The incidents and problems the change fixes that I may see")
	ChangeFixes.ChangeFixesView fixes(@PathVariable long id) {
		register.get(id);
		return fixes.of(id);
	}

	@PutMapping("/{id}/fixes")
	@Operation(summary = "Set the incidents and problems the change fixes", description = "The lists replace the "
			+ "former ones (at most 50 each). 400 `ticketIds` for a ticket unknown, invisible to me or not an "
			+ "incident; 400 `problemIds` for a problem unknown or invisible; 409 for a cancelled change. The ticket's "
			+ "and the problem's pages then show the change.")
	ChangeFixes.ChangeFixesView setFixes(@PathVariable long id,
			@RequestBody(required = false) ChangeFixesForm form) {
		return fixes.set(id, form == null ? null : form.ticketIds(), form == null ? null : form.problemIds());
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a change's content", description = "Under approval or approved, the change goes to "
			+ "approval again under the same policy; the approval of the content as submitted no longer counts. 409 "
			+ "once implementation has begun.")
	ChangeView edit(@PathVariable long id, @RequestBody(required = false) ChangeForm form) {
		return reading.view(register.edit(id, () -> content(form)));
	}

	@PostMapping("/{id}/risk")
	@Operation(summary = "Set the risk level (with a justification when it differs from the computed one)")
	ChangeView risk(@PathVariable long id, @RequestBody(required = false) RiskForm form) {
		return reading.view(register.assessRisk(id, form == null ? null : form.riskLevel(),
				form == null ? null : form.justification()));
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Submit for approval", description = "A standard change is accepted at once; any other goes "
			+ "to the approval module under the policy for its category and risk level. 422 without a rollback plan, "
			+ "a planned window, a step or an item; 409 unless a draft.")
	ChangeView submit(@PathVariable long id) {
		return reading.view(register.submit(id));
	}

	@PostMapping("/{id}/start")
	@Operation(summary = "Begin implementation (actual start now)", description = "409 unless approved.")
	ChangeView start(@PathVariable long id) {
		return reading.view(register.start(id));
	}

	@PostMapping("/{id}/steps/{position}/result")
	@Operation(summary = "Record a plan step's result during implementation",
			description = "A failed step needs a result text.")
	ChangeView step(@PathVariable long id, @PathVariable int position,
			@RequestBody(required = false) StepResultForm form) {
		return reading.view(register.recordStep(id, position, form == null ? null : form.succeeded(),
				form == null ? null : form.result()));
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "End implementation with its outcome", description = "A rolled back or remedied change needs "
			+ "a note of what happened.")
	ChangeView complete(@PathVariable long id, @RequestBody(required = false) OutcomeForm form) {
		return reading.view(register.complete(id, form == null ? null : form.outcome(),
				form == null ? null : form.note()));
	}

	@PostMapping("/{id}/review")
	@Operation(summary = "Record the post-implementation review, which closes the change")
	ChangeView review(@PathVariable long id, @RequestBody(required = false) ReviewForm form) {
		return reading.view(register.review(id, form == null ? null : form.review()));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a change not yet implemented, with the reason")
	ChangeView cancel(@PathVariable long id, @RequestBody(required = false) ChangeCancelForm form) {
		return reading.view(register.cancel(id, form == null ? null : form.reason()));
	}
}
