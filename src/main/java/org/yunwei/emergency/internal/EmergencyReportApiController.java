package org.yunwei.emergency.internal;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yunwei.emergency.internal.EmergencyReportReading.EmergencyReportView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Emergency reports", description = "故障报告, 事后总结报告 and 应急演练报告: drafted from the event's timeline "
		+ "or the drill's steps, their sections edited while a draft (each save a version in the history), submitted "
		+ "for approval (subject type emergency-report, at the hash of the text), issued once approved (frozen: "
		+ "edits are 409). Printed as PDF (Chinese font embedded) or Word in the language of Accept-Language; a report "
		+ "not issued prints as a draft (草稿), an issued one names its approvers and date. Read with EMERGENCY_READ, "
		+ "written with EMERGENCY_MANAGE, within the scope of the event or drill.")
class EmergencyReportApiController {

	private static final String FORMAT = "pdf (the default) or docx; anything else is 400 naming `format`";
	private static final String KIND = "fault (故障报告) or post-event (事后总结报告); anything else is 404";

	private final EmergencyReports reports;
	private final EmergencyReportReading reading;
	private final EmergencyReportWriting writing;
	private final EmergencyReportApproval approval;
	private final EmergencyAccess access;

	EmergencyReportApiController(EmergencyReports reports, EmergencyReportReading reading,
			EmergencyReportWriting writing, EmergencyReportApproval approval, EmergencyAccess access) {
		this.access = access;
		this.reports = reports;
		this.reading = reading;
		this.writing = writing;
		this.approval = approval;
	}

	/** The sections to save, by key; the others stay as they are. */
	record EmergencyReportEdit(
			@Schema(description = "section key → text. Fault report: scope, cause, process, recovery, lessons; "
					+ "post-event report: summary, process, lessons; drill report: process, summary, improvements")
			Map<String, String> sections) {
	}

	// the printed documents: one piece serves the three routes

