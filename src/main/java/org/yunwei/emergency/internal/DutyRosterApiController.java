package org.yunwei.emergency.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.emergency.internal.DutyReading.RosterLine;
import org.yunwei.emergency.internal.DutyReading.RosterView;
import org.yunwei.emergency.internal.DutyReading.ShiftView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/duty-rosters")
@Tag(name = "On-duty rosters", description = "值守: rosters for normal days, holidays and key periods (重要保障期), "
		+ "their shifts (who is on duty, who leads), the gaps in their cover and the duty log with handovers; who is "
		+ "on duty now. Read with EMERGENCY_READ within the scope served; rosters and shifts kept with "
		+ "EMERGENCY_MANAGE, the log written with EMERGENCY_RESPOND.")
class DutyRosterApiController {

	private final DutyRostering rostering;
	private final DutyReading reading;

	DutyRosterApiController(DutyRostering rostering, DutyReading reading) {
		this.rostering = rostering;
		this.reading = reading;
	}

	@GetMapping
	@Operation(summary = "The rosters, latest first, each with whether its cover is complete")
	List<RosterLine> list() {
		return reading.list();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a roster for some days", description = "At most 366 days; 400 naming every refused "
			+ "field.")
	RosterView create(@RequestBody(required = false) DutyRostering.RosterDraft draft) {
		return reading.view(rostering.create(draft));
	}

	@GetMapping("/on-duty")
	@Operation(summary = "Who is on duty now, leads first")
	List<ShiftView> onDuty() {
		return reading.onDuty();
	}

	@GetMapping("/{id}")
	@Operation(summary = "A roster with its shifts, the periods nobody covers or leads, and its log")
	RosterView get(@PathVariable long id) {
		return reading.view(id);
	}

	@PostMapping("/{id}/shifts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a shift", description = "It starts within the roster's days and lasts at most a day.")
	RosterView addShift(@PathVariable long id, @RequestBody(required = false) DutyRostering.ShiftDraft draft) {
		rostering.addShift(id, draft);
		return reading.view(id);
	}

	@PostMapping("/{id}/logs")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write to the duty log, or hand over", description = "A handover names who takes over.")
	RosterView log(@PathVariable long id, @RequestBody(required = false) DutyRostering.LogDraft draft) {
		rostering.log(id, draft);
		return reading.view(id);
	}
}
