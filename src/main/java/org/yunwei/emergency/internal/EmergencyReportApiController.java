package org.yunwei.emergency.internal;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.emergency.internal.EmergencyReports.Kind;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Emergency reports", description = "故障报告, 事后总结报告 and 应急演练报告 as PDF (Chinese font embedded) "
		+ "or Word, derived from the event's timeline or the drill's steps; in the language of Accept-Language. Read "
		+ "with EMERGENCY_READ within the scope served.")
class EmergencyReportApiController {

	private static final String FORMAT = "pdf (the default) or docx; anything else is 400 naming `format`";

	private final EmergencyReports reports;

	EmergencyReportApiController(EmergencyReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/v1/emergency-events/{id}/fault-report")
	@Operation(summary = "The fault report (故障报告) of an emergency event: cause, times, scope, process, recovery time")
	@ApiResponse(responseCode = "200", description = "The document", content = {
			@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
					schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<byte[]> fault(@PathVariable long id,
			@Parameter(description = FORMAT) @RequestParam(required = false) String format, Locale locale) {
		return reports.event(id, Kind.FAULT, EmergencyReports.format(format), locale).download();
	}

	@GetMapping("/api/v1/emergency-events/{id}/post-event-report")
	@Operation(summary = "The post-event report (事后总结报告): summary, checklist against its limits, escalations, timeline")
	@ApiResponse(responseCode = "200", description = "The document", content = {
			@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
					schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<byte[]> postEvent(@PathVariable long id,
			@Parameter(description = FORMAT) @RequestParam(required = false) String format, Locale locale) {
		return reports.event(id, Kind.POST_EVENT, EmergencyReports.format(format), locale).download();
	}

	@GetMapping("/api/v1/drills/{id}/report")
	@Operation(summary = "The drill report (应急演练报告): plan, steps with their instants, summary, improvements")
	@ApiResponse(responseCode = "200", description = "The document", content = {
			@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
					schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<byte[]> drill(@PathVariable long id,
			@Parameter(description = FORMAT) @RequestParam(required = false) String format, Locale locale) {
		return reports.drill(id, EmergencyReports.format(format), locale).download();
	}
}