	@GetMapping("/api/v1/emergency-events/{id}/fault-report")
	@Operation(summary = "The fault report (故障报告) of an emergency event: cause, times, scope, process, recovery time")
	@ApiResponse(responseCode = "200", description = "The document", content = {
			@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
					schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<byte[]> fault(@PathVariable long id,
			@Parameter(description = FORMAT) @RequestParam(required = false) String format, Locale locale) {
		return document(new EmergencyReportSubject(EmergencyReportKind.FAULT, id), format, locale);
	}

	@GetMapping("/api/v1/emergency-events/{id}/post-event-report")
	@Operation(summary = "The post-event report (事后总结报告): summary, checklist against its limits, escalations, timeline")
	@ApiResponse(responseCode = "200", description = "The document", content = {
			@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
					schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<byte[]> postEvent(@PathVariable long id,
			@Parameter(description = FORMAT) @RequestParam(required = false) String format, Locale locale) {
		return document(new EmergencyReportSubject(EmergencyReportKind.POST_EVENT, id), format, locale);
	}

	@GetMapping("/api/v1/drills/{id}/report")
	@Operation(summary = "The drill report (应急演练报告): plan, steps with their instants, summary, improvements")
	@ApiResponse(responseCode = "200", description = "The document", content = {
			@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
			@Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
					schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<byte[]> drill(@PathVariable long id,
			@Parameter(description = FORMAT) @RequestParam(required = false) String format, Locale locale) {
		return document(EmergencyReportSubject.ofDrill(id), format, locale);
	}

	private ResponseEntity<byte[]> document(EmergencyReportSubject subject, String format, Locale locale) {
		return reports.print(subject, format, locale).download();
	}

	// an event's report as a document of its own

	@GetMapping("/api/v1/emergency-events/{id}/reports/{kind}")
	@Operation(summary = "An event's report: status, sections, history", description = "Before it is drafted, status "
			+ "NOT_DRAFTED with the sections a draft would have now (nothing stored).")
	EmergencyReportView eventReport(@PathVariable long id, @Parameter(description = KIND) @PathVariable String kind,
			Locale locale) {
		return reading.view(readable(id, kind), locale);
	}

	@PostMapping("/api/v1/emergency-events/{id}/reports/{kind}")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draft an event's report from its timeline", description = "409 when drafted already.")
	EmergencyReportView draftEventReport(@PathVariable long id,
			@Parameter(description = KIND) @PathVariable String kind, Locale locale) {
		return draft(writable(id, kind), locale);
	}

	@PutMapping("/api/v1/emergency-events/{id}/reports/{kind}")
	@Operation(summary = "Save sections of an event's report", description = "400 naming `sections.<key>` for an "
			+ "unknown section or a text over 20000 characters; 404 before it is drafted; 409 in review or issued.")
	EmergencyReportView editEventReport(@PathVariable long id,
			@Parameter(description = KIND) @PathVariable String kind,
			@RequestBody(required = false) EmergencyReportEdit edit, Locale locale) {
		return edit(writable(id, kind), edit, locale);
	}

	@PostMapping("/api/v1/emergency-events/{id}/reports/{kind}/submit")
	@Operation(summary = "Submit an event's report for approval", description = "409 unless a draft; 422 while the "
			+ "event is open; 400 naming each blank section.")
	EmergencyReportView submitEventReport(@PathVariable long id,
			@Parameter(description = KIND) @PathVariable String kind, Locale locale) {
		return submit(writable(id, kind), locale);
	}

	@PostMapping("/api/v1/emergency-events/{id}/reports/{kind}/withdraw")
	@Operation(summary = "Withdraw an event's report from approval", description = "409 unless in review; the "
			+ "report is a draft again once the approval module reports the withdrawal.")
	EmergencyReportView withdrawEventReport(@PathVariable long id,
			@Parameter(description = KIND) @PathVariable String kind, Locale locale) {
		return withdraw(writable(id, kind), locale);
	}

	// a drill's report as a document of its own

	@GetMapping("/api/v1/drills/{id}/report/content")
	@Operation(summary = "A drill's report: status, sections, history", description = "Before it is drafted, status "
			+ "NOT_DRAFTED with the sections a draft would have now (nothing stored).")
	EmergencyReportView drillReport(@PathVariable long id, Locale locale) {
		return reading.view(EmergencyReportSubject.ofDrill(id), locale);
	}

	@PostMapping("/api/v1/drills/{id}/report/content")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draft a drill's report from its steps", description = "409 when drafted already.")
	EmergencyReportView draftDrillReport(@PathVariable long id, Locale locale) {
		return draft(EmergencyReportSubject.ofDrill(id), locale);
	}

	@PutMapping("/api/v1/drills/{id}/report/content")
	@Operation(summary = "Save sections of a drill's report", description = "400 naming `sections.<key>` for an "
			+ "unknown section or a text over 20000 characters; 404 before it is drafted; 409 in review or issued.")
	EmergencyReportView editDrillReport(@PathVariable long id,
			@RequestBody(required = false) EmergencyReportEdit edit, Locale locale) {
		return edit(EmergencyReportSubject.ofDrill(id), edit, locale);
	}

	@PostMapping("/api/v1/drills/{id}/report/submit")
	@Operation(summary = "Submit a drill's report for approval", description = "409 unless a draft; 422 until the "
			+ "drill is finished; 400 naming each blank section.")
	EmergencyReportView submitDrillReport(@PathVariable long id, Locale locale) {
		return submit(EmergencyReportSubject.ofDrill(id), locale);
	}

	@PostMapping("/api/v1/drills/{id}/report/withdraw")
	@Operation(summary = "Withdraw a drill's report from approval", description = "409 unless in review.")
	EmergencyReportView withdrawDrillReport(@PathVariable long id, Locale locale) {
		return withdraw(EmergencyReportSubject.ofDrill(id), locale);
	}

	private EmergencyReportView draft(EmergencyReportSubject subject, Locale locale) {
		writing.draft(subject, locale);
		return reading.view(subject, locale);
	}

	private EmergencyReportView edit(EmergencyReportSubject subject, EmergencyReportEdit edit, Locale locale) {
		writing.edit(subject, edit == null ? null : edit.sections());
		return reading.view(subject, locale);
	}

	private EmergencyReportView submit(EmergencyReportSubject subject, Locale locale) {
		approval.submit(subject);
		return reading.view(subject, locale);
	}

	private EmergencyReportView withdraw(EmergencyReportSubject subject, Locale locale) {
		approval.withdraw(subject);
		return reading.view(subject, locale);
	}

	/** The right is checked before the kind is read: 403 without it, whatever the path says. */
	private EmergencyReportSubject readable(long id, String kind) {
		access.reader();
		return EmergencyReportSubject.ofEvent(id, kind);
	}

	private EmergencyReportSubject writable(long id, String kind) {
		access.planAuthor();
		return EmergencyReportSubject.ofEvent(id, kind);
	}
}
