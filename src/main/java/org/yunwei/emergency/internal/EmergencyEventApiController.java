package org.yunwei.emergency.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.emergency.internal.EmergencyEventReading.EntryView;
import org.yunwei.emergency.internal.EmergencyEventReading.EventLine;
import org.yunwei.emergency.internal.EmergencyEventReading.EventView;
import org.yunwei.web.KeysetPage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/emergency-events")
@Tag(name = "Emergency events", description = "应急事件: declared from an incident or directly, at a level "
		+ "(特别重大/重大/较大/一般); the approved plan's procedure is the checklist; every step, action of a phase "
		+ "(应急调度, 诊断分析, 沟通确认, 处置恢复), escalation and the closure is on the timeline with its instant "
		+ "(microseconds) and who did it. Read with EMERGENCY_READ within the scope served; responded to with "
		+ "EMERGENCY_RESPOND.")
class EmergencyEventApiController {

	private final EmergencyEventResponse response;
	private final EmergencyEventReading reading;

	EmergencyEventApiController(EmergencyEventResponse response, EmergencyEventReading reading) {
		this.response = response;
		this.reading = reading;
	}

	/** A step done, with an optional note. */
	record StepDone(String note) {
	}

	/** An action of a phase. */
	record Action(@Schema(description = "DISPATCH, DIAGNOSIS, COMMUNICATION or RECOVERY") String phase, String text) {
	}

	/** An escalation to a more severe level. */
	record Escalation(@Schema(description = "EXTRAORDINARY, MAJOR or SERIOUS, above the current level") String level,
			String reason) {
	}

	/** A closure with its summary. */
	record Closure(String summary) {
	}

	@GetMapping
	@Operation(summary = "The emergency events, latest declared first",
			description = "Keyset pages: pass `next` as `cursor`. `status`: OPEN or CLOSED.")
	KeysetPage<EventLine> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String cursor,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit) {
		return reading.list(status, cursor, limit);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Declare an emergency event", description = "The stakeholders of its level are notified. "
			+ "400 naming every refused field: a plan must be approved and in force, a ticket readable.")
	EventView declare(@RequestBody(required = false) EmergencyEventResponse.Declaration declaration) {
		return reading.view(response.declare(declaration));
	}

	@GetMapping("/{id}")
	@Operation(summary = "An event with its checklist and its whole timeline")
	EventView get(@PathVariable long id) {
		return reading.view(id);
	}

	@GetMapping("/{id}/timeline")
	@Operation(summary = "The timeline entries after a given entry, in order",
			description = "Poll with the last entry's id as `after` to follow the event.")
	List<EntryView> timeline(@PathVariable long id,
			@Parameter(description = "the last entry already read; 0 for all") @RequestParam(required = false)
			Long after) {
		return reading.timeline(id, after == null ? 0 : after);
	}

	@PostMapping("/{id}/steps/{stepId}/done")
	@Operation(summary = "Mark a checklist step done, now, by me", description = "409 when it is already done or "
			+ "the event is closed.")
	EventView stepDone(@PathVariable long id, @PathVariable long stepId,
			@RequestBody(required = false) StepDone body) {
		response.completeStep(id, stepId, body == null ? null : body.note());
		return reading.view(id);
	}

	@PostMapping("/{id}/actions")
	@Operation(summary = "Record an action of a phase")
	EventView act(@PathVariable long id, @RequestBody(required = false) Action body) {
		response.act(id, body == null ? null : body.phase(), body == null ? null : body.text());
		return reading.view(id);
	}

	@PostMapping("/{id}/escalate")
	@Operation(summary = "Escalate to a more severe level", description = "The new level's stakeholders are "
			+ "notified. 422 for a level that is not more severe.")
	EventView escalate(@PathVariable long id, @RequestBody(required = false) Escalation body) {
		response.escalate(id, body == null ? null : body.level(), body == null ? null : body.reason());
		return reading.view(id);
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close the event with its summary", description = "422 while checklist steps are open.")
	EventView close(@PathVariable long id, @RequestBody(required = false) Closure body) {
		response.close(id, body == null ? null : body.summary());
		return reading.view(id);
	}
}
