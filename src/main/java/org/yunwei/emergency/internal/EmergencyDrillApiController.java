package org.yunwei.emergency.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunwei.emergency.internal.EmergencyDrillReading.DrillLine;
import org.yunwei.emergency.internal.EmergencyDrillReading.DrillView;
import org.yunwei.web.FileDownload;
import org.yunwei.web.FileFormat;
import org.yunwei.web.KeysetPage;
import org.yunwei.web.UploadedFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/drills")
@Tag(name = "Emergency drills", description = "应急演练 of a plan in force: the drill plan (objective, subjects, "
		+ "method, participants, time, place), its steps started and finished in order at their exact instants with "
		+ "a contact per stage, screenshots attached to steps, the summary, improvements and whether the plan must be "
		+ "revised (closed once a newer version of the plan is approved). Read with EMERGENCY_READ; planned and "
		+ "finished with EMERGENCY_MANAGE; run with EMERGENCY_RESPOND.")
class EmergencyDrillApiController {

	private final EmergencyDrilling drilling;
	private final EmergencyDrillReading reading;

	EmergencyDrillApiController(EmergencyDrilling drilling, EmergencyDrillReading reading) {
		this.drilling = drilling;
		this.reading = reading;
	}

	/** A step finished, with an optional note. */
	record StepFinished(String note) {
	}

	/** The drill's closing. */
	record Closing(String summary, String improvements, Boolean revisionRequired) {
	}

	@GetMapping
	@Operation(summary = "The drills, latest planned first", description = "Keyset pages: pass `next` as `cursor`.")
	KeysetPage<DrillLine> list(@RequestParam(required = false) String cursor,
			@Parameter(description = "1 to 200, default 50") @RequestParam(required = false) Integer limit) {
		return reading.list(cursor, limit);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Plan a drill of a plan in force", description = "The approved version's procedure becomes "
			+ "the steps. 400 naming every refused field.")
	DrillView plan(@RequestBody(required = false) EmergencyDrilling.DrillDraft draft) {
		return reading.view(drilling.plan(draft));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A drill with its steps, their instants, contacts and screenshots")
	DrillView get(@PathVariable long id) {
		return reading.view(id);
	}

	@PostMapping("/{id}/start")
	@Operation(summary = "Start the drill now", description = "409 unless planned.")
	DrillView start(@PathVariable long id) {
		drilling.start(id);
		return reading.view(id);
	}

	@PostMapping("/{id}/steps/{stepId}/start")
	@Operation(summary = "Start a step now", description = "422 while the step before it is not finished; 409 when "
			+ "started already or the drill is not running.")
	DrillView startStep(@PathVariable long id, @PathVariable long stepId) {
		drilling.startStep(id, stepId);
		return reading.view(id);
	}

	@PostMapping("/{id}/steps/{stepId}/finish")
	@Operation(summary = "Finish a started step now")
	DrillView finishStep(@PathVariable long id, @PathVariable long stepId,
			@RequestBody(required = false) StepFinished body) {
		drilling.finishStep(id, stepId, body == null ? null : body.note());
		return reading.view(id);
	}

	// no consumes condition: a request of another type reaches the rights check (403) and then the missing file (400)
	@PostMapping("/{id}/steps/{stepId}/screenshots")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Attach a screenshot to a started step", description = "multipart/form-data with the part "
			+ "`file`: PNG, JPEG or GIF by its bytes, at most 5 MB; 400 otherwise.")
	DrillView attach(@PathVariable long id, @PathVariable long stepId,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
					mediaType = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE,
					schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object", requiredProperties = "file",
							description = "the file in the part named `file`")))
			@RequestPart(name = "file", required = false) MultipartFile file) {
		drilling.attach(id, stepId, UploadedFile.of(file, EmergencyDrilling.SCREENSHOT_MAX_BYTES));
		return reading.view(id);
	}

	@GetMapping("/{id}/screenshots/{screenshotId}")
	@Operation(summary = "Download a screenshot (audited)")
	ResponseEntity<byte[]> screenshot(@PathVariable long id, @PathVariable long screenshotId) {
		EmergencyDrillSteps.StoredScreenshot shot = drilling.screenshot(id, screenshotId);
		return FileDownload.of(shot.storedName(), FileFormat.contentType(shot.extension()), shot.sha256(),
				shot.content());
	}

	@PostMapping("/{id}/finish")
	@Operation(summary = "Finish the drill with its summary and improvements", description = "422 while steps are "
			+ "not finished.")
	DrillView finish(@PathVariable long id, @RequestBody(required = false) Closing body) {
		drilling.finish(id, body == null ? null : body.summary(), body == null ? null : body.improvements(),
				body == null ? null : body.revisionRequired());
		return reading.view(id);
	}
}
