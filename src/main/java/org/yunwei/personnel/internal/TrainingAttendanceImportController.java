package org.yunwei.personnel.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.personnel.internal.TrainingAttendanceImport.AttendanceImportReport;
import org.yunwei.web.RejectedRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpSession;

/**
 * The Excel import of a training session's attendance: the session's template, a preview naming every refused row
 * and column, and the import itself, all or nothing or the valid rows when asked. In the browser the previewed file
 * waits in the keeper's session with the choice made, so that the import takes exactly what was previewed.
 */
@Controller
@Tag(name = "Training attendance import", description = "Excel import of a session's attendance (who attended, "
		+ "hours, exam score, remarks), with a row-level report. PERSONNEL_MANAGE.")
class TrainingAttendanceImportController {

	static final String PENDING = "personnel.attendance-import.pending.";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final TrainingAttendanceImport imports;
	private final Training training;

	TrainingAttendanceImportController(TrainingAttendanceImport imports, Training training) {
		this.imports = imports;
		this.training = training;
	}

	/** The multipart body of the import, for the API document. */
	record TrainingAttendanceUpload(@Schema(type = "string", format = "binary",
			description = "the session's filled-in template (.xlsx)") String file) {
	}

	/** A previewed file waiting for the keeper's confirmation, with the choice of importing only the valid rows. */
	private record Pending(long planId, long sessionId, byte[] file, boolean validRowsOnly)
			implements java.io.Serializable {
	}

	@GetMapping("/api/v1/trainings/{id}/sessions/{sessionId}/attendance-import-template")
	@Operation(summary = "The Excel template of a session's attendance, with the people who may be named")
	ResponseEntity<byte[]> apiTemplate(@PathVariable long id, @PathVariable long sessionId, Locale locale) {
		return template(id, sessionId, locale);
	}

	@PostMapping("/api/v1/trainings/{id}/sessions/{sessionId}/attendance-import")
	@ResponseBody
	@Operation(summary = "Import a session's attendance from its template",
			description = "Each row names a staff record of the plan's provider by login name, with the hours "
					+ "attended, the exam score (only when the session has an exam) and remarks; listed people are "
					+ "added to the session or their values replaced, others stay. With dryRun=true nothing is stored "
					+ "(200 with the report). Otherwise 200 when the rows were recorded; when any row is refused, 422 "
					+ "with the report and nothing stored, unless validRowsOnly=true (then the valid rows are recorded, "
					+ "200). A file that is not an .xlsx workbook by its bytes is 415; a workbook that is not the "
					+ "template (or the template of another session), or more than 2,000 rows, 400.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					schema = @Schema(implementation = TrainingAttendanceUpload.class))))
	ResponseEntity<AttendanceImportReport> apiImport(@PathVariable long id, @PathVariable long sessionId,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Boolean dryRun,
			@RequestParam(required = false) Boolean validRowsOnly, Locale locale) throws IOException {
		boolean preview = Boolean.TRUE.equals(dryRun);
		boolean validOnly = Boolean.TRUE.equals(validRowsOnly);
		AttendanceImportReport report = imports.run(id, sessionId, file == null ? null : file.getBytes(), !preview,
				validOnly, locale);
		boolean refused = !preview && report.refusedRows() > 0 && !validOnly;
		return ResponseEntity.status(refused ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(report);
	}

	@GetMapping("/trainings/{id:\\d+}/sessions/{sessionId:\\d+}/attendance-import")
	String page(@PathVariable long id, @PathVariable long sessionId, Model model) {
		describe(id, sessionId, model);
		model.addAttribute("errors", Map.of());
		return "personnel/attendance-import";
	}

	@GetMapping("/trainings/{id:\\d+}/sessions/{sessionId:\\d+}/attendance-import/template")
	ResponseEntity<byte[]> template(@PathVariable long id, @PathVariable long sessionId, Locale locale) {
		byte[] workbook = imports.template(id, sessionId, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(StaffImportController.XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("training-attendance-" + sessionId + ".xlsx").build().toString())
			.body(workbook);
	}

	@PostMapping("/trainings/{id:\\d+}/sessions/{sessionId:\\d+}/attendance-import/preview")
	String preview(@PathVariable long id, @PathVariable long sessionId,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Boolean validRowsOnly,
			HttpSession session, Locale locale, Model model) throws IOException {
		describe(id, sessionId, model);
		byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
		boolean validOnly = Boolean.TRUE.equals(validRowsOnly);
		try {
			AttendanceImportReport report = imports.run(id, sessionId, bytes, false, validOnly, locale);
			if (report.validRows() > 0 && (report.refusedRows() == 0 || validOnly)) {
				String token = HexFormat.of().formatHex(randomBytes());
				session.setAttribute(PENDING + token, new Pending(id, sessionId, bytes, validOnly));
				model.addAttribute("token", token);
			}
			model.addAttribute("report", report);
			model.addAttribute("validRowsOnly", validOnly);
			return "personnel/attendance-import-preview";
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			Map<String, String> errors = new LinkedHashMap<>(refused.fieldErrors());
			errors.putIfAbsent("file", refused.messageKey());
			model.addAttribute("errors", errors);
			model.addAttribute("problem", "personnel.import.problem");
			return "personnel/attendance-import";
		}
	}

	@PostMapping("/trainings/{id:\\d+}/sessions/{sessionId:\\d+}/attendance-import")
	String store(@PathVariable long id, @PathVariable long sessionId, @RequestParam(required = false) String token,
			HttpSession session, Locale locale, Model model, RedirectAttributes redirect) {
		describe(id, sessionId, model);
		String key = PENDING + (token == null ? "" : token.replaceAll("[^0-9a-f]", ""));
		Pending pending = session.getAttribute(key) instanceof Pending p && p.planId() == id
				&& p.sessionId() == sessionId ? p : null;
		if (pending == null) {
			model.addAttribute("errors", Map.of("file", "personnel.import.expired"));
			model.addAttribute("problem", "personnel.import.problem");
			return "personnel/attendance-import";
		}
		session.removeAttribute(key);
		AttendanceImportReport report = imports.run(id, sessionId, pending.file(), true, pending.validRowsOnly(),
				locale);
		if (report.imported() == 0) {
			// the stored records changed between the preview and now: the report says which rows
			model.addAttribute("report", report);
			model.addAttribute("validRowsOnly", pending.validRowsOnly());
			return "personnel/attendance-import-preview";
		}
		redirect.addFlashAttribute("notice", "personnel.attendance.import.done");
		return "redirect:/trainings/" + id + "#session-" + sessionId;
	}

	/** The plan and session the pages are about (the keeper's right checked first: 404 for another's plan). */
	private void describe(long planId, long sessionId, Model model) {
		training.kept(planId);
		Training.TrainingPlanView view = training.view(planId);
		Training.CourseView course = null;
		Training.SessionView found = null;
		for (Training.CourseView c : view.courses()) {
			for (Training.SessionView s : c.sessions()) {
				if (s.id() == sessionId) {
					course = c;
					found = s;
				}
			}
		}
		if (found == null) {
			throw RejectedRequest.notFound("training-session");
		}
		model.addAttribute("view", view);
		model.addAttribute("course", course);
		model.addAttribute("trainingSession", found);
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return bytes;
	}
}
