package org.yunwei.personnel.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.personnel.internal.AppraisalDrafts.AppraisalDraft;
import org.yunwei.personnel.internal.AppraisalDrafts.SheetDraft;
import org.yunwei.personnel.internal.Appraisals.AppraisalView;
import org.yunwei.personnel.internal.Appraisals.SheetView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Appraisals", description = "考核: score sheets defined by management's keepers (items such as 创新意识, "
		+ "专业发挥能力, 跨部门协作, 计划性及时性, 团队执行力 with weights adding up to 100), and periodic appraisals of staff "
		+ "members whose automatic items take the service desk's figures of the period for the person (TICKET_TIMELINESS: "
		+ "resolution SLA attainment in percent; TICKET_QUALITY: mean satisfaction rating × 20). The total is the "
		+ "weighted sum, to one decimal. PERSONNEL_READ reads, PERSONNEL_MANAGE appraises. Lists give the latest 200.")
class AppraisalApiController {

	private final Appraisals appraisals;

	AppraisalApiController(Appraisals appraisals) {
		this.appraisals = appraisals;
	}

	@GetMapping("/api/v1/appraisals/sheets")
	@Operation(summary = "The score sheets with their items")
	List<SheetView> sheets() {
		return appraisals.sheets();
	}

	@PostMapping("/api/v1/appraisals/sheets")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Define a score sheet (management's keepers)", description = "400 when the weights do not add "
			+ "up to 100, naming the refused items; 409 for a name taken.")
	SheetView defineSheet(@RequestBody(required = false) SheetDraft draft) {
		return appraisals.sheet(appraisals.sheet(draft == null ? new SheetDraft(null, null, null) : draft));
	}

	@GetMapping("/api/v1/appraisals/sheets/{id}")
	@Operation(summary = "A score sheet")
	SheetView sheet(@PathVariable long id) {
		return appraisals.sheet(id);
	}

	@GetMapping("/api/v1/appraisals")
	@Operation(summary = "Appraisals in my scope, of one staff record or all, the latest period first, in keyset "
			+ "pages", description = "`limit` 1 to 200 (50 by default); pass `next` back as `cursor` for the next page.")
	org.yunwei.web.KeysetPage<AppraisalView> list(@RequestParam(required = false) Long staffId,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
		return appraisals.appraisals(staffId, cursor, limit);
	}

	@PostMapping("/api/v1/appraisals")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Appraise a staff member for a period on a sheet", description = "`scores` give each manual "
			+ "item's score (0–100, one decimal), and an automatic item's when the service desk has no figure for the "
			+ "person in the period; an automatic item with a figure takes the figure.")
	AppraisalView appraise(@RequestBody(required = false) AppraisalDraft draft) {
		return appraisals.appraisal(appraisals.appraise(draft == null
				? new AppraisalDraft(null, null, null, null, null, null) : draft));
	}

	@GetMapping("/api/v1/appraisals/{id}")
	@Operation(summary = "An appraisal with its item scores and their basis")
	AppraisalView appraisal(@PathVariable long id) {
		return appraisals.appraisal(id);
	}
}
