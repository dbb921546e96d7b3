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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunwei.personnel.internal.StaffImport.StaffImportReport;
import org.yunwei.web.RejectedRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpSession;

/**
 * The Excel import of staff records and certificates: the template, a preview that names every refused row and
 * column, and the import itself, all or nothing. In the browser the previewed file waits in the keeper's session, so
 * that the import takes exactly the file previewed.
 */
@Controller
@Tag(name = "Staff import", description = "Excel import of staff records and their certificates, all or nothing, "
		+ "with a row-level report. PERSONNEL_MANAGE.")
class StaffImportController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	static final String PENDING = "personnel.import.pending.";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final StaffImport imports;
	private final StaffAccess access;

	StaffImportController(StaffImport imports, StaffAccess access) {
		this.imports = imports;
		this.access = access;
	}

	/** The multipart body of the import, for the API document. */
	record StaffImportUpload(@Schema(type = "string", format = "binary",
			description = "the filled-in template (.xlsx)") String file) {
	}

	@GetMapping("/api/v1/staff/import-template")
	@Operation(summary = "The Excel template of the staff import, with the people and posts I may name")
	ResponseEntity<byte[]> apiTemplate(Locale locale) {
		return template(locale);
	}

	@PostMapping("/api/v1/staff/import")
	@ResponseBody
	@Operation(summary = "Import staff records and certificates from the template, all or nothing",
			description = "Every row is checked as the forms check it. With dryRun=true nothing is stored (200 with "
					+ "the report). Otherwise 200 when every row was recorded, 422 with the report naming each refused "
					+ "row and column when any was refused (then nothing is stored). A file that is not an .xlsx "
					+ "workbook by its bytes is 415; a workbook that is not the template, or too many rows, 400.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					schema = @Schema(implementation = StaffImportUpload.class))))
	ResponseEntity<StaffImportReport> apiImport(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) Boolean dryRun, Locale locale) throws IOException {
		boolean preview = Boolean.TRUE.equals(dryRun);
		StaffImportReport report = imports.run(file == null ? null : file.getBytes(), !preview, locale);
		boolean refused = !preview && !report.imported();
		return ResponseEntity.status(refused ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(report);
	}

	@GetMapping("/staff/import")
	String page(Model model) {
		access.requireKeeper();
		model.addAttribute("errors", Map.of());
		return "personnel/import";
	}

	@GetMapping("/staff/import/template")
	ResponseEntity<byte[]> template(Locale locale) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("staff-import.xlsx").build().toString())
			.body(imports.template(locale));
	}

	@PostMapping("/staff/import/preview")
	String preview(@RequestParam(required = false) MultipartFile file, HttpSession session, Locale locale,
			Model model) throws IOException {
		access.requireKeeper();
		byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
		try {
			StaffImportReport report = imports.run(bytes, false, locale);
			String token = HexFormat.of().formatHex(randomBytes());
			if (report.refusedRows() == 0 && report.rows() + report.certificates() > 0) {
				session.setAttribute(PENDING + token, bytes);
				model.addAttribute("token", token);
			}
			model.addAttribute("report", report);
			model.addAttribute("fileName", file.getOriginalFilename());
			return "personnel/import-preview";
		}
		catch (RejectedRequest refused) {
			if (refused.status() == HttpStatus.NOT_FOUND || refused.status() == HttpStatus.FORBIDDEN) {
				throw refused;
			}
			Map<String, String> errors = new LinkedHashMap<>(refused.fieldErrors());
			errors.putIfAbsent("file", refused.messageKey());
			model.addAttribute("errors", errors);
			model.addAttribute("problem", "personnel.import.problem");
			return "personnel/import";
		}
	}

	@PostMapping("/staff/import")
	String store(@RequestParam(required = false) String token, HttpSession session, Locale locale, Model model,
			RedirectAttributes redirect) {
		access.requireKeeper();
		String key = PENDING + (token == null ? "" : token.replaceAll("[^0-9a-f]", ""));
		byte[] bytes = (byte[]) session.getAttribute(key);
		if (bytes == null) {
			model.addAttribute("errors", Map.of("file", "personnel.import.expired"));
			model.addAttribute("problem", "personnel.import.problem");
			return "personnel/import";
		}
		session.removeAttribute(key);
		StaffImportReport report = imports.run(bytes, true, locale);
		if (!report.imported()) {
			// the stored records changed between the preview and now: the report says which rows
			model.addAttribute("report", report);
			return "personnel/import-preview";
		}
		redirect.addFlashAttribute("notice", "personnel.import.done");
		return "redirect:/staff";
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return bytes;
	}
}
