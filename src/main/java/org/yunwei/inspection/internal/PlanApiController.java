package org.yunwei.inspection.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.inspection.internal.PlanReading.PlanLine;
import org.yunwei.inspection.internal.PlanReading.PlanView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/inspection-plans")
@Tag(name = "Inspection plans", description = "巡检计划: a template on a schedule (DAILY, WEEKLY on a weekday, MONTHLY "
		+ "on day 1–28), on the working days of a business calendar (holidays skipped, 调休 make-up workdays "
		+ "included; a weekly or monthly day that is no working day moves to the next working day) or on every day; "
		+ "targets (configuration items of the template's class, or places) and a rota of assignees. Tasks are "
		+ "generated for each target on each such day, once per cluster; a task not done by its due time is "
		+ "escalated to the plan's owner. Read with INSPECTION_READ, kept with INSPECTION_MANAGE, own party's "
		+ "(management and supervision read every party's).")
class PlanApiController {

	private final PlanKeeping keeping;
	private final PlanReading reading;

	PlanApiController(PlanKeeping keeping, PlanReading reading) {
		this.keeping = keeping;
		this.reading = reading;
	}

	@GetMapping
	@Operation(summary = "The plans I may read, by name")
	List<PlanLine> list() {
		return reading.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A new plan of my party, owned by me", description = "`ciIds` for a template of items or "
			+ "application systems, `locations` for one of places; `assigneeIds` people of my party who do "
			+ "inspections. 400 naming the refused fields.")
	PlanView create(@RequestBody(required = false) PlanDraft draft) {
		return reading.view(keeping.create(draft));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A plan with its targets, rota and the next days its tasks fall on")
	PlanView get(@PathVariable long id) {
		return reading.view(id);
	}

	@org.springframework.web.bind.annotation.PutMapping("/{id}")
	@Operation(summary = "Change a plan", description = "The whole plan but its template (which stays; 400 naming "
			+ "`templateId` for another). The tasks already generated stay; a target taken out makes no more tasks; "
			+ "generation goes on from the day after the last generated. `frequency` CRON with `cron` (five fields: "
			+ "minute hour day-of-month month day-of-week) runs on the days the expression fires.")
	PlanView update(@PathVariable long id, @RequestBody(required = false) PlanDraft draft) {
		keeping.update(id, draft);
		return reading.view(id);
	}

	@PostMapping("/{id}/pause")
	@Operation(summary = "Pause a plan: it generates no more tasks; 409 when paused already")
	PlanView pause(@PathVariable long id) {
		keeping.pause(id);
		return reading.view(id);
	}

	@PostMapping("/{id}/resume")
	@Operation(summary = "Resume a paused plan; 409 when it runs")
	PlanView resume(@PathVariable long id) {
		keeping.resume(id);
		return reading.view(id);
	}
}
